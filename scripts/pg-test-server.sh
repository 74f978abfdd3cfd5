#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, in a directory of its own.
#
#   eval "$(scripts/pg-test-server.sh start DIR)"   # exports LIJIAN_TEST_PG, LIJIAN_TEST_PG_DIR
#   scripts/pg-test-server.sh url DIR               # prints the exports again
#   scripts/pg-test-server.sh stop DIR              # stops the server (DIR stays; rm -rf it after)
#
# Contract:
# - stdout carries only the `export` lines (so `eval` is safe); progress and errors go to stderr.
# - The server listens on 127.0.0.1 only, on the first free port from 55432 up, with its socket
#   in DIR; fsync and synchronous commit are off (test data only).
# - It never runs as root: as root it runs as the `postgres` system user (or `lijian-test`,
#   created when neither exists); otherwise as the current user.
# - `start` on a DIR whose server runs re-prints the exports; on a stopped DIR it restarts the
#   same cluster with the same password. On any failure no server is left running.
# - The database lijian_test is owned by role lijian (password in DIR/env, mode 600); the
#   cluster's superuser is postgres with its own password in DIR/superuser.pw.
set -euo pipefail

readonly kFirstPort=55432
readonly kLastPort=55531

die() { echo "pg-test-server: $*" >&2; exit 1; }
say() { echo "pg-test-server: $*" >&2; }

find_bindir() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then echo /usr/lib/postgresql/15/bin; return; fi
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [[ -n "$d" && -x "$d/initdb" ]] || die "no PostgreSQL server binaries found (install postgresql-15 or set PG_BIN)"
  echo "$d"
}

# The OS user that owns and runs the cluster.
server_user() {
  if [[ $(id -u) -ne 0 ]]; then id -un; return; fi
  if id postgres >/dev/null 2>&1; then echo postgres; return; fi
  if ! id lijian-test >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin lijian-test >&2 ||
      die "cannot create user lijian-test"
  fi
  echo lijian-test
}

# Runs a command as the server user (directly when that is us).
as_user() {
  if [[ $(id -u) -ne 0 ]]; then "$@"; return; fi
  runuser -u "$USER_NAME" -- "$@"
}

random_secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

server_running() { [[ -f "$DATA/postmaster.pid" ]] && as_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# DIR/env.sh holds LIJIAN_TEST_PG and PORT of this cluster.
env_value() {  # NAME
  # shellcheck disable=SC1091
  (source "$DIR/env.sh"; echo "${!1}")
}

print_exports() {
  echo "export LIJIAN_TEST_PG='$(env_value LIJIAN_TEST_PG)'"
  echo "export LIJIAN_TEST_PG_DIR='$DIR'"
}

write_env() {  # PORT
  local pw
  pw=$(cat "$DIR/lijian.pw")
  (umask 077
   printf "LIJIAN_TEST_PG='%s'\nPORT=%s\n" "postgresql://lijian:$pw@127.0.0.1:$1/lijian_test" "$1" \
     >"$DIR/env.sh")
}

# Set while this invocation has a server up that it must stop if it fails.
STARTED=0
on_exit() {
  local rc=$?
  if [[ $rc -ne 0 && $STARTED -eq 1 ]]; then
    say "failed; stopping the server it started (log: $DIR/log)"
    tail -n 20 "$DIR/log" >&2 2>/dev/null || true
    as_user "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -f "$DIR/.pwfile"
  exit "$rc"
}

start_server() {  # tries ports until one takes; sets STARTED and rewrites env.sh
  local port=$kFirstPort
  if [[ -f "$DIR/env.sh" ]]; then port=$(env_value PORT); fi
  for ((; port <= kLastPort; ++port)); do
    port_free "$port" || continue
    local opts="-p $port -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off"
    opts+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    STARTED=1
    if as_user "$BIN/pg_ctl" -D "$DATA" -o "$opts" -l "$DIR/log" -t 60 -w start >/dev/null; then
      write_env "$port"
      return 0
    fi
    as_user "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    STARTED=0
    grep -q "could not bind\|Address already in use" "$DIR/log" 2>/dev/null ||
      die "server did not start; see $DIR/log"
  done
  die "no free port in $kFirstPort..$kLastPort"
}

create_cluster() {
  say "initialising a cluster in $DATA as $USER_NAME"
  (umask 077
   random_secret >"$DIR/superuser.pw"
   random_secret >"$DIR/lijian.pw"
   cp "$DIR/superuser.pw" "$DIR/.pwfile")
  [[ $(id -u) -ne 0 ]] || chown "$USER_NAME" "$DIR/.pwfile"
  local locale=C.UTF-8
  locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || locale=C
  as_user "$BIN/initdb" -D "$DATA" -U postgres --auth=scram-sha-256 --pwfile="$DIR/.pwfile" \
    -E UTF8 --locale="$locale" >"$DIR/initdb.log" 2>&1 || die "initdb failed; see $DIR/initdb.log"
  rm -f "$DIR/.pwfile"
}

create_database() {
  local port pw
  port=$(env_value PORT)
  pw=$(cat "$DIR/lijian.pw")
  PGPASSWORD=$(cat "$DIR/superuser.pw") "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 \
    -p "$port" -U postgres -d postgres >/dev/null <<SQL || die "cannot create role and database"
SELECT 'CREATE ROLE lijian LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lijian')
\gexec
ALTER ROLE lijian PASSWORD '$pw';
SELECT 'CREATE DATABASE lijian_test OWNER lijian ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lijian_test')
\gexec
SQL
  touch "$DIR/.created"
}

cmd_start() {
  mkdir -p "$DIR"
  [[ $(id -u) -ne 0 ]] || chown "$USER_NAME" "$DIR"
  chmod 700 "$DIR"
  as_user test -w "$DIR" ||
    die "$USER_NAME cannot write $DIR (its parent folders must be searchable by $USER_NAME)"
  if server_running; then
    [[ -f "$DIR/env.sh" ]] || die "a server runs in $DIR but $DIR/env.sh is missing"
    print_exports
    return
  fi
  trap on_exit EXIT
  [[ -f "$DATA/PG_VERSION" ]] || create_cluster
  start_server
  [[ -f "$DIR/.created" ]] || create_database
  say "PostgreSQL is up at 127.0.0.1:$(env_value PORT) (stop: $0 stop $DIR)"
  print_exports
}

cmd_stop() {
  [[ -d "$DATA" ]] || die "no cluster in $DIR"
  if ! server_running; then say "no server runs in $DIR"; return; fi
  as_user "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  say "stopped the server in $DIR"
}

cmd_url() {
  server_running || die "no server runs in $DIR"
  print_exports
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop|url DIR"
COMMAND=$1
DIR=$(realpath -m "$2")
DATA="$DIR/data"
BIN=$(find_bindir)
USER_NAME=$(server_user)
case "$COMMAND" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  *) die "usage: $0 start|stop|url DIR" ;;
esac
