#!/usr/bin/env bash
# XLSX import against CSV import of the same N generated leads, each into a fresh SQLite
# database, and against xlsx2csv (Debian package xlsx2csv) converting the same workbook, all in
# the same run (bench/README.md, "XLSX import").
#   bench/run-xlsx-bench.sh [N] [--keep]    (default N = 200,000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=200000 keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) keep=1; shift ;;
    *) rows="$1"; shift ;;
  esac
done
command -v xlsx2csv >/dev/null || { echo "needs xlsx2csv (scripts/install-deps.sh --test)" >&2; exit 1; }
scripts/build.sh lijian make_xlsx >/dev/null
dir="$(mktemp -d)"
[[ $keep == 1 ]] && echo "keeping $dir" >&2 || trap 'rm -rf "$dir"' EXIT
bench/gen-leads-csv.sh "$rows" > "$dir/leads.csv"
# Dates as serial numbers with a date style and numbers as numbers, as Excel stores them.
build/tests/make_xlsx "$dir/leads.csv" "$dir/leads.xlsx" --dates received_at \
  --numbers region_code,amount_involved
echo "files: $rows rows; CSV $(du -m "$dir/leads.csv" | cut -f1) MB, XLSX $(du -m "$dir/leads.xlsx" | cut -f1) MB;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# seconds OUT COMMAND...: runs COMMAND with stdout to OUT and prints its wall time.
seconds() {
  local out="$1" t0 t1
  shift
  t0=$(date +%s.%N)
  "$@" > "$out"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
t_csv=$(seconds "$dir/csv.json" build/lijian import --db "sqlite://$dir/csv.db" --kind leads "$dir/leads.csv")
t_xlsx=$(seconds "$dir/xlsx.json" build/lijian import --db "sqlite://$dir/xlsx.db" --kind leads "$dir/leads.xlsx")
t_conv=$(seconds "$dir/converted.csv" xlsx2csv "$dir/leads.xlsx")
# The same files again: every row a duplicate, so reading and validating dominate.
t_csv2=$(seconds "$dir/csv2.json" build/lijian import --db "sqlite://$dir/csv.db" --kind leads "$dir/leads.csv")
t_xlsx2=$(seconds "$dir/xlsx2.json" build/lijian import --db "sqlite://$dir/xlsx.db" --kind leads "$dir/leads.xlsx")
summary() { sed 's/"errors":\[.*\]/"errors":[...]/' "$1"; }
echo "lijian import CSV:    $(printf '%.2f' "$t_csv") s  ($(echo "$rows / $t_csv" | bc) rows/s)  $(summary "$dir/csv.json")"
echo "lijian import XLSX:   $(printf '%.2f' "$t_xlsx") s  ($(echo "$rows / $t_xlsx" | bc) rows/s)  $(summary "$dir/xlsx.json")"
echo "xlsx2csv (convert):   $(printf '%.2f' "$t_conv") s  ($(echo "$rows / $t_conv" | bc) rows/s)"
echo "CSV again (dups):     $(printf '%.2f' "$t_csv2") s  $(summary "$dir/csv2.json")"
echo "XLSX again (dups):    $(printf '%.2f' "$t_xlsx2") s  $(summary "$dir/xlsx2.json")"
echo "XLSX / CSV import:    $(echo "scale=2; $t_xlsx / $t_csv" | bc)x  (again: $(echo "scale=2; $t_xlsx2 / $t_csv2" | bc)x)"
echo "XLSX import / xlsx2csv: $(echo "scale=2; $t_xlsx / $t_conv" | bc)x"
