#!/usr/bin/env bash
# The benchmark of issue 12 (docs/performance.md): builds a large data set on PostgreSQL, starts
# the shipped stack on 127.0.0.1 (nginx with deploy/nginx/ -> gunicorn, PostgreSQL, Redis) and
# measures, alternating uncached (gunicorn) and cached (nginx) runs: throughput, p50/p99 of the
# main pages, each page's bytes as a static file through the same nginx (the physical limit), the
# ratios, the queries per page, then N applicants saving dossier steps.
# Usage: bash benchmarks/run.sh   (env: DURATION=5s CONNECTIONS=8 APPLICANTS=20 SAVES=10)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB_NAME=${BENCH_DB:-wt_perf_bench}
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$DB_NAME}
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/2}
NGINX_PORT=${NGINX_PORT:-8800}
WEB_PORT=${WEB_PORT:-8801}
PURGE_PORT=${PURGE_PORT:-8802}
RENDER_PORT=${RENDER_PORT:-8803}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-8}
APPLICANTS=${APPLICANTS:-20}
SAVES=${SAVES:-10}
WORK=${BENCH_DIR:-/tmp/tnl-bench}
PY=.venv/bin/python
for tool in nginx wrk psql; do
    command -v $tool >/dev/null || { echo "$tool is missing: apt-get install nginx wrk postgresql-client" >&2; exit 1; }
done
mkdir -p "$WORK/cache" "$WORK/logs"

export SECRET_KEY=${SECRET_KEY:-benchmark-only-$(head -c 32 /dev/urandom | base64)}
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
export SITE_URL=http://127.0.0.1:$NGINX_PORT
export CACHE_KEY_PREFIX=tnl-bench LOG_LEVEL=WARNING

echo "== data set ($DATABASE_URL) — load: $(uptime | sed 's/.*load/load/')"
psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" \
    | grep -q 1 || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $DB_NAME"
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py migrate --noinput -v0
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py import_territories >/dev/null
# The demo content (and its accounts) needs the dev settings; same database.
DJANGO_SETTINGS_MODULE=cms.settings.dev $PY manage.py load_demo >/dev/null
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py setup_site >/dev/null
DJANGO_SETTINGS_MODULE=cms.settings.dev $PY benchmarks/build_data.py
DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py collectstatic --noinput -v0
redis-cli -n "${REDIS_URL##*/}" flushdb >/dev/null

# The shipped nginx configuration, pointed at this checkout and these ports.
sed -e "s#127.0.0.1:8000#127.0.0.1:$WEB_PORT#" -e "s#/var/cache/nginx/tnl#$WORK/cache#" \
    deploy/nginx/tnl-http.conf >"$WORK/tnl-http.conf"
sed -e "s#/srv/tnl#$ROOT#g" deploy/nginx/tnl-proxy.conf >"$WORK/tnl-proxy.conf"
sed -n '/^# Purge location/,$p' deploy/nginx/tnl.conf \
    | sed -e "s#127.0.0.1:8081#127.0.0.1:$PURGE_PORT#" >"$WORK/tnl-purge.conf"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi; uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
    include $WORK/tnl-http.conf;
    server { listen 127.0.0.1:$NGINX_PORT; include $WORK/tnl-proxy.conf; }
    include $WORK/tnl-purge.conf;
}
CONF
nginx -t -q -c "$WORK/nginx.conf" -p "$WORK"

FRONTEND_CACHE_URL=http://127.0.0.1:$PURGE_PORT DJANGO_SETTINGS_MODULE=cms.settings.production \
    .venv/bin/gunicorn cms.wsgi --workers 2 --no-control-socket \
    --bind "127.0.0.1:$WEB_PORT" --log-level warning --forwarded-allow-ips 127.0.0.1 &
GUNICORN=$!
# The same app with its page cache off, on its own port: what rendering a page costs.
APP_PAGE_CACHE=0 DJANGO_SETTINGS_MODULE=cms.settings.production \
    .venv/bin/gunicorn cms.wsgi --workers 2 --no-control-socket \
    --bind "127.0.0.1:$RENDER_PORT" --log-level warning --forwarded-allow-ips 127.0.0.1 &
RENDER=$!
nginx -c "$WORK/nginx.conf" -p "$WORK"
trap 'kill $GUNICORN $RENDER; kill "$(cat "$WORK/nginx.pid")"' EXIT
for port in "$WEB_PORT" "$RENDER_PORT"; do
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/sante/" >/dev/null && break; sleep 0.2; done
done

