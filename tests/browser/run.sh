#!/usr/bin/env bash
# Browser tests: the real lijian binary with the demo data on a fresh SQLite database, serving the
# built web app (web/dist), driven by Playwright (playwright-core from web/node_modules) through
# Debian's headless chromium. Runs tests/browser/*.test.mjs with Node's test runner.
#
#   tests/browser/run.sh BINARY            # the tests
#   tests/browser/run.sh BINARY --shots    # instead: the screenshots of docs/screenshots/
#
# Exit 77 (CTest: skipped) when chromium, web/node_modules or web/dist is missing; scripts/test.sh
# installs and builds all three, so there it always runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(realpath "$1")"
mode="${2:-}"
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$root/data}"
chromium="${LIJIAN_CHROMIUM:-$(command -v chromium || true)}"
if [[ -z "$chromium" || ! -d "$root/web/node_modules/playwright-core" || ! -f "$root/web/dist/index.html" ]]; then
  echo "browser/run.sh: needs chromium, web/node_modules and web/dist (scripts/install-deps.sh --test" \
       "and scripts/build.sh): skipping" >&2
  exit 77
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/lijian-browser.XXXXXX")"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

db="sqlite://$tmp/lijian.db"
"$bin" demo --db "$db" >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; exit 1; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$bin" serve --db "$db" --listen "127.0.0.1:$port" --static-dir "$root/web/dist" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
  sleep 0.1
done

export LIJIAN_URL="http://127.0.0.1:$port" LIJIAN_CHROMIUM="$chromium" LIJIAN_TMP="$tmp" LIJIAN_ROOT="$root"
status=0
if [[ "$mode" == --shots ]]; then
  node "$here/screenshots.mjs" || status=$?
else
  node --test --test-concurrency=1 "$here"/*.test.mjs || status=$?
fi
[[ $status -ne 0 ]] && tail -20 "$tmp/server.log" >&2
exit $status
