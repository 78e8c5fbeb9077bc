"""Size and uncached render time of the laureates' map, and row counts of the all-years files.

Usage (after `make demo`, on its database): .venv/bin/python benchmarks/map_render.py
The map is never cached: every request builds it from the database. Wall time depends on what
else runs on the machine (the load average is printed); the process's CPU time much less.
Two figures per page: with
the site's shared chrome (menus, settings) cached as it is in service, and with the whole cache
cleared before each request. The first request of a process also reads the shipped geometry,
reported apart. Not a test: nothing is asserted.
"""

import csv
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

from editions.geography import MAP_FILE, POINTS_FILE  # noqa: E402

settings.DEBUG = False
settings.ALLOWED_HOSTS = ["*"]
RUNS = int(os.environ.get("RUNS", 20))
URLS = ["/collectivites/carte/", "/collectivites/carte/?edition=2025", "/collectivites/carte/38/"]


def timed(client, url, clear=False):
    if clear:
        cache.clear()
    start, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, cpu, len(response.content)


def main():
    client = Client()
    print(
        f"geometry shipped: {MAP_FILE.name} {MAP_FILE.stat().st_size} bytes, "
        f"{POINTS_FILE.name} {POINTS_FILE.stat().st_size} bytes"
    )
    print(
        f"load average: {' '.join(f'{n:.1f}' for n in os.getloadavg())} on {os.cpu_count()} cores"
    )
    first, _cpu, _size = timed(client, URLS[0])
    print(f"first request of the process (reads the geometry): {first * 1000:.1f} ms")
    for url in URLS:
        for clear in (False, True):
            walls, cpus, size = [], [], 0
            for _ in range(RUNS):
                elapsed, cpu, size = timed(client, url, clear)
                walls.append(elapsed * 1000)
                cpus.append(cpu * 1000)
            label = "whole cache cleared" if clear else "site chrome cached"
            print(
                f"{url:38} {size:>7} B  wall median {statistics.median(walls):6.1f} ms, "
                f"CPU median {statistics.median(cpus):6.1f} ms  ({label}, {RUNS} runs)"
            )
    rows = list(csv.DictReader(io.StringIO(client.get("/donnees/resultats.csv").content.decode())))
    results = client.get("/donnees/resultats.json").json()["results"]
    print(f"/donnees/resultats.csv: {len(rows)} rows; /donnees/resultats.json: {len(results)} rows")


if __name__ == "__main__":
    main()
