"""Two app servers on one PostgreSQL database and one Redis, as in production behind a proxy.

Two gunicorn processes (production settings, one worker each) serve the same site. What one
process changes, or what the worker publishes, is what the other serves at its next request: no
process keeps a stale copy of a page, a menu or a palmarès. Login throttling (django-axes) counts
the failures of a pair (account, client) across both: five failures spread over the two servers
lock the pair on both.

Whatever database the suite runs on (SQLite or PostgreSQL), this test runs against this machine's
PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379, db 13, keys prefixed with
the test database's name), which are always there, here and in CI. A migrated template database
(named by a digest of what decides the migrated state, as in tests/migrated_db.py, and of the
seed below) is built once per PostgreSQL cluster (~40 s idle); each run copies it (~1 s). The
three newest templates are kept (checkouts with other migrations); any may be dropped at any time.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
import pytest
import redis

from tests.migrated_db import migrations_digest

ROOT = Path(__file__).resolve().parent.parent
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS_URL = "redis://127.0.0.1:6379/13"
SITE = "label.example.org"
CLIENT_IP = "203.0.113.7"
PASSWORD = "un-mot-de-passe-solide-42"
RECOVERY_CODE = "secours-2-serv"

# What the template database holds besides the migrations' data, written with the production
# settings as a release and the staff would: the site, a Communication account (an authenticator
# and a recovery code as its second factor), an applicant, a news item, a published palmarès.
SEED = f"""
import datetime as dt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from editions.models import Collectivite, Edition, Result
from home.factories import NewsIndexPageFactory, NewsPageFactory
from home.roles import APPLICANTS, COMMUNICATION
from home.site_setup import setup_site

from django.db import transaction

with transaction.atomic():
    site = setup_site("https://{SITE}")
    User = get_user_model()
    communication = User.objects.create_user(
        "com-deux-serveurs", "com@example.org", "{PASSWORD}", first_name="Chloé"
    )
    communication.groups.add(Group.objects.get(name=COMMUNICATION))
    device = StaticDevice.objects.create(user=communication, name="recovery", confirmed=True)
    device.token_set.create(token="{RECOVERY_CODE}")
    TOTPDevice.objects.create(user=communication, name="app", confirmed=True)
    applicant = User.objects.create_user(
        "candidate@example.org", "candidate@example.org", "{PASSWORD}", first_name="Camille"
    )
    applicant.groups.add(Group.objects.get(name=APPLICANTS))
    news = NewsIndexPageFactory(parent=site.root_page)
    NewsPageFactory(parent=news, title="Actualité éphémère", slug="ephemere")
    edition = Edition.objects.create(
        year=2021, ordinal=6, ceremony_place="Paris",
        results_published_at=timezone.now() - dt.timedelta(days=30),
    )
    edition.add_default_levels()
    level = edition.levels.order_by("number").last()
    for name, slug in [("Abbeville", "abbeville"), ("Tournesol-sur-Lez", "tournesol-sur-lez")]:
        Collectivite.objects.create(
            name=name, slug=slug, kind="commune", population=1000, population_year=2023,
            departement="Hérault", departement_code="34", region="Occitanie",
        )
    Result.objects.create(edition=edition, collectivite=Collectivite.objects.get(slug="abbeville"),
                          level=level)
"""

# The worker (or a scheduled publication) publishing a decision: a third process.
PUBLISH_DECISION = """
from editions.models import Collectivite, Edition, Result
edition = Edition.objects.get(year=2021)
Result.objects.create(
    edition=edition, collectivite=Collectivite.objects.get(slug="tournesol-sur-lez"),
    level=edition.levels.order_by("number").first(),
)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.two_servers_settings",
        SECRET_KEY="two-app-servers-" + "s" * 40,
        ALLOWED_HOSTS=SITE,
        SITE_URL=f"https://{SITE}",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=database,  # its own keys: the SQLite and PostgreSQL suites run at once
        SECURE_HSTS_SECONDS="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(database, *args, code=None):
    command = [sys.executable, "manage.py", *args]
    if code is not None:
        command += ["shell", "--no-imports", "-c", code]
    done = subprocess.run(
        command, cwd=ROOT, env=environment(database), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]


def template_name():
    # The same inputs as the suite's migrated copy (tests/migrated_db.py), and the seed below.
    return f"tnl_two_servers_tpl_{migrations_digest(SEED)[:12]}"


def admin_connection():
    return psycopg.connect(dbname="postgres", autocommit=True, **PG)


def ensure_template(connection):
    """The migrated and seeded template, built once (under a lock: two suites run at once)."""
    name = template_name()
    connection.execute("SELECT pg_advisory_lock(hashtext('tnl_two_servers_tpl'))")
    try:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            return name
        # Keep the two newest others (checkouts with other migrations share this cluster).
        others = connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'tnl_two_servers_tpl_%%' "
            "ORDER BY oid DESC OFFSET 2"
        ).fetchall()
        for (old,) in others:
            connection.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        building = name + "_new"
        connection.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')  # a failed build
        connection.execute(f'CREATE DATABASE "{building}"')
        manage(building, "migrate", "--noinput", "-v0")
        manage(building, code=SEED)
        connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        return name
    finally:
        connection.execute("SELECT pg_advisory_unlock(hashtext('tnl_two_servers_tpl'))")


def forget_keys(prefix):
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


