#!/usr/bin/env bash
# The applicants' load on the embedded default, SQLite (WAL, IMMEDIATE transactions, busy
# timeout: cms/settings/base.py): a fresh SQLite database with the demo and 20 applicants with
# a draft, gunicorn (2 workers, production settings) straight on 127.0.0.1, then the paced and
# the back-to-back runs of benchmarks/applicants.py (docs/performance.md).
# Usage: bash benchmarks/applicants_sqlite.sh   (env: APPLICANTS=20 SAVES=10 WEB_PORT=8804)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-/tmp/tnl-bench}/sqlite
APPLICANTS=${APPLICANTS:-20}
SAVES=${SAVES:-10}
WEB_PORT=${WEB_PORT:-8804}
PY=.venv/bin/python
mkdir -p "$WORK"
rm -f "$WORK"/bench.sqlite3*
export DATABASE_URL="sqlite:///$WORK/bench.sqlite3"
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}
export SECRET_KEY=${SECRET_KEY:-benchmark-only-$(head -c 32 /dev/urandom | base64)}
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
export SITE_URL=http://127.0.0.1:$WEB_PORT CACHE_KEY_PREFIX=tnl-bench-sqlite LOG_LEVEL=WARNING

echo "== SQLite data set ($DATABASE_URL) — load: $(uptime | sed 's/.*load/load/')"
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py migrate --noinput -v0
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py import_territories >/dev/null
DJANGO_SETTINGS_MODULE=cms.settings.dev $PY manage.py load_demo >/dev/null
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py setup_site >/dev/null
BENCH_ONLY=applicants BENCH_APPLICANTS=$APPLICANTS DJANGO_SETTINGS_MODULE=cms.settings.dev \
    $PY benchmarks/build_data.py
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py collectstatic --noinput -v0
redis-cli -n "${REDIS_URL##*/}" flushdb >/dev/null

DJANGO_SETTINGS_MODULE=cms.settings.production .venv/bin/gunicorn cms.wsgi --workers 2 --no-control-socket \
    --bind "127.0.0.1:$WEB_PORT" --log-level warning --forwarded-allow-ips 127.0.0.1 &
GUNICORN=$!
trap 'kill $GUNICORN' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$WEB_PORT/sante/" >/dev/null && break; sleep 0.2; done

echo "== $APPLICANTS applicants x $SAVES autosaves on SQLite, paced as dossier.js — load: $(uptime | sed 's/.*load/load/')"
$PY benchmarks/applicants.py "http://127.0.0.1:$WEB_PORT" "$APPLICANTS" "$SAVES" 2.5
echo "== the same, back to back (stress) — load: $(uptime | sed 's/.*load/load/')"
$PY benchmarks/applicants.py "http://127.0.0.1:$WEB_PORT" "$APPLICANTS" "$SAVES" 0
echo "== done — load: $(uptime | sed 's/.*load/load/')"
