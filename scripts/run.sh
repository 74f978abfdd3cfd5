#!/usr/bin/env bash
# The README's first command: install, build (Release), load the reference and demo data into
# the default SQLite database and serve at http://127.0.0.1:8080. Loading the demo twice adds
# nothing new. LIJIAN_DB and LIJIAN_LISTEN override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh lijian
db="${LIJIAN_DB:-sqlite://lijian.db}"
listen="${LIJIAN_LISTEN:-127.0.0.1:8080}"
build/lijian demo --db "$db"
echo "Serving Lijian at http://$listen (Ctrl-C stops it)"
exec build/lijian serve --db "$db" --listen "$listen"
