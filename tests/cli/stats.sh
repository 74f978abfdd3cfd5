#!/usr/bin/env bash
# `lijian stats` as docs/statistics.md states it: verify exits 0 when the roll-ups equal the base
# tables and 1 (differences on stderr) when a roll-up was changed behind the store's back;
# rebuild repairs it; summary writes XLSX and PDF; bad input exits 1 naming the option, usage
# errors 2.
#   tests/cli/stats.sh path/to/lijian
set -uo pipefail
bin="$1"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/lijian-cli-stats.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
db="sqlite://$tmp/t.db"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() {  # run WANT_RC ARGS...: stdout in $tmp/out, stderr in $tmp/err
  local want="$1" rc
  shift
  "$bin" stats "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [[ $rc == "$want" ]] || fail "lijian stats $*: exit $rc (want $want); stderr: $(head -c 400 "$tmp/err")"
}

"$bin" demo --db "$db" --leads 300 --enterprises 60 >/dev/null 2>&1 || { echo "FAIL: demo"; exit 1; }
run 0 verify --db "$db"
grep -q '"in_step":true' "$tmp/out" || fail "verify: $(cat "$tmp/out")"
sqlite3 "$tmp/t.db" "UPDATE stats_lead_margins SET leads = leads + 1 WHERE rowid = (SELECT MIN(rowid) FROM stats_lead_margins)"
run 1 verify --db "$db"
grep -q 'stats_lead_margins: differs' "$tmp/err" || fail "verify names the difference: $(cat "$tmp/err")"
run 0 rebuild --db "$db"
run 0 rebuild --db "$db"
run 0 verify --db "$db"
run 0 query --db "$db" --period 2018-H1 --unit 150400 --group-by unit
grep -q '"group_by": "unit"' "$tmp/out" || fail "query: $(head -c 300 "$tmp/out")"
run 0 summary --db "$db" --period 2018 --format xlsx --out "$tmp/s.xlsx"
[[ "$(head -c 2 "$tmp/s.xlsx")" == PK ]] || fail "summary xlsx is not a zip"
run 0 summary --db "$db" --period 2018 --format pdf --out "$tmp/s.pdf"
[[ "$(head -c 4 "$tmp/s.pdf")" == %PDF ]] || fail "summary pdf"
run 1 query --db "$db" --period 2018-13
grep -q -- '--period' "$tmp/err" || fail "bad period names --period: $(cat "$tmp/err")"
run 1 query --db "$db" --period 2018 --unit 999999
run 1 summary --db "$db" --period 2018 --format doc
run 2 frobnicate
((fails == 0)) && echo "cli stats: all passed"
exit $((fails > 0))
