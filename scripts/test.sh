#!/usr/bin/env bash
# The README's second command: install, build with warnings as errors, start a throwaway
# PostgreSQL server on loopback and run every test through CTest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh
pg_dir="$(mktemp -d /tmp/lijian-pg.XXXXXX)"
cleanup() { scripts/pg-test-server.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
eval "$(scripts/pg-test-server.sh start "$pg_dir")"
export LIJIAN_TEST_PG LIJIAN_TEST_PG_DIR
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j2 "$@"
