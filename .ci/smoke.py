"""Over HTTP, as the reverse proxy would ask: the served site answers and its worker runs tasks.

Usage: smoke.py BASE_URL SITE_URL MAILDIR. Talks to gunicorn at BASE_URL with the Host and
X-Forwarded-Proto headers the proxy sends; SITE_URL is the public address every link must carry;
MAILDIR is where the SMTP server keeps the messages it received.
Exits 1 with a message at the first failure. Standard library only.
"""

import email.policy
import http.client
import mailbox
import re
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

base, site_url, maildir = sys.argv[1], sys.argv[2].rstrip("/"), Path(sys.argv[3])
backend = urllib.parse.urlsplit(base)
public = urllib.parse.urlsplit(site_url)
cookies = {}


def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(backend.hostname, backend.port, timeout=30)
    sent = {"Host": public.netloc, "X-Forwarded-Proto": public.scheme, **(headers or {})}
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    data = response.read().decode("utf-8", "replace")
    for header in response.headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            cookies[name] = morsel.value
    connection.close()
    return response, data


def check(condition, message):
    if not condition:
        print(f"FAIL {message}")
        sys.exit(1)
    print(f"ok   {message}")


def get(path, expect=200, contains=None):
    response, data = request("GET", path)
    check(response.status == expect, f"GET {path} answers {response.status} (expected {expect})")
    if contains:
        check(contains in data, f"GET {path} shows « {contains} »")
    return data


get("/sante/", contains='"database": "ok"')
get("/", contains="Territoire Numérique Libre")
get("/editions/2021/", contains="2021")
get("/recherche/?q=label")

sitemap = get("/sitemap.xml")
locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
check(locations, f"the sitemap lists {len(locations)} address(es)")
wrong = [loc for loc in locations if not loc.startswith(site_url + "/")]
check(not wrong, f"every sitemap address starts with {site_url}/ ({wrong[:3] or 'none wrong'})")

# A request that queues a task: the sign-up form queues the confirmation email.
form = get("/compte/inscription/")
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
address = f"smoke-{int(time.time())}@example.org"
body = urllib.parse.urlencode(
    {
        "csrfmiddlewaretoken": token,
        "first_name": "Camille",
        "last_name": "Fumée",
        "email": address,
        "password1": "un-mot-de-passe-solide-42",
        "password2": "un-mot-de-passe-solide-42",
    }
)
response, _data = request(
    "POST",
    "/compte/inscription/",
    body=body,
    headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": site_url,
        "Referer": f"{site_url}/compte/inscription/",
    },
)
check(response.status == 302, f"POST /compte/inscription/ answers {response.status} (expected 302)")


def received(address):
    """Plain-text bodies of the messages the SMTP server received for ``address``."""
    if not maildir.exists():
        return []
    factory = mailbox.Maildir(maildir, factory=None, create=False)
    bodies = []
    for key in factory.iterkeys():  # iterating a Mailbox yields messages, not keys
        message = email.message_from_bytes(factory.get_bytes(key), policy=email.policy.default)
        if address in message["To"]:
            bodies.append(message.get_body(("plain",)).get_content())
    return bodies


deadline = time.time() + 30
bodies = []
while time.time() < deadline and not bodies:
    bodies = received(address)
    time.sleep(0.5)
check(bodies, f"the worker sent the confirmation email to {address} through SMTP")
links = re.findall(r"https?://\S+/compte/confirmer/\S+", bodies[0])
check(
    links and all(link.startswith(site_url + "/") for link in links),
    f"the email's link carries {site_url} ({links[0][:60] if links else 'no link'}...)",
)
