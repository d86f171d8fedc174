#!/bin/sh
# Load on the statistics beacon (POST /thong-ke/dem/): what counting costs per page view.
# Usage: benchmarks/stats_beacon.sh [redis-url]   (default: the embedded local-memory cache)
# Needs a migrated database with at least one live article (e.g. after `manage.py import_seeds`);
# set CONGSO_VAR_DIR / DATABASE_URL as for the app. Two gunicorn workers, DEBUG off, wrk 20 s.
set -eu
cd "$(dirname "$0")/.."
PORT=${PORT:-8792}
[ -n "${1:-}" ] && export REDIS_URL="$1"
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 LOG_LEVEL=ERROR
TOKEN=$(.venv/bin/python manage.py shell -v 0 -c "
from wagtail.models import Site
from congso.news.models import ArticlePage
from congso.analytics.beacon import make_token
a = ArticlePage.objects.live().first()
print(make_token(Site.objects.get(is_default_site=True).pk, a.pk))" | tail -n 1)
.venv/bin/gunicorn congso.wsgi -w 2 -b 127.0.0.1:$PORT --log-level warning 2>/dev/null &
PID=$!
trap 'kill $PID' EXIT
# Wait for both workers to boot (slow on a loaded machine) and warm them up.
until curl -s -o /dev/null -X POST -d "t=$TOKEN" -A warmup "http://127.0.0.1:$PORT/thong-ke/dem/"; do sleep 1; done
for i in 1 2 3 4 5 6 7 8; do curl -s -o /dev/null -X POST -d "t=$TOKEN" -A warmup "http://127.0.0.1:$PORT/thong-ke/dem/"; done
LUA=$(mktemp)
# Each connection is its own visitor (its own user agent): the first request counts, the rest
# are the dedupe path, as for a reader moving between pages.
cat > "$LUA" <<LUA
local n = 0
setup = function(thread) thread:set("id", n); n = n + 1 end
init = function() end
request = function()
  return wrk.format("POST", "/thong-ke/dem/", {["Content-Type"]="application/x-www-form-urlencoded", ["User-Agent"]="bench-browser " .. id}, "t=$TOKEN")
end
LUA
for c in 1 32; do
  echo "== concurrency $c (${REDIS_URL:-local memory})"
  wrk -t $([ $c -lt 2 ] && echo 1 || echo 2) -c $c -d 20s --latency -s "$LUA" "http://127.0.0.1:$PORT/thong-ke/dem/" | grep -E "Requests/sec|50%|99%|Non-2xx" || true
done
rm -f "$LUA"
