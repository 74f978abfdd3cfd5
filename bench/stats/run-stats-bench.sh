#!/usr/bin/env bash
# The statistics benchmark (bench/README.md "Statistics"): a SQLite database with the demo data
# topped up to --leads leads by bench/bulk_leads.sql, the roll-ups built by `lijian stats
# rebuild` and checked by `lijian stats verify`, then every dashboard figure answered from the
# roll-ups and from the base table (build/bench/stats_bench) and by DuckDB on the same rows
# (bench/stats/duckdb_bench.mjs, npm @duckdb/node-api installed here by `npm ci`), all in one run.
#   bench/stats/run-stats-bench.sh [--leads N] [--db FILE]   (default 10,000,000 in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/../.."
leads=10000000
db=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --leads) leads="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    *) echo "usage: $0 [--leads N] [--db FILE]" >&2; exit 2 ;;
  esac
done
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$PWD/data}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/lijian-stats-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
[[ -n "$db" ]] || db="$tmp/bench.db"
url="sqlite://$db"
(cd bench/stats && [[ -d node_modules/@duckdb/node-api ]] || npm ci --no-audit --no-fund --loglevel=error)
# Runs a command and reports its wall time on stderr.
timed() {
  local label="$1" t0
  shift
  t0=$(date +%s.%N)
  "$@"
  printf '%s: %.1f s\n' "$label" "$(echo "$(date +%s.%N) - $t0" | bc)" >&2
}

if [[ ! -f "$db" ]]; then
  echo "loading the demo data" >&2
  build/lijian demo --db "$url" --leads 2000 --enterprises 800 >/dev/null
fi
have=$(sqlite3 "$db" "SELECT COUNT(*) FROM leads")
if (( have < leads )); then
  echo "topping up to $leads leads (bench/bulk_leads.sql)" >&2
  timed "generation (bulk_leads.sql)" sqlite3 -bail "$db" ".parameter set @target $leads" \
    ".read bench/bulk_leads.sql" >/dev/null
  timed "ANALYZE" sqlite3 "$db" "ANALYZE"
  timed "lijian stats rebuild" build/lijian stats rebuild --db "$url"
fi
timed "lijian stats verify (roll-ups = base tables)" build/lijian stats verify --db "$url" >/dev/null
sqlite3 "$db" "SELECT 'leads', COUNT(*) FROM leads; SELECT 'stats_lead_rollup rows', COUNT(*) FROM stats_lead_rollup; SELECT 'stats_lead_margins rows', COUNT(*) FROM stats_lead_margins;"

echo "== roll-ups vs base table (SQLite, same process, medians)"
build/bench/stats_bench "$url" "$tmp/answers.json"
echo "== DuckDB on the same rows"
timed "export to CSV for DuckDB" sqlite3 -csv "$db" "SELECT received_at, unit_path, source, \
  COALESCE(product_category, ''), special_actions, violations FROM leads" >"$tmp/leads.csv"
node bench/stats/duckdb_bench.mjs "$tmp/leads.csv" "$tmp/answers.json"
