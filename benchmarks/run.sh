#!/usr/bin/env bash
# Measures the main public pages under load with wrk against gunicorn on 127.0.0.1.
# Usage: make demo once (or `manage.py migrate && manage.py load_demo`), then bash benchmarks/run.sh
# Optional: DATABASE_URL / REDIS_URL as in production, DURATION=10s, CONNECTIONS=10.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8091}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-10}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY=${SECRET_KEY:-benchmark-only-$(head -c 32 /dev/urandom | base64)}
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn cms.wsgi --workers 2 --bind "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/sante/" >/dev/null && break; sleep 0.2; done

printf "%-40s %12s %12s %12s\n" "URL" "req/s" "p50" "p99"
for url in / /editions/ /editions/2021/ /editions/2021/resultats.json /editions/2021/resultats.csv \
           /collectivites/ /collectivites/mions/ /collectivites/carte/ /donnees/resultats.csv \
           /actualites/ /communiques/ "/recherche/?q=label"; do
    status=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$PORT$url")
    if [ "$status" != 200 ]; then printf "%-40s %12s\n" "$url" "HTTP $status"; continue; fi
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$url")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    printf "%-40s %12s %12s %12s\n" "$url" "$rps" "$p50" "$p99"
done
