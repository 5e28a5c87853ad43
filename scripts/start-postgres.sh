#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the end-to-end tests and prints its URL.
# Installs the server from Debian when it is missing; runs as the postgres user (initdb refuses root).
# Usage: scripts/start-postgres.sh [DATA_DIR] [PORT]
set -euo pipefail
data_dir=${1:-/tmp/mvp-backend-pg}
port=${2:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$data_dir/PG_VERSION" ]; then
    mkdir -p "$data_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$data_dir"
    as_pg "$bin/initdb" -D "$data_dir" -U postgres --auth=trust >/dev/null
  fi
  as_pg "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data_dir -c fsync=off" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
