#!/usr/bin/env bash
# HTTP tests: starts the real lijian binary on a loopback port against a fresh database and runs
# tests/http/*.test.mjs with Node's built-in test runner (node:test; Node 18+, no npm packages).
#
#   tests/http/run.sh BINARY sqlite|postgres
#
# sqlite: a database file in a temporary directory. postgres: a fresh schema with a random name
# in the database of $LIJIAN_TEST_PG (scripts/pg-test-server.sh), dropped at the end; without
# LIJIAN_TEST_PG the run is skipped with exit status 77 (CTest's SKIP_RETURN_CODE).
# The tests get LIJIAN_URL, LIJIAN_DB_URL, LIJIAN_BIN, LIJIAN_BACKEND, LIJIAN_TMP and
# LIJIAN_ATTACHMENTS_DIR. At the end the server is stopped with SIGTERM and must exit 0 within
# 10 seconds. Exit status: node's (or 1 when the server did not stop cleanly).
set -euo pipefail

if [[ $# -ne 2 || ( "$2" != sqlite && "$2" != postgres ) ]]; then
  echo "usage: $0 BINARY sqlite|postgres" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
bin="$(realpath "$1")"
backend="$2"
[[ -x "$bin" ]] || { echo "run.sh: $bin is not an executable" >&2; exit 1; }
command -v node >/dev/null || { echo "run.sh: node (18+) is required" >&2; exit 1; }
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$here/../../data}"

if [[ "$backend" == postgres && -z "${LIJIAN_TEST_PG:-}" ]]; then
  echo "run.sh: LIJIAN_TEST_PG is not set (scripts/pg-test-server.sh start DIR exports it;" \
       "scripts/test.sh always does): skipping the PostgreSQL run" >&2
  exit 77
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/lijian-http.XXXXXX")"
server_pid=""
schema=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [[ -n "$schema" ]]; then
    # The schema and the copies system.test.mjs makes of it (named ${schema}_*).
    psql -q -X "$LIJIAN_TEST_PG" -c "DO \$\$ DECLARE s text; BEGIN
        FOR s IN SELECT nspname FROM pg_namespace WHERE nspname = '$schema' OR nspname LIKE '${schema}\\_%' LOOP
          EXECUTE format('DROP SCHEMA %I CASCADE', s);
        END LOOP; END \$\$" >/dev/null 2>&1 || true
  fi
  [[ -n "${LIJIAN_HTTP_KEEP:-}" ]] && echo "run.sh: kept $tmp" >&2 || rm -rf "$tmp"
}
trap cleanup EXIT

if [[ "$backend" == sqlite ]]; then
  db_url="sqlite://$tmp/lijian.db"
else
  # A schema of our own: unit tests use the same database at the same time.
  schema="http_$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')"
  psql -q -X -v ON_ERROR_STOP=1 "$LIJIAN_TEST_PG" -c "CREATE SCHEMA $schema" >/dev/null
  sep='?'
  [[ "$LIJIAN_TEST_PG" == *\?* ]] && sep='&'
  db_url="${LIJIAN_TEST_PG}${sep}options=-csearch_path%3D${schema}"
fi

echo "run.sh: loading the demo data ($backend)" >&2
if ! "$bin" demo --db "$db_url" --leads 400 --enterprises 120 --attachments-dir "$tmp/attachments" \
    >"$tmp/demo.log" 2>&1; then
  cat "$tmp/demo.log" >&2
  echo "run.sh: lijian demo failed" >&2
  exit 1
fi

# Port 0: the kernel picks a free port; the server logs the one it got.
"$bin" serve --db "$db_url" --listen 127.0.0.1:0 --attachments-dir "$tmp/attachments" \
  --import-max-mib 8 >"$tmp/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'serving http://127\.0\.0\.1:[0-9]*' "$tmp/server.log" | head -n 1 | sed 's/^serving //' || true)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z "$url" ]]; then
  cat "$tmp/server.log" >&2
  echo "run.sh: the server did not start" >&2
  exit 1
fi
if ! node -e '
  const url = process.argv[1] + "/healthz";
  (async () => {
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(url)).status === 200) return; } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    process.exit(1);
  })();' "$url"; then
  cat "$tmp/server.log" >&2
  echo "run.sh: $url/healthz never answered 200" >&2
  exit 1
fi
echo "run.sh: server pid $server_pid at $url" >&2

export LIJIAN_URL="$url" LIJIAN_DB_URL="$db_url" LIJIAN_BIN="$bin" LIJIAN_BACKEND="$backend"
export LIJIAN_TMP="$tmp" LIJIAN_ATTACHMENTS_DIR="$tmp/attachments" LIJIAN_PG_SCHEMA="$schema"

# One test file at a time: the files share one server and database (login throttling counts
# failures per address, lists see other files' records).
node_args=(--test)
if node --help 2>/dev/null | grep -q -- '--test-concurrency'; then node_args+=(--test-concurrency=1); fi
if node --help 2>/dev/null | grep -q -- '--test-reporter'; then node_args+=(--test-reporter=spec); fi
set +e
# LIJIAN_HTTP_TESTS="auth scope" runs only those files (for working on them).
files=()
if [[ -n "${LIJIAN_HTTP_TESTS:-}" ]]; then
  for name in $LIJIAN_HTTP_TESTS; do files+=("$here/$name.test.mjs"); done
else
  files=("$here"/*.test.mjs)
fi
node "${node_args[@]}" "${files[@]}"
status=$?
set -e

# Graceful stop: SIGTERM, then the process must exit 0 within 10 seconds.
kill -TERM "$server_pid"
stopped=""
for _ in $(seq 1 100); do
  if ! kill -0 "$server_pid" 2>/dev/null; then stopped=yes; break; fi
  sleep 0.1
done
if [[ -z "$stopped" ]]; then
  echo "run.sh: FAIL: the server did not exit within 10 s of SIGTERM" >&2
  status=1
else
  set +e
  wait "$server_pid"
  server_rc=$?
  set -e
  server_pid=""
  if [[ $server_rc -ne 0 ]]; then
    echo "run.sh: FAIL: the server exited with status $server_rc after SIGTERM" >&2
    status=1
  fi
fi
if [[ $status -ne 0 ]]; then
  echo "run.sh: last lines of the server log:" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
exit "$status"
