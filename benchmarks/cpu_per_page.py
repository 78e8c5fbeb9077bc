"""CPU time and queries per request of the main pages, in process, on the database of
DATABASE_URL (production settings, Redis cache when REDIS_URL is set).

Usage: DATABASE_URL=... REDIS_URL=... [YEAR=2025] python benchmarks/cpu_per_page.py [N]
(YEAR: the édition shown; default the latest with public results.)
For each page: one cold request (empty cache), then N warm ones; prints the median CPU time
(``time.process_time``: this process only, so the machine's other load weighs less than on a
wall clock) and the queries of the cold and warm requests. The production settings serve warm
requests from the application's page cache (home.page_cache: 0 queries); APP_PAGE_CACHE=0
measures the rendering instead. Run it on the demo and on the
benchmark's data set (benchmarks/build_data.py) to see how CPU grows with data
(docs/performance.md).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
os.environ.setdefault("SECRET_KEY", "cpu-per-page-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from editions.models import Collectivite, Edition, Result  # noqa: E402
from home.models import NewsPage, PressReleasePage  # noqa: E402


def pages():
    year = (
        os.environ.get("YEAR")
        or Edition.objects.with_public_results().order_by("-year").first().year
    )
    body = Result.objects.public().laureates().order_by("collectivite__slug").first().collectivite
    return [
        "/",
        "/actualites/",
        NewsPage.objects.live().order_by("-date").first().url,
        PressReleasePage.objects.live().order_by("-pk").first().url,
        f"/editions/{year}/",
        f"/editions/{year}/resultats.json",
        "/collectivites/",
        body.get_absolute_url(),
        "/recherche/?q=mutualisation",
    ]


def main(n):
    client = Client(HTTP_HOST="127.0.0.1")
    sizes = {
        "results": Result.objects.count(),
        "bodies": Collectivite.objects.count(),
        "news": NewsPage.objects.count(),
        "press releases": PressReleasePage.objects.count(),
    }
    print("data:", ", ".join(f"{v} {k}" for k, v in sizes.items()))
    print(f"load: {os.getloadavg()[0]:.2f}")
    print(f"| page | CPU per request (median of {n}, warm) | cold CPU | queries cold / warm |")
    print("| --- | ---: | ---: | ---: |")
    for url in pages():
        cache.clear()
        with CaptureQueriesContext(connection) as cold_queries:
            start = time.process_time()
            response = client.get(url)
            cold = time.process_time() - start
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(n):
            with CaptureQueriesContext(connection) as warm_queries:
                start = time.process_time()
                client.get(url)
                times.append(time.process_time() - start)
        print(
            f"| `{url}` | {statistics.median(times) * 1000:.0f} ms | {cold * 1000:.0f} ms "
            f"| {len(cold_queries)} / {len(warm_queries)} |"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
