"""N applicants at once, each with a real session, saving dossier steps (autosave) over HTTP.

Usage: python benchmarks/applicants.py BASE_URL [N] [SAVES_EACH] [PACE_SECONDS]
Each applicant logs in at /compte/connexion/, opens its draft from /espace-candidat/, reads
the first step's form, then posts it to the step's autosave URL SAVES_EACH times, changing a
text answer each time and sending back the version the previous save returned (as dossier.js
does). Prints saves/s, p50/p95/p99 latency and the errors (non-200 answers, by status).

PACE_SECONDS (default 2.5, dossier.js's DELAY) is the time between the starts of one
applicant's saves: a person typing saves at most that often. The applicants start spread over
one pace, then all type at once. PACE_SECONDS=0 is the stress run: every applicant posts again as
soon as its previous save answers (closed loop, the server's throughput).
"""

import re
import statistics
import sys
import threading
import time
from collections import Counter
from html.parser import HTMLParser

import requests

PASSWORD = "bench-tnl-password"


class FormFields(HTMLParser):
    """The named fields of the first form posting to the step (inputs, textareas, selects)."""

    def __init__(self):
        super().__init__()
        self.fields, self.textareas, self._textarea, self._select = {}, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"file", "submit", "button"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs or name not in self.fields:
                    self.fields[name] = attrs.get("value", "on")
            else:
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
            self.textareas.append(name)
        elif tag == "select" and name:
            self._select = name
        elif (
            tag == "option"
            and self._select
            and attrs.get("value")
            and ("selected" in attrs or self._select not in self.fields)
        ):
            self.fields[self._select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class Applicant:
    def __init__(self, base, number):
        self.base, self.number, self.cookies = base, number, {}

    def request(self, method, path, **kwargs):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        headers.update(kwargs.pop("headers", {}))
        response = requests.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        # Secure cookies (production settings) over plain loopback HTTP: kept by hand.
        self.cookies.update(response.cookies.get_dict())
        return response

    def login(self):
        page = self.request("GET", "/compte/connexion/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        done = self.request(
            "POST",
            "/compte/connexion/",
            data={
                "csrfmiddlewaretoken": token,
                "username": f"bench-candidat-{self.number}",
                "password": PASSWORD,
            },
            headers={"Referer": self.base + "/compte/connexion/"},
        )
        assert done.status_code == 302, f"login {self.number}: {done.status_code}"
        dashboard = self.request("GET", "/espace-candidat/")
        match = re.search(r'href="(/espace-candidat/dossiers/\d+/etapes/[\w-]+/)"', dashboard.text)
        assert match, f"no draft for applicant {self.number}"
        self.step = match.group(1)
        form = FormFields()
        form.feed(self.request("GET", self.step).text)
        self.fields = form.fields
        self.text_field = next(
            (name for name in form.textareas if name != "csrfmiddlewaretoken"), None
        )

    def save(self, n):
        data = dict(self.fields)
        if self.text_field:
            data[self.text_field] = f"Réponse enregistrée par la mesure, version {n}."
        response = self.request(
            "POST",
            self.step + "autosave/",
            data=data,
            headers={"Referer": self.base + self.step, "X-CSRFToken": data["csrfmiddlewaretoken"]},
        )
        if response.status_code == 200:
            self.fields["version"] = str(response.json().get("version", ""))
        return response.status_code


def main():
    base = sys.argv[1].rstrip("/")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    saves_each = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    pace = float(sys.argv[4]) if len(sys.argv) > 4 else 2.5
    applicants = [Applicant(base, n) for n in range(count)]
    for applicant in applicants:
        began = time.perf_counter()
        applicant.login()
        print(f"applicant {applicant.number} logged in ({time.perf_counter() - began:.1f} s)")
    latencies, statuses, lock = [], Counter(), threading.Lock()
    start = threading.Barrier(count + 1, timeout=120)

    def run(applicant):
        start.wait()
        time.sleep(pace * applicant.number / count)  # typing starts spread over one pace
        next_save = time.perf_counter()
        for n in range(saves_each):
            time.sleep(max(0.0, next_save - time.perf_counter()))
            began = time.perf_counter()
            next_save = began + pace
            try:
                status = applicant.save(n)
            except (requests.RequestException, ValueError, KeyError) as exc:
                status = type(exc).__name__  # a timeout or a broken answer counts as an error
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
                statuses[status] += 1

    threads = [threading.Thread(target=run, args=(a,)) for a in applicants]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(timeout=600)
    wall = time.perf_counter() - began
    latencies.sort()
    quantiles = statistics.quantiles(latencies, n=100)
    errors = sum(n for status, n in statuses.items() if status != 200)
    print(
        f"applicants={count} pace={pace}s saves={len(latencies)} "
        f"saves/s={len(latencies) / wall:.1f} "
        f"p50={quantiles[49] * 1000:.0f}ms p95={quantiles[94] * 1000:.0f}ms "
        f"p99={quantiles[98] * 1000:.0f}ms errors={errors} statuses={dict(statuses)}"
    )


if __name__ == "__main__":
    main()
