#!/usr/bin/env bash
# Crash-and-rerun idempotency of `lijian import` (docs/import.md): kill -9 an import of a
# generated CSV after its first batches committed, run the same file again, and check that
# every row is stored exactly once, the rerun's accepted + duplicates add up to the file's rows,
# the rows left by the killed run are whole batches, and the audit chain is intact.
# FORMAT xlsx imports the same rows as an XLSX workbook (written by make_xlsx, built beside
# LIJIAN in tests/).
#   tests/import/crash_rerun.sh LIJIAN [ROWS] [csv|xlsx]   (exit 77 = skipped: no sqlite3 shell)
set -euo pipefail
lijian="${1:?usage: crash_rerun.sh LIJIAN [ROWS] [csv|xlsx]}"
rows="${2:-200000}"
format="${3:-csv}"
batch=1000
here="$(cd "$(dirname "$0")" && pwd)"
command -v sqlite3 >/dev/null || { echo "crash_rerun: no sqlite3 shell; skipped"; exit 77; }

dir="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "crash_rerun: FAIL: $*" >&2; exit 1; }

"$here/../../bench/gen-leads-csv.sh" "$rows" CRASH > "$dir/leads.csv"
file="$dir/leads.csv"
if [[ "$format" == xlsx ]]; then
  file="$dir/leads.xlsx"
  "$(dirname "$lijian")/tests/make_xlsx" "$dir/leads.csv" "$file" --dates received_at \
    --numbers region_code || fail "make_xlsx failed"
fi
db="$dir/crash.db"
count() { sqlite3 "$db" "SELECT COUNT(*) FROM leads" 2>/dev/null || echo 0; }

"$lijian" import --db "sqlite://$db" --kind leads --batch-size "$batch" "$file" \
  > "$dir/first.json" 2> "$dir/first.err" &
pid=$!
# Kill as soon as two batches are committed (polling the database beside the writer: WAL).
for _ in $(seq 1 1200); do
  kill -0 "$pid" 2>/dev/null || break
  n="$(count)"
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge $((2 * batch)) ]] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || fail "the import ended before it could be killed: $(cat "$dir/first.err")"
wait "$pid" 2>/dev/null || true
pid=""
committed="$(count)"
echo "crash_rerun: killed with $committed of $rows rows committed"
[[ -s "$dir/first.json" ]] && fail "the killed run printed a summary: it was not killed mid-file"
(( committed >= 2 * batch )) || fail "fewer than two batches committed before the kill ($committed)"
(( committed < rows )) || fail "the whole file was committed before the kill"
(( committed % batch == 0 )) || fail "$committed rows committed: not whole batches of $batch"

summary="$("$lijian" import --db "sqlite://$db" --kind leads --batch-size "$batch" "$file")"
echo "crash_rerun: rerun summary $summary"
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<< "$summary"; }
accepted="$(field accepted)"; duplicates="$(field duplicates)"; rejected="$(field rejected)"
[[ -n "$accepted" && -n "$duplicates" && -n "$rejected" ]] || fail "unreadable summary: $summary"
(( rejected == 0 )) || fail "rejected $rejected rows of a valid file"
(( duplicates == committed )) || fail "duplicates $duplicates, but $committed rows were committed before the kill"
(( accepted + duplicates == rows )) || fail "accepted $accepted + duplicates $duplicates != $rows rows"
final="$(count)"
(( final == rows )) || fail "$final leads stored, expected $rows"
distinct="$(sqlite3 "$db" "SELECT COUNT(DISTINCT source || '|' || source_id) FROM leads")"
(( distinct == rows )) || fail "$distinct distinct keys among $final leads"
audited="$(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log WHERE entity = 'lead' AND action = 'create'")"
(( audited == rows )) || fail "$audited lead audit entries for $rows leads"
"$lijian" audit verify --db "sqlite://$db" > /dev/null || fail "the audit chain is broken"
echo "crash_rerun: ok ($format, $rows rows: $committed before the kill, $accepted after)"
