#!/usr/bin/env bash
# Browsing a million leads through the web app: the API calls of the leads page (first page,
# filters, sort, Chinese search, page after page by cursor) timed one after another (p50/p95),
# and page-to-page time in headless chromium (click "next page" until the table shows the new
# rows), each next to a reference in the same run: a static file of the same size as a page,
# served by the same lijian server. See docs/web.md ("Browsing a million leads").
#
#   bench/run-web-bench.sh [--leads N] [--requests R] [--pages P] [--keep]
#
# --leads N     leads in the database (default 1000000: the demo's 2000 plus bench/bulk_leads.sql)
# --requests R  timed requests per API URL (default 200)
# --pages P     pages turned in the browser (default 30)
# --keep        keep the temporary folder and print its path
#
# Needs sqlite3, chromium, web/node_modules and web/dist (scripts/install-deps.sh --test,
# scripts/build.sh). Stops the server it started on exit, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
leads=1000000
requests=200
pages=30
keep=0
while (($#)); do
  case "$1" in
    --leads) leads="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --pages) pages="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run-web-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
die() { echo "run-web-bench: $*" >&2; exit 1; }
chromium="${LIJIAN_CHROMIUM:-$(command -v chromium || true)}"
[[ -n "$chromium" ]] || die "chromium is missing (scripts/install-deps.sh --test)"
[[ -f web/dist/index.html && -d web/node_modules/playwright-core ]] || die "needs web/dist and web/node_modules (scripts/build.sh)"
command -v sqlite3 >/dev/null || die "sqlite3 is missing"
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$root/data}"

tmp=$(mktemp -d /tmp/lijian-web-bench.XXXXXX)
server_pid=""
cleanup() {
  local rc=$?
  [[ -n "$server_pid" ]] && { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  if ((keep)) || ((rc != 0)); then echo "run-web-bench: files in $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) CPUs, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
db="$tmp/bench.db"
build/lijian demo --db "sqlite://$db" --leads 2000 --enterprises 300 >"$tmp/demo.log" 2>&1
t0=$(date +%s.%N)
sqlite3 -bail "$db" ".parameter set @target $leads" ".read bench/bulk_leads.sql"
sqlite3 "$db" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
echo "bulk load to $(sqlite3 "$db" 'SELECT count(*) FROM leads;') leads: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

# The static directory: the web app plus the reference file (written by web-bench.mjs once it
# knows the size of a page).
cp -r web/dist "$tmp/static"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
build/lijian serve --db "sqlite://$db" --listen "127.0.0.1:$port" --static-dir "$tmp/static" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || die "lijian serve exited; see $tmp/server.log"
  sleep 0.1
done
LIJIAN_URL="http://127.0.0.1:$port" LIJIAN_CHROMIUM="$chromium" LIJIAN_ROOT="$root" \
  BENCH_STATIC="$tmp/static" BENCH_REQUESTS="$requests" BENCH_PAGES="$pages" \
  node bench/web-bench.mjs
