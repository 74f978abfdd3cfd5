#!/usr/bin/env bash
# The list benchmark of the spine: GET /api/v1/leads?limit=50 over N leads in SQLite under wrk,
# next to nginx serving a static file of the same size in the same run. See bench/README.md.
#
#   bench/run-list-bench.sh [--leads N] [--duration SECONDS] [--connections C] [--threads T]
#                           [--profile] [--keep]
#
# --leads N        leads in the database (default 1000000; the demo loads 2000, SQL adds the rest)
# --duration S     seconds per wrk run (default $DURATION or 20)
# --connections C  wrk connections (default 64); --threads T wrk threads (default 2)
# --profile        also sample the server with perf (or callgrind when perf is missing) during
#                  an extra run of the first-page URL and print the top functions
# --keep           keep the temporary folder (database, logs, wrk outputs) and print its path
#
# Contract: builds Release (scripts/build.sh lijian) and works only in a fresh temporary folder;
# everything it starts (lijian, nginx, perf) is stopped on exit, also on failure or Ctrl-C.
# Prints the bulk-load timings, the query plans, one wrk summary per run and a final table;
# exits non-zero when a step fails or a run saw non-2xx responses or socket errors.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

leads=1000000
duration="${DURATION:-20}"
connections=64
wrk_threads=2
profile=0
keep=0
while (($#)); do
  case "$1" in
    --leads) leads="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) wrk_threads="$2"; shift 2 ;;
    --profile) profile=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run-list-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$leads" =~ ^[0-9]+$ && "$leads" -ge 2000 ]] || { echo "run-list-bench: --leads must be a number >= 2000" >&2; exit 2; }

say() { echo "== $*" >&2; }
die() { echo "run-list-bench: $*" >&2; exit 1; }
for tool in sqlite3 wrk nginx curl; do
  command -v "$tool" >/dev/null || die "$tool is missing (scripts/install-deps.sh --test installs it)"
done

