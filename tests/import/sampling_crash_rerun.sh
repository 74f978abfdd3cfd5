#!/usr/bin/env bash
# Crash-and-rerun idempotency of `lijian import --kind sampling` (docs/screening.md): kill -9 an
# import of a generated file of sampling results after its first batches committed, run the same
# file again, and check that every sample is stored exactly once, every failed sample has
# exactly one lead of source "sampling", and the audit chain is intact.
#   tests/import/sampling_crash_rerun.sh LIJIAN [ROWS]   (exit 77 = skipped: no sqlite3 shell)
set -euo pipefail
lijian="${1:?usage: sampling_crash_rerun.sh LIJIAN [ROWS]}"
rows="${2:-30000}"
batch=1000
command -v sqlite3 >/dev/null || { echo "sampling_crash_rerun: no sqlite3 shell; skipped"; exit 77; }

dir="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "sampling_crash_rerun: FAIL: $*" >&2; exit 1; }

# One sample in five fails; counties, categories and dates cycle.
awk -v n="$rows" 'BEGIN {
  print "source_id,sampled_on,enterprise_name,region_code,product_name,product_category,result,failed_items"
  split("150404 150402 150430 150102 150203", units, " ")
  split("fertilizer wire_cable children_products fuel cement", cats, " ")
  for (i = 1; i <= n; i++) {
    fail = (i % 5 == 0)
    printf "CRASH-JD-%07d,2018-%02d-%02d,测试企业%d,%s,测试产品,%s,%s,%s\n", i, 1 + i % 12, 1 + i % 28,
      i % 997, units[1 + i % 5], cats[1 + int(i / 5) % 5], fail ? "fail" : "pass", fail ? "总养分" : ""
  }
}' > "$dir/samples.csv"
failed_rows=$((rows / 5))
db="$dir/crash.db"
count() { sqlite3 "$db" "SELECT COUNT(*) FROM sampling_results" 2>/dev/null || echo 0; }
leads() { sqlite3 "$db" "SELECT COUNT(*) FROM leads WHERE source = 'sampling'"; }

"$lijian" import --db "sqlite://$db" --kind sampling --batch-size "$batch" "$dir/samples.csv" \
  > "$dir/first.json" 2> "$dir/first.err" &
pid=$!
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
echo "sampling_crash_rerun: killed with $committed of $rows samples and $(leads) leads committed"
[[ -s "$dir/first.json" ]] && fail "the killed run printed a summary: it was not killed mid-file"
(( committed >= 2 * batch )) || fail "fewer than two batches committed before the kill ($committed)"
(( committed < rows )) || fail "the whole file was committed before the kill"
(( committed % batch == 0 )) || fail "$committed samples committed: not whole batches of $batch"

summary="$("$lijian" import --db "sqlite://$db" --kind sampling --batch-size "$batch" "$dir/samples.csv")"
echo "sampling_crash_rerun: rerun summary $summary"
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<< "$summary"; }
accepted="$(field accepted)"; duplicates="$(field duplicates)"; rejected="$(field rejected)"
(( rejected == 0 )) || fail "rejected $rejected rows of a valid file"
(( duplicates == committed )) || fail "duplicates $duplicates, but $committed samples were committed"
(( accepted + duplicates == rows )) || fail "accepted $accepted + duplicates $duplicates != $rows"
(( $(count) == rows )) || fail "$(count) samples stored, expected $rows"
(( $(leads) == failed_rows )) || fail "$(leads) sampling leads, expected one per failed sample ($failed_rows)"
distinct="$(sqlite3 "$db" "SELECT COUNT(DISTINCT source_id) FROM leads WHERE source = 'sampling'")"
(( distinct == failed_rows )) || fail "$distinct distinct lead keys for $failed_rows failed samples"
"$lijian" audit verify --db "sqlite://$db" > /dev/null || fail "the audit chain is broken"
echo "sampling_crash_rerun: ok ($rows samples, $failed_rows leads)"