YEAR=$(DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py shell --no-imports -c \
    "from editions.models import Edition; print(Edition.objects.with_public_results().order_by('-year').first().year)")
BODY=$(DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py shell --no-imports -c \
    "from editions.models import Result; print(Result.objects.public().laureates().order_by('collectivite__slug').first().collectivite.get_absolute_url())")
URLS=(/ /actualites/ "/editions/$YEAR/" "/editions/$YEAR/resultats.json" /collectivites/ "$BODY" "/recherche/?q=mutualisation")

# Each page's own bytes as a static file, through the same nginx: its physical limit.
mkdir -p staticfiles/bench

measure() {  # url -> "rps p50 p99"
    local out
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1")
    echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}

set +e  # one page failing must not stop the others
echo "== pages, ${DURATION} x ${CONNECTIONS} connections each — load: $(uptime | sed 's/.*load/load/')"
# rendered: gunicorn with the page cache off; uncached: gunicorn (application page cache, no
# HTTP cache); cached: nginx's proxy cache in front; static: the page's bytes as a file.
printf "%-34s %9s %8s %8s | %9s %8s %8s | %9s %8s %8s | %9s %6s %7s %s\n" URL "rendered" p50 p99 \
    "uncached" p50 p99 "cached" p50 p99 "static" "c/st" "X-Cache" "load"
n=0
for url in "${URLS[@]}"; do
    code=$(curl -s -m 30 -o /dev/null -w "%{http_code}" "http://127.0.0.1:$NGINX_PORT$url")  # fill the cache
    [ "$code" = 200 ] || { printf "%-34s HTTP %s\n" "${url:0:34}" "$code"; continue; }
    status=$(curl -s -m 30 -o /dev/null -D - "http://127.0.0.1:$NGINX_PORT$url" | awk 'tolower($1)=="x-cache:" {print $2}' | tr -d '\r')
    n=$((n + 1))
    curl -s "http://127.0.0.1:$WEB_PORT$url" >"staticfiles/bench/page-$n.html"
    read -r S_RPS _ _ < <(measure "http://127.0.0.1:$NGINX_PORT/static/bench/page-$n.html")
    read -r R_RPS R_P50 R_P99 < <(measure "http://127.0.0.1:$RENDER_PORT$url")
    read -r U_RPS U_P50 U_P99 < <(measure "http://127.0.0.1:$WEB_PORT$url")
    read -r C_RPS C_P50 C_P99 < <(measure "http://127.0.0.1:$NGINX_PORT$url")
    ratio=$(awk -v c="$C_RPS" -v s="$S_RPS" 'BEGIN {printf "%.2f", c / s}')
    printf "%-34s %9s %8s %8s | %9s %8s %8s | %9s %8s %8s | %9s %6s %7s %s\n" "${url:0:34}" \
        "$R_RPS" "$R_P50" "$R_P99" "$U_RPS" "$U_P50" "$U_P99" \
        "$C_RPS" "$C_P50" "$C_P99" "$S_RPS" "$ratio" "$status" "$(cut -d' ' -f1 /proc/loadavg)"
done

echo "== queries per page (Django test client on the same database; rendering, no page cache)"
APP_PAGE_CACHE=0 DJANGO_SETTINGS_MODULE=cms.settings.production $PY manage.py shell --no-imports -c "
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST='127.0.0.1')
for url in '${URLS[*]}'.split():
    for label in ('cold', 'warm'):
        if label == 'cold':
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        print(f'{url:40} {label}: {len(queries)} queries (HTTP {status})')
"
redis-cli -n "${REDIS_URL##*/}" flushdb >/dev/null

echo "== $APPLICANTS applicants x $SAVES autosaves, paced as dossier.js (through nginx) — load: $(uptime | sed 's/.*load/load/')"
$PY benchmarks/applicants.py "http://127.0.0.1:$NGINX_PORT" "$APPLICANTS" "$SAVES" 2.5
echo "== the same, back to back (stress: no pause between one applicant's saves) — load: $(uptime | sed 's/.*load/load/')"
$PY benchmarks/applicants.py "http://127.0.0.1:$NGINX_PORT" "$APPLICANTS" "$SAVES" 0
echo "== done — load: $(uptime | sed 's/.*load/load/')"
