#!/usr/bin/env bash
# A throw-away PostgreSQL server for the database tests and the README's examples.
#   scripts/pg-test-server.sh start DIR   initdb in DIR (fresh), start on 127.0.0.1 at a free port, password
#                                         authentication (scram-sha-256); prints the connection as shell
#                                         assignments: RWESTATS_PG_HOST=… RWESTATS_PG_PORT=… RWESTATS_PG_USER=…
#                                         RWESTATS_PG_PASSWORD=… RWESTATS_PG_DB=…  (eval "$(… start DIR)")
#   scripts/pg-test-server.sh stop DIR    stop it and delete DIR
# initdb and postgres refuse to run as root: as root the server runs as the 'postgres' OS user (Debian's package
# creates it) or, failing that, as 'nobody'. Every failure exits non-zero with the reason on stderr.
set -euo pipefail
cmd=${1:?usage: pg-test-server.sh start|stop DIR}
dir=${2:?usage: pg-test-server.sh start|stop DIR}

bindir=""
for candidate in "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)" /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir=$candidate; break; fi
done
[ -n "$bindir" ] || { echo "pg-test-server: no PostgreSQL server binaries (initdb, pg_ctl) found; install them (Debian: apt-get install -y postgresql)" >&2; exit 3; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
start)
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 && chown postgres "$dir" || chown nobody "$dir"; }
  chmod 700 "$dir"
  password="rwestats-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown "$(stat -c %U "$dir")" "$dir/pwfile"
  as_owner "$bindir/initdb" -D "$dir/data" -U rwestats --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { echo "pg-test-server: initdb failed: $(tail -3 "$dir/initdb.log" | tr '\n' ' ')" >&2; exit 3; }
  rm -f "$dir/pwfile"
  # A free port: ask the kernel for one (bind to port 0), then start on it.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
  # log_statement=all: the server's log shows what the client sent (the tests check it is the aggregate query).
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c log_statement=all -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >"$dir/pg_ctl.log" 2>&1 \
    || { echo "pg-test-server: the server did not start: $(tail -5 "$dir/server.log" 2>/dev/null | tr '\n' ' ')" >&2; exit 3; }
  echo "RWESTATS_PG_HOST=127.0.0.1"
  echo "RWESTATS_PG_PORT=$port"
  echo "RWESTATS_PG_USER=rwestats"
  echo "RWESTATS_PG_PASSWORD=$password"
  echo "RWESTATS_PG_DB=postgres"
  echo "RWESTATS_PG_LOG=$dir/server.log"
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: pg-test-server.sh start|stop DIR" >&2; exit 2 ;;
esac
