#!/usr/bin/env bash
# Screening queries at scale (docs/screening.md "Performance"): a SQLite database with the demo
# data topped up to --leads leads (bench/bulk_leads.sql) and --samples sampling results
# (bench/bulk_sampling.sql), then each `lijian screen` command timed (best of 3, whole process:
# open, migration check, reference data, queries, JSON) next to references measured in the same
# run: the process doing everything but the aggregate queries (`screen trends` over an empty
# month range), and plain `SELECT COUNT(*)` scans of the same tables in the sqlite3 shell.
# With --pg URL the same runs against PostgreSQL (a fresh schema `screen_bench` in that database,
# dropped at the end; bench/bulk_screen_pg.sql fills it) with psql as the reference.
#   bench/screen_bench.sh [--leads N] [--samples N] [--db FILE | --pg URL]
set -euo pipefail
cd "$(dirname "$0")/.."
leads=1000000
samples=100000
db=""
pg=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --leads) leads="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --pg) pg="$2"; shift 2 ;;
    *) echo "usage: $0 [--leads N] [--samples N] [--db FILE | --pg URL]" >&2; exit 2 ;;
  esac
done
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$PWD/data}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/lijian-screen-bench.XXXXXX")"
if [[ -n "$pg" ]]; then
  sep='?'
  [[ "$pg" == *\?* ]] && sep='&'
  url="${pg}${sep}options=-csearch_path%3Dscreen_bench"
  trap 'psql -q -X "$pg" -c "SET client_min_messages = warning" -c "DROP SCHEMA IF EXISTS screen_bench CASCADE" >/dev/null; rm -rf "$tmp"' EXIT
  psql -q -X "$pg" -c "SET client_min_messages = warning" -c "DROP SCHEMA IF EXISTS screen_bench CASCADE" -c "CREATE SCHEMA screen_bench" >/dev/null
  echo "loading the demo data (PostgreSQL)" >&2
  build/lijian demo --db "$url" --leads 2000 --enterprises 800 >/dev/null
  echo "topping up to $leads leads and $samples sampling results" >&2
  PGOPTIONS="-csearch_path=screen_bench" psql -q -X "$pg" -v target="$leads" -v samples="$samples" \
    -f bench/bulk_screen_pg.sql >/dev/null
  sql() { PGOPTIONS="-csearch_path=screen_bench" psql -q -X -At "$pg" -c "$1"; }
  ref="psql"
else
  trap 'rm -rf "$tmp"' EXIT
  [[ -n "$db" ]] || db="$tmp/bench.db"
  url="sqlite://$db"
  if [[ ! -f "$db" ]]; then
    echo "loading the demo data" >&2
    build/lijian demo --db "$url" --leads 2000 --enterprises 800 >/dev/null
  fi
  echo "topping up to $leads leads and $samples sampling results" >&2
  sqlite3 -bail "$db" ".parameter set @target $leads" ".read bench/bulk_leads.sql"
  sqlite3 -bail "$db" ".parameter set @target $samples" ".read bench/bulk_sampling.sql"
  sqlite3 "$db" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  sql() { sqlite3 "$db" "$1"; }
  ref="sqlite3"
fi
echo "leads: $(sql 'SELECT count(*) FROM leads'), sampling results: $(sql 'SELECT count(*) FROM sampling_results')"

# Best of three wall-clock runs of a command, in milliseconds.
best_ms() {
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 ))
    if [[ -z "$best" || $ms -lt $best ]]; then best=$ms; fi
  done
  echo "$best"
}

row() { printf '| %-62s | %6s ms |\n' "$1" "$2"; }
echo
echo "| command | best of 3 |"
echo "|---|---|"
row "$ref: SELECT COUNT(*) FROM leads" "$(best_ms sql 'SELECT count(*) FROM leads')"
row "$ref: SELECT COUNT(*) FROM sampling_results" "$(best_ms sql 'SELECT count(*) FROM sampling_results')"
row "$ref: SELECT COUNT(*) FROM leads WHERE unit_path LIKE '/150000/%'" \
  "$(best_ms sql "SELECT count(*) FROM leads WHERE unit_path LIKE '/150000/%'")"
row "lijian screen trends --from 2100-01 --to 2100-01 (process baseline)" \
  "$(best_ms build/lijian screen trends --db "$url" --json --from 2100-01 --to 2100-01)"
row "lijian screen hotspots --level county" "$(best_ms build/lijian screen hotspots --db "$url" --json)"
row "lijian screen hotspots --level league --category fertilizer" \
  "$(best_ms build/lijian screen hotspots --db "$url" --json --level league --category fertilizer)"
row "lijian screen trends --group special_action (region)" \
  "$(best_ms build/lijian screen trends --db "$url" --json --group special_action)"
row "lijian screen trends --group source --unit 150400" \
  "$(best_ms build/lijian screen trends --db "$url" --json --group source --unit 150400)"
row "lijian screen trends --group product_category --from 2018-01 --to 2018-03" \
  "$(best_ms build/lijian screen trends --db "$url" --json --group product_category --from 2018-01 --to 2018-03)"
row "lijian screen risk --limit 50 (region)" "$(best_ms build/lijian screen risk --db "$url" --json --limit 50)"
row "lijian screen risk --limit 50 --unit 150404" \
  "$(best_ms build/lijian screen risk --db "$url" --json --limit 50 --unit 150404)"
