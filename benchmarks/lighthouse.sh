#!/usr/bin/env bash
# Lighthouse mobile performance of the demo, served by gunicorn with the production settings
# (benchmarks/lighthouse_settings.py: production + media served by Django, nginx's job in
# production), PostgreSQL and Redis on 127.0.0.1. Pages: home, news, a press release, an édition,
# the directory, a body page. Prints each score with the machine's load (docs/performance.md).
# Usage: bash benchmarks/lighthouse.sh   (env: LH_DB, LH_PORT, LH_REDIS_DB, LIGHTHOUSE, RUNS)
# RUNS (default 3) runs per page, then each page's median: Total Blocking Time on this 2-core
# machine varies from run to run with whatever else runs (Lighthouse's own trace processing
# included), as Lighthouse's documentation on variability says; its median is the figure.
# Needs node, npm and Debian's chromium; no browser download (CHROME_PATH=/usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
DB_NAME=${LH_DB:-tnl_lighthouse}
PORT=${LH_PORT:-8851}
RUNS=${RUNS:-3}
WORK=${LH_DIR:-/tmp/tnl-lighthouse}
PY=.venv/bin/python
LIGHTHOUSE=${LIGHTHOUSE:-benchmarks/lighthouse/node_modules/.bin/lighthouse}
mkdir -p "$WORK"
rm -f "$WORK"/report-*.json  # the median reads this run's reports only
if [ ! -x "$LIGHTHOUSE" ]; then
    npm install --prefix benchmarks/lighthouse --no-audit --no-fund --silent
fi
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB_NAME
export REDIS_URL=redis://127.0.0.1:6379/${LH_REDIS_DB:-3} CACHE_KEY_PREFIX=tnl-lighthouse
export SECRET_KEY=${SECRET_KEY:-lighthouse-only-$(head -c 32 /dev/urandom | base64)}
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING
export SITE_URL=http://127.0.0.1:$PORT
export MEDIA_ROOT=${MEDIA_ROOT:-$WORK/media}

if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" \
    | grep -q 1; then
    echo "== demo database $DB_NAME"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB_NAME"
    DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py migrate --noinput -v0
    # The demo content (and its accounts) needs the dev settings; same database.
    DJANGO_SETTINGS_MODULE=cms.settings.dev $PY manage.py load_demo >/dev/null
fi
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py setup_site >/dev/null
if [ "${COLLECTSTATIC:-1}" = 1 ]; then
    DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py collectstatic --noinput -v0
fi
redis-cli -n "${REDIS_URL##*/}" flushdb >/dev/null

DJANGO_SETTINGS_MODULE=benchmarks.lighthouse_settings .venv/bin/gunicorn cms.wsgi --workers 2 --no-control-socket \
    --bind "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN' EXIT
for _ in $(seq 150); do curl -sf "$SITE_URL/sante/" >/dev/null && break; sleep 0.2; done

paths=$(DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py shell --no-imports -c "
from editions.models import Edition, Result
from home.models import NewsPage, PressReleasePage
year = Edition.objects.with_public_results().order_by('-year').first().year
body = Result.objects.public().laureates().order_by('collectivite__slug').first().collectivite
print('/', '/actualites/', NewsPage.objects.live().order_by('-date').first().url,
      PressReleasePage.objects.live().first().url, f'/editions/{year}/', '/collectivites/',
      body.get_absolute_url())")

printf '| page | performance | FCP | LCP | TBT | CLS | SI | load (1 min) |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for path in $paths; do
    for run in $(seq "$RUNS"); do
        curl -s -o /dev/null "$SITE_URL$path"  # warm Django's caches (nginx would too)
        out="$WORK/report-$(echo "$path" | tr -c 'a-z0-9' '_')-$run.json"
        # A run whose trace Lighthouse failed to record (a runtimeError, e.g. NO_NAVSTART:
        # "Please run Lighthouse again") has no score: run it again, once.
        for attempt in 1 2; do
            rm -f "$out"
            "$LIGHTHOUSE" "$SITE_URL$path" --quiet --only-categories=performance \
                --chrome-flags="--headless --no-sandbox" --output=json --output-path="$out" \
                >/dev/null 2>"$WORK/lighthouse.log" \
                && node -e 'process.exit(require(process.argv[1]).runtimeError ? 1 : 0)' "$out" \
                && break
            echo "run $run of $path, attempt $attempt: $(tail -1 "$WORK/lighthouse.log")"
            rm -f "$out"
        done
        [ -f "$out" ] || continue
        load=$(cut -d' ' -f1 /proc/loadavg)
        node -e '
const r = require(process.argv[1]), a = r.audits;
const ms = (k) => Math.round(a[k].numericValue) + " ms";
console.log(`| \`${process.argv[2]}\` | ${Math.round(r.categories.performance.score * 100)} | ${ms("first-contentful-paint")} | ${ms("largest-contentful-paint")} | ${ms("total-blocking-time")} | ${a["cumulative-layout-shift"].numericValue.toFixed(3)} | ${ms("speed-index")} | ${process.argv[3]} |`);
' "$out" "$path" "$load"
    done
done
[ "$RUNS" -gt 1 ] || exit 0
printf '\nMedian of %s runs:\n\n| page | performance | TBT | scores |\n| --- | ---: | ---: | --- |\n' "$RUNS"
for path in $paths; do
    node -e '
const fs = require("fs"), [dir, stem, path] = process.argv.slice(1);
const runs = fs.readdirSync(dir).filter((f) => f.startsWith(stem + "-") && f.endsWith(".json"))
    .map((f) => require(dir + "/" + f)).filter((r) => !r.runtimeError);  // no score without a trace
const median = (xs) => xs.sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
const scores = runs.map((r) => Math.round(r.categories.performance.score * 100));
const tbt = runs.map((r) => Math.round(r.audits["total-blocking-time"].numericValue));
console.log(`| \`${path}\` | ${median([...scores])} | ${median(tbt)} ms | ${scores.join(", ")} |`);
' "$WORK" "report-$(echo "$path" | tr -c 'a-z0-9' '_')" "$path"
done
