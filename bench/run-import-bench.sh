#!/usr/bin/env bash
# `lijian import` of N generated leads (CSV) into a fresh SQLite database, next to the sqlite3
# shell's `.import` of the same file into a plain table in the same run (bench/README.md).
#   bench/run-import-bench.sh [N] [--batch-size B] [--keep]    (default N = 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=1000000 batch="" keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --batch-size) batch="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) rows="$1"; shift ;;
  esac
done
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (scripts/install-deps.sh --test)" >&2; exit 1; }
scripts/build.sh lijian >/dev/null
dir="$(mktemp -d)"
[[ $keep == 1 ]] && echo "keeping $dir" >&2 || trap 'rm -rf "$dir"' EXIT
bench/gen-leads-csv.sh "$rows" > "$dir/leads.csv"
echo "file: $rows rows, $(du -m "$dir/leads.csv" | cut -f1) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# seconds OUT COMMAND...: runs COMMAND with stdout to OUT and prints its wall time.
seconds() {
  local out="$1" t0 t1
  shift
  t0=$(date +%s.%N)
  "$@" > "$out"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
t_import=$(seconds "$dir/summary.json" build/lijian import --db "sqlite://$dir/lijian.db" \
  --kind leads ${batch:+--batch-size "$batch"} "$dir/leads.csv")
t_ref=$(seconds /dev/null sqlite3 "$dir/raw.db" ".import --csv $dir/leads.csv leads_raw")
t_again=$(seconds "$dir/again.json" build/lijian import --db "sqlite://$dir/lijian.db" \
  --kind leads ${batch:+--batch-size "$batch"} "$dir/leads.csv")
echo "lijian import:        $(printf '%.2f' "$t_import") s  ($(echo "$rows / $t_import" | bc) rows/s)  $(cat "$dir/summary.json")"
echo "sqlite3 .import:      $(printf '%.2f' "$t_ref") s  ($(echo "$rows / $t_ref" | bc) rows/s)"
echo "ratio:                $(echo "scale=1; $t_import / $t_ref" | bc)x"
echo "same file again:      $(printf '%.2f' "$t_again") s  $(cat "$dir/again.json")"
echo "database: $(du -m "$dir/lijian.db" | cut -f1) MB (raw table: $(du -m "$dir/raw.db" | cut -f1) MB)"
