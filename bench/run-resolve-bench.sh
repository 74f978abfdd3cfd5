#!/usr/bin/env bash
# Measures entity resolution during import (docs/entity-resolution.md, "Performance"): a registry
# of E enterprises and L leads from bench/gen-resolve-data.sh, SQLite, all in one run:
#   reference  sqlite3 .import of the leads CSV into a plain table
#   before     lijian import --no-resolve (the import without entity resolution)
#   after      lijian import (each batch resolved and grouped)
#   later      lijian resolve over the leads of "before"
#   bench/run-resolve-bench.sh [E] [L] [DIR]     # defaults 100000 200000 /tmp/lijian-resolve-bench
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${LIJIAN_BIN:-$here/../build/lijian}"
e="${1:-100000}"
l="${2:-200000}"
dir="${3:-/tmp/lijian-resolve-bench}"
export LIJIAN_DATA_DIR="${LIJIAN_DATA_DIR:-$here/../data}"
mkdir -p "$dir"
cd "$dir"
rm -f ./*.db ./*.db-wal ./*.db-shm
"$here/gen-resolve-data.sh" "$e" "$l" "$dir"
t() {
  local s e
  s=$(date +%s.%N)
  "$@"
  e=$(date +%s.%N)
  echo "TIME $(echo "$e - $s" | bc) :: $*" >&2
}
t "$bin" import --db "sqlite://$dir/base.db" --kind enterprises enterprises.csv
sqlite3 base.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp base.db before.db
cp base.db after.db
t sqlite3 raw.db ".import --csv leads.csv leads_raw"
t "$bin" import --db "sqlite://$dir/before.db" --no-resolve --kind leads leads.csv
t "$bin" import --db "sqlite://$dir/after.db" --kind leads leads.csv
t "$bin" resolve --db "sqlite://$dir/before.db"
sqlite3 after.db "SELECT state, method, COUNT(*) FROM lead_matches GROUP BY 1, 2;
                  SELECT COUNT(*) AS grouped_leads FROM lead_groups WHERE group_id <> lead_id;"
