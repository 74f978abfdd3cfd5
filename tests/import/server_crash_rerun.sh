#!/usr/bin/env bash
# Crash-and-rerun of an import job (docs/import.md, "Upload over HTTP"): upload a generated CSV
# to a server, kill -9 the server once the job has committed some batches, start it again, and
# check that the job is now failed, that uploading the same file again completes it with every
# row stored exactly once (the committed rows count as duplicates), and that the audit chain is
# intact.
#   tests/import/server_crash_rerun.sh LIJIAN [ROWS]    (exit 77 = skipped: no sqlite3 or curl)
set -euo pipefail
lijian="$(realpath "${1:?usage: server_crash_rerun.sh LIJIAN [ROWS]}")"
rows="${2:-30000}"
here="$(cd "$(dirname "$0")" && pwd)"
for tool in sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "server_crash_rerun: no $tool; skipped"; exit 77; }
done

dir="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() {
  echo "server_crash_rerun: FAIL: $*" >&2
  [[ -f "$dir/server.log" ]] && tail -n 20 "$dir/server.log" >&2
  exit 1
}

db="$dir/lijian.db"
"$lijian" demo --db "sqlite://$db" --leads 10 --enterprises 10 > "$dir/demo.log" 2>&1 || fail "demo failed"
"$here/../../bench/gen-leads-csv.sh" "$rows" SRVCRASH > "$dir/leads.csv"

url=""
start_server() {
  : > "$dir/server.log"
  "$lijian" serve --db "sqlite://$db" --listen 127.0.0.1:0 --import-dir "$dir/spool" \
    >> "$dir/server.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 300); do
    url="$(grep -o 'serving http://127\.0\.0\.1:[0-9]*' "$dir/server.log" | head -n 1 | sed 's/^serving //' || true)"
    [[ -n "$url" ]] && break
    kill -0 "$pid" 2>/dev/null || fail "the server did not start"
    sleep 0.1
  done
  [[ -n "$url" ]] || fail "the server did not start"
  for _ in $(seq 1 100); do curl -fs "$url/healthz" >/dev/null && return; sleep 0.1; done
  fail "the server never answered /healthz"
}
csrf=""
log_in() {
  local body
  body="$(curl -fs -c "$dir/cookies" -H 'Content-Type: application/json' \
    -d '{"username":"demo_songshan_officer","password":"Demo-2018-lijian"}' "$url/api/v1/auth/login")" ||
    fail "login failed"
  csrf="$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<< "$body")"
}
upload() {
  curl -fs -b "$dir/cookies" -H "X-CSRF-Token: $csrf" --data-binary "@$dir/leads.csv" \
    "$url/api/v1/imports?kind=leads&format=csv" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2
}
job() { curl -fs -b "$dir/cookies" "$url/api/v1/imports/$1"; }
num() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<< "$2"; }
count() { sqlite3 "$db" "SELECT COUNT(*) FROM leads WHERE source_id LIKE 'SRVCRASH-%'" 2>/dev/null || echo 0; }

start_server
log_in
id="$(upload)"
[[ -n "$id" ]] || fail "the upload was not accepted"
for _ in $(seq 1 1200); do
  n="$(count)"
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 4000 ]] && break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=""
committed="$(count)"
echo "server_crash_rerun: server killed with $committed of $rows rows committed (job $id)"
(( committed >= 4000 && committed < rows )) || fail "$committed rows committed: not killed mid-file"

start_server
log_in
state="$(job "$id")"
grep -q '"status":"failed"' <<< "$state" || fail "job $id after the restart: $state"
grep -q 'upload the file again' <<< "$state" || fail "job $id has no useful message: $state"

id2="$(upload)"
[[ -n "$id2" ]] || fail "the second upload was not accepted"
for _ in $(seq 1 1200); do
  state="$(job "$id2")"
  grep -q '"status":"\(done\|failed\)"' <<< "$state" && break
  sleep 0.1
done
grep -q '"status":"done"' <<< "$state" || fail "job $id2 did not end done: $state"
accepted="$(num accepted "$state")"; duplicates="$(num duplicates "$state")"
echo "server_crash_rerun: second upload: accepted $accepted, duplicates $duplicates"
(( duplicates == committed )) || fail "duplicates $duplicates, but $committed rows were committed before the kill"
(( accepted + duplicates == rows )) || fail "accepted $accepted + duplicates $duplicates != $rows"
final="$(count)"
(( final == rows )) || fail "$final leads stored, expected $rows"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""
"$lijian" audit verify --db "sqlite://$db" > /dev/null || fail "the audit chain is broken"
leftover="$(find "$dir/spool" -type f | wc -l)"
(( leftover == 0 )) || fail "$leftover spool files left behind"
echo "server_crash_rerun: ok ($rows rows: $committed before the kill, $accepted after)"
