#!/usr/bin/env bash
# The cost of keeping the roll-ups in step during imports (bench/README.md "Statistics"):
# `lijian import --kind leads` of the same generated CSV into fresh databases with a binary
# without the roll-ups (REFERENCE, e.g. a build of the commit before them) and with them (build/
# lijian), alternating, best of 3 each.
#   bench/stats/import-overhead.sh REFERENCE_BINARY [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ref="${1:?usage: import-overhead.sh REFERENCE_BINARY [ROWS]}"
rows="${2:-200000}"
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$PWD/data}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/lijian-stats-import.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
bench/gen-leads-csv.sh "$rows" > "$tmp/leads.csv"
run() {  # run BINARY: seconds of one import into a fresh database (reference data loaded first)
  rm -f "$tmp"/t.db*
  "$1" migrate --db "sqlite://$tmp/t.db" >/dev/null 2>&1 || true
  local t0=$(date +%s.%N)
  "$1" import --db "sqlite://$tmp/t.db" --kind leads "$tmp/leads.csv" >/dev/null
  echo "$(date +%s.%N) - $t0" | bc
}
best_ref=999999 best_new=999999
for i in 1 2 3; do
  r=$(run "$ref"); n=$(run build/lijian)
  echo "run $i: reference ${r} s, with roll-ups ${n} s" >&2
  best_ref=$(echo "if ($r < $best_ref) $r else $best_ref" | bc)
  best_new=$(echo "if ($n < $best_new) $n else $best_new" | bc)
done
printf 'import of %s leads: reference %.2f s, with roll-ups %.2f s, ratio %.2f\n' "$rows" \
  "$best_ref" "$best_new" "$(echo "$best_new / $best_ref" | bc -l)"