# --- clean-up: everything this script started, by pid
tmp=""
lijian_pid=""
nginx_pid=""
perf_pid=""
cleanup() {
  local rc=$?
  for pid in "$perf_pid" "$lijian_pid" "$nginx_pid"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$perf_pid" "$lijian_pid" "$nginx_pid"; do
    [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$tmp" ]]; then
    if ((keep)) || ((rc != 0)); then
      ((rc == 0)) || { echo "run-list-bench: failed; logs kept in $tmp" >&2; tail -n 5 "$tmp"/*.log 2>/dev/null >&2 || true; }
      ((rc != 0)) || echo "run-list-bench: kept $tmp" >&2
    else
      rm -rf "$tmp"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for ((p = 20000 + RANDOM % 20000; ; p = 20000 + RANDOM % 20000)); do
    port_free "$p" && { echo "$p"; return; }
  done
}

# --- build and machine
say "building Release (scripts/build.sh lijian)"
scripts/build.sh lijian >/dev/null
tmp=$(mktemp -d /tmp/lijian-bench.XXXXXX)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "$(uname -sr), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tools: $(sqlite3 --version | cut -d' ' -f1), $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)," \
  "$(nginx -v 2>&1 | sed 's/.*: //')"

# --- database: reference data and demo users, then bulk leads
db="$tmp/bench.db"
say "loading reference and demo data"
build/lijian demo --db "sqlite://$db" --leads 2000 --enterprises 300 >"$tmp/demo.log" 2>&1
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$db" "$tmp/ref.db"  # the same start for the .import reference
existing=$(sqlite3 "$db" "SELECT count(*) FROM leads;")

say "bulk-adding leads up to $leads"
t0=$(now)
sqlite3 -bail "$db" ".parameter set @target $leads" ".read bench/bulk_leads.sql"
t1=$(now)
total=$(sqlite3 "$db" "SELECT count(*) FROM leads;")
[[ "$total" -eq "$leads" ]] || die "expected $leads leads after the bulk load, found $total"
added=$((total - existing))
bulk_s=$(elapsed "$t0" "$t1")
t0=$(now)
sqlite3 "$db" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
analyze_s=$(elapsed "$t0" "$(now)")

# Reference: the same rows exported as CSV and loaded with the shell's .import (prepared INSERT
# per row, one transaction) into the same schema with the same indexes and settings.
t0=$(now)
sqlite3 -csv "$db" "SELECT * FROM leads WHERE id > $existing ORDER BY id;" >"$tmp/leads.csv"
export_s=$(elapsed "$t0" "$(now)")
t0=$(now)
sqlite3 -bail "$tmp/ref.db" "PRAGMA synchronous = OFF;" "PRAGMA cache_size = -1048576;" \
  ".import --csv $tmp/leads.csv leads" >/dev/null
import_s=$(elapsed "$t0" "$(now)")
ref_total=$(sqlite3 "$tmp/ref.db" "SELECT count(*) FROM leads;")
[[ "$ref_total" -eq "$leads" ]] || die ".import reference loaded $ref_total rows, expected $leads"
csv_mb=$(awk -v b="$(stat -c %s "$tmp/leads.csv")" 'BEGIN { printf "%.0f", b / 1048576 }')
rm -f "$tmp/leads.csv" "$tmp/ref.db" "$tmp"/ref.db-*
db_mb=$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1048576 }')
echo
echo "bulk load of $added leads (database now $total leads, $db_mb MiB):"
printf '  %-44s %8s s  %9.0f rows/s\n' "INSERT … SELECT (bench/bulk_leads.sql)" "$bulk_s" \
  "$(awk -v n="$added" -v s="$bulk_s" 'BEGIN { print n / s }')"
printf '  %-44s %8s s  %9.0f rows/s\n' "reference: sqlite3 .import of the CSV ($csv_mb MiB)" "$import_s" \
  "$(awk -v n="$added" -v s="$import_s" 'BEGIN { print n / s }')"
printf '  %-44s %8s\n' "ratio .import time / INSERT … SELECT time" \
  "$(awk -v a="$import_s" -v b="$bulk_s" 'BEGIN { printf "%.2f", a / b }')"
echo "  (CSV export took $export_s s, ANALYZE $analyze_s s)"

# --- query plans of the list query as the region leader sees it (scope: the whole region)
leader_path=$(sqlite3 "$db" "SELECT u.path FROM users s JOIN units u ON u.code = s.unit_code WHERE s.username = 'demo_region_leader';")
leader_unit=$(sqlite3 "$db" "SELECT unit_code FROM users WHERE username = 'demo_region_leader';")
scope="(l.unit_path LIKE '$leader_path%' OR l.id IN (SELECT entity_id FROM shares WHERE entity = 'lead' AND unit_code = '$leader_unit'))"
echo
echo "query plans (SqlStore::list_leads, scope of demo_region_leader = $leader_path):"
for where in "" " AND l.status = 'verified' AND l.special_actions LIKE '%,agri_inputs,%'" \
             " AND (l.received_at, l.id) < ('2018-04-01T00:00:00+08:00', 0)"; do
  echo "  WHERE scope${where}:"
  sqlite3 "$db" "EXPLAIN QUERY PLAN SELECT l.id FROM leads l WHERE $scope$where ORDER BY l.received_at DESC, l.id DESC LIMIT 51;" |
    sed -n '2,$p' | sed 's/^/    /'
done

# --- Lijian
say "starting lijian serve"
build/lijian serve --db "sqlite://$db" --listen 127.0.0.1:0 ${LIJIAN_SERVE_ARGS:-} >"$tmp/lijian.log" 2>&1 &
lijian_pid=$!
lijian_port=""
for _ in $(seq 1 100); do
  lijian_port=$(sed -n 's/.*lijian serving http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/lijian.log" | head -n1)
  [[ -n "$lijian_port" ]] && break
  kill -0 "$lijian_pid" 2>/dev/null || die "lijian serve exited; see $tmp/lijian.log"
  sleep 0.1
done
[[ -n "$lijian_port" ]] || die "lijian serve did not start; see $tmp/lijian.log"
base="http://127.0.0.1:$lijian_port"
curl -sf -c "$tmp/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"demo_region_leader","password":"Demo-2018-lijian"}' "$base/api/v1/auth/login" >/dev/null ||
  die "cannot log in as demo_region_leader"
token=$(awk '$6 == "lijian_session" { print $7 }' "$tmp/cookies")
[[ -n "$token" ]] || die "the login set no lijian_session cookie"
cookie="Cookie: lijian_session=$token"

fetch() {  # URL OUT: GET with the session; fails on non-200
  local code
  code=$(curl -s -o "$2" -w '%{http_code}' -H "$cookie" "$1")
  [[ "$code" == 200 ]] || die "GET $1 answered $code: $(head -c 300 "$2")"
}
list_url="$base/api/v1/leads?limit=50"
fetch "$list_url" "$tmp/page.json"
body_bytes=$(stat -c %s "$tmp/page.json")
items=$(grep -o '"source_id"' "$tmp/page.json" | wc -l)
[[ "$items" -eq 50 ]] || die "the first page holds $items leads, expected 50"
filter_url="$base/api/v1/leads?limit=50&status=verified&special_action=agri_inputs"
fetch "$filter_url" "$tmp/filtered.json"
# A deep cursor: the first page of leads received up to 2018-03-31 ends about half-way down
# the whole list; its next_cursor, without the filter, pages from there.
fetch "$list_url&received_to=2018-03-31" "$tmp/mid.json"
cursor=$(sed -n 's/.*"next_cursor":"\([^"]*\)".*/\1/p' "$tmp/mid.json")
[[ -n "$cursor" ]] || die "no next_cursor in $(head -c 200 "$tmp/mid.json")"
deep_url="$list_url&cursor=$cursor"
fetch "$deep_url" "$tmp/deep.json"
deep_first=$(grep -o '"id":[0-9]*' "$tmp/deep.json" | head -n1 | cut -d: -f2)
depth=""
if [[ -n "$deep_first" ]]; then
  depth=$(sqlite3 "$db" "SELECT count(*) FROM leads WHERE (received_at, id) > (SELECT received_at, id FROM leads WHERE id = $deep_first);")
fi

# --- nginx: a private instance serving a file of exactly the first page's size
nginx_port=$(free_port)
mkdir -p "$tmp/www" "$tmp/nginx"
cp "$tmp/page.json" "$tmp/www/leads.json"  # the same bytes, so the same size
nginx_user=""
[[ $(id -u) -eq 0 ]] && nginx_user="user root;"
cat >"$tmp/nginx.conf" <<EOF
$nginx_user
worker_processes auto;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  keepalive_timeout 75s;
  default_type application/json;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
  }
}
EOF
say "starting nginx on port $nginx_port"
nginx -p "$tmp/nginx" -c "$tmp/nginx.conf" -e "$tmp/nginx.log" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/leads.json" && break
  kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited; see $tmp/nginx.log"
  sleep 0.1
done
static_bytes=$(curl -sf "http://127.0.0.1:$nginx_port/leads.json" | wc -c)
[[ "$static_bytes" -eq "$body_bytes" ]] || die "nginx serves $static_bytes bytes, the list page has $body_bytes"

# --- wrk runs
declare -A rps p50 p99 loads
run_wrk() {  # NAME URL [HEADER [LUA_SCRIPT]]
  local name=$1 url=$2 out="$tmp/wrk-$1.txt"
  local args=(-t"$wrk_threads" -c"$connections" -d"${duration}s" --latency)
  [[ $# -ge 3 ]] && args+=(-H "$3")
  [[ $# -ge 4 ]] && args+=(-s "$4")
  say "wrk $name: $url"
  loads[$name]=$(cut -d' ' -f1 /proc/loadavg)
  wrk "${args[@]}" "$url" >"$out"
  rps[$name]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50[$name]=$(awk '$1 == "50%" { print $2 }' "$out")
  p99[$name]=$(awk '$1 == "99%" { print $2 }' "$out")
  if grep -q 'Non-2xx or 3xx responses\|Socket errors' "$out"; then
    cat "$out" >&2
    die "wrk $name saw failed requests"
  fi
  [[ -n "${rps[$name]}" ]] || { cat "$out" >&2; die "cannot parse the wrk output of $name"; }
}
run_wrk nginx "http://127.0.0.1:$nginx_port/leads.json"
run_wrk first "$list_url" "$cookie"
# The same page with a unique target per request: the response cache never answers.
run_wrk uncached "$list_url" "$cookie" "$(dirname "$0")/cache-miss.lua"
run_wrk filtered "$filter_url" "$cookie"
run_wrk deep "$deep_url" "$cookie"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo
echo "wrk -t$wrk_threads -c$connections -d${duration}s, $total leads, response body $body_bytes bytes" \
  "(filtered $(stat -c %s "$tmp/filtered.json"), deep $(stat -c %s "$tmp/deep.json"))"
printf '%-44s %12s %9s %10s %10s %6s\n' "run" "req/s" "vs nginx" "p50" "p99" "load"
printf '%-44s %12s %9s %10s %10s %6s\n' "nginx static file (same size)" "${rps[nginx]}" "1.000" \
  "${p50[nginx]}" "${p99[nginx]}" "${loads[nginx]}"
printf '%-44s %12s %9s %10s %10s %6s\n' "lijian /api/v1/leads?limit=50" "${rps[first]}" \
  "$(ratio "${rps[first]}" "${rps[nginx]}")" "${p50[first]}" "${p99[first]}" "${loads[first]}"
printf '%-44s %12s %9s %10s %10s %6s\n' "lijian  same page, every request a cache miss" "${rps[uncached]}" \
  "$(ratio "${rps[uncached]}" "${rps[nginx]}")" "${p50[uncached]}" "${p99[uncached]}" "${loads[uncached]}"
printf '%-44s %12s %9s %10s %10s %6s\n' "lijian  + status=verified&special_action=…" "${rps[filtered]}" \
  "$(ratio "${rps[filtered]}" "${rps[nginx]}")" "${p50[filtered]}" "${p99[filtered]}" "${loads[filtered]}"
printf '%-44s %12s %9s %10s %10s %6s\n' "lijian  + cursor ${depth:-?} rows deep" "${rps[deep]}" \
  "$(ratio "${rps[deep]}" "${rps[nginx]}")" "${p50[deep]}" "${p99[deep]}" "${loads[deep]}"
echo
echo "FIGURE: lijian/nginx = $(ratio "${rps[first]}" "${rps[nginx]}") (aim >= 0.5)," \
  "lijian p99 ${p99[first]}, $total leads;" \
  "every request a cache miss: $(ratio "${rps[uncached]}" "${rps[nginx]}"), p99 ${p99[uncached]}"

# --- optional profile of the server under the first-page load
if ((profile)); then
  prof_s=$((duration < 10 ? duration : 10))
  if command -v perf >/dev/null && perf record -o /dev/null -- true >/dev/null 2>&1; then
    say "profiling lijian with perf for ${prof_s}s under wrk"
    perf record -F 999 -o "$tmp/perf.data" -p "$lijian_pid" -- sleep "$prof_s" >/dev/null 2>&1 &
    perf_pid=$!
    wrk -t"$wrk_threads" -c"$connections" -d"${prof_s}s" -H "$cookie" "$list_url" >/dev/null
    wait "$perf_pid" || true
    perf_pid=""
    # awk, not head: head would end perf early and pipefail would fail the script.
    shorten() { sed -E 's/ +/ /g; s/nlohmann::json_abi_v3_11_2::basic_json<[^()]*unsigned char> > >/Json/g' |
                  awk '{ print substr($0, 1, 150) }'; }
    echo
    echo "perf: top functions of lijian by self time under /api/v1/leads?limit=50:"
    perf report -i "$tmp/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null |
      grep -E '^ +[0-9.]+%' | shorten | awk 'NR <= 25'
    echo "perf: by shared object:"
    perf report -i "$tmp/perf.data" --no-children --sort dso --stdio 2>/dev/null |
      grep -E '^ +[0-9.]+%' | shorten | awk 'NR <= 8'
  else
    echo "perf is not usable here; run bench/README.md's callgrind recipe instead" >&2
  fi
fi
