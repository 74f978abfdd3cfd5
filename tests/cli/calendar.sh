#!/usr/bin/env bash
# `lijian calendar` as CONTRACTS.md states it: the due date on stdout and exit 0; exit 1 with a
# reason on stderr for a bad date or one the calendar does not cover; exit 2 on usage errors.
#   tests/cli/calendar.sh path/to/lijian
set -uo pipefail
bin="$1"
fails=0
expect() {  # expect WANT_RC WANT_STDOUT ARGS...
  local want_rc="$1" want_out="$2" out rc
  shift 2
  out=$("$bin" calendar "$@" 2>/tmp/calendar-test.err)
  rc=$?
  if [[ $rc != "$want_rc" || $out != "$want_out" ]]; then
    echo "FAIL: lijian calendar $*: exit $rc, stdout '$out' (want $want_rc, '$want_out'); stderr: $(cat /tmp/calendar-test.err)"
    fails=$((fails + 1))
  elif [[ $want_rc == 1 && ! -s /tmp/calendar-test.err ]]; then
    echo "FAIL: lijian calendar $*: exit 1 without a reason on stderr"
    fails=$((fails + 1))
  fi
}
# Counted by hand from the State Council notices (src/calendar/work_calendar_test.cpp).
expect 0 2018-03-09 add --from 2018-02-12 --working-days 15
expect 0 2019-05-05 add --from 2019-04-30 --working-days 1
expect 0 2020-02-03 add --from 2020-01-23 --working-days 1
expect 0 2024-10-18 add --from 2024-09-30 --working-days 10
expect 0 2026-02-24 add --from 2026-02-13 --working-days 2
expect 0 "2026-02-28	working" check 2026-02-28
expect 0 "2026-02-21	rest" check 2026-02-21
expect 1 "" add --from 2026-12-20 --working-days 15
expect 1 "" add --from 2016-06-01 --working-days 1
expect 1 "" add --from 2026-13-01 --working-days 1
expect 1 "" add --from 2026-01-05 --working-days -3
expect 2 "" add --from 2026-01-05
rm -f /tmp/calendar-test.err
[[ $fails == 0 ]] && echo "calendar CLI: all as expected"
exit $((fails > 0))