class Visitor:
    """One browser (one cookie jar) behind the proxy: it may reach either app server."""

    def __init__(self):
        self.cookies = {}

    def request(self, port, method, path, form=None):
        headers = {
            "Host": SITE,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": CLIENT_IP,
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{SITE}"
            headers["Referer"] = f"https://{SITE}{path}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, text

    def get(self, port, path):
        return self.request(port, "GET", path)

    def post(self, port, path, data):
        """POST a form the way a browser does: GET it first for the CSRF token."""
        response, page = self.get(port, path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {path}: {response.status} {response.headers} {page[:3000]}"
        return self.request(port, "POST", path, {"csrfmiddlewaretoken": token.group(1), **data})


@pytest.fixture
def two_servers(tmp_path):
    """Two gunicorn processes on a fresh copy of the template database; its own Redis keys."""
    connection = admin_connection()
    template = ensure_template(connection)
    database = f"tnl_two_servers_{os.getpid()}"
    connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    connection.execute(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')
    forget_keys(database)
    servers, logs = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 (closed below)
            logs.append(log)
            process = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "cms.wsgi",
                    "--workers=1",
                    f"--bind=127.0.0.1:{port}",
                    "--forwarded-allow-ips=127.0.0.1",
                    "--graceful-timeout=1",
                    # One control socket per user by default ($HOME/.gunicorn): two servers at
                    # once race to create it and log an error.
                    "--no-control-socket",
                ],
                cwd=ROOT,
                env=environment(database),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            servers.append((process, port))
        deadline = time.monotonic() + 60
        for process, port in servers:
            while True:
                assert process.poll() is None, (tmp_path / "a.log").read_text()[-2000:]
                try:
                    if Visitor().get(port, "/sante/")[0].status == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < deadline, "an app server did not start"
                time.sleep(0.2)
        yield database, [port for _process, port in servers]
        for log in logs:
            log.flush()
        for name in ("a", "b"):
            errors = [
                line
                for line in (tmp_path / f"{name}.log").read_text().splitlines()
                if "Traceback" in line or "ERROR" in line
            ]
            assert not errors, (tmp_path / f"{name}.log").read_text()[-3000:]
    finally:
        for process, _port in servers:
            process.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown
        for process, _port in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in logs:
            log.close()
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.close()
        forget_keys(database)


def test_a_change_through_one_server_is_served_by_the_other_and_throttling_counts_on_both(
    two_servers,
):
    database, (a, b) = two_servers
    visitor = Visitor()

    # Both servers have served (and cached) the palmarès, the news and the home page; B
    # answers from the copy A stored (the application's page cache lives in Redis).
    visitor.get(a, "/")  # the first page creates the site's settings rows: a change
    served_by = {}
    for port in (a, b):
        response, palmares = visitor.get(port, "/editions/2021/")
        served_by[port] = response.headers.get("X-App-Cache")
        assert "Abbeville" in palmares and "Tournesol-sur-Lez" not in palmares
        assert "Actualité éphémère" in visitor.get(port, "/actualites/")[1]
        assert visitor.get(port, "/actualites/ephemere/")[0].status == 200
    assert served_by == {a: "miss", b: "hit"}

    # A decision published by another process (the worker at the results date): both servers
    # show it at their next request, in the page and in the open data.
    manage(database, code=PUBLISH_DECISION)
    for port in (b, a):
        response, palmares = visitor.get(port, "/editions/2021/")
        assert "Tournesol-sur-Lez" in palmares, response.headers.get("X-App-Cache")
        assert "Tournesol-sur-Lez" in visitor.get(port, "/editions/2021/resultats.json")[1]
        assert visitor.get(port, "/collectivites/tournesol-sur-lez/")[0].status == 200

    # Communication unpublishes the news item through server A (password, then second factor);
    # server B stops serving it at once and its news index no longer lists it.
    staff = Visitor()
    response, _ = staff.post(
        a, "/admin/login/", {"username": "com-deux-serveurs", "password": PASSWORD}
    )
    assert response.status == 302, response.status
    response, _ = staff.post(a, "/admin/2fa/verifier/", {"code": RECOVERY_CODE})
    assert response.status == 302, response.status
    with psycopg.connect(dbname=database, **PG) as db:
        (news_id,) = db.execute(
            "SELECT id FROM wagtailcore_page WHERE slug = 'ephemere'"
        ).fetchone()
    response, _ = staff.post(a, f"/admin/pages/{news_id}/unpublish/", {})
    assert response.status == 302, response.status
    assert visitor.get(b, "/actualites/ephemere/")[0].status == 404
    assert "Actualité éphémère" not in visitor.get(b, "/actualites/")[1]

    # Login throttling: five failures for one (account, client) pair, spread over A and B...
    attacker = Visitor()
    for port in (a, b, a, b):
        response, _ = attacker.post(
            port, "/compte/connexion/", {"username": "candidate@example.org", "password": "x"}
        )
        assert response.status == 400, response.status
    response, _ = attacker.post(
        a, "/compte/connexion/", {"username": "candidate@example.org", "password": "y"}
    )
    assert response.status == 429, response.status  # the 5th failure locks the pair
    # ... lock the pair on B as well, even with the right password (B saw only two failures).
    response, page = attacker.post(
        b, "/compte/connexion/", {"username": "candidate@example.org", "password": PASSWORD}
    )
    assert response.status == 429, response.status
    assert "candidate@example.org" in page
    # Another account from the same client is not locked (the pair, not the client, is).
    response, _ = Visitor().post(
        b, "/compte/connexion/", {"username": "autre@example.org", "password": "x"}
    )
    assert response.status == 400, response.status
