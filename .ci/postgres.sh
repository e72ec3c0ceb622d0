#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the dossier tests and prints its connection URL.
# Usage: url=$(.ci/postgres.sh start) ; .ci/postgres.sh stop
# Runs the server as the postgres user (initdb refuses root); Debian's `postgresql` package provides it.
set -euo pipefail
PORT="${IWMO_PG_PORT:-54329}"
DATA="${IWMO_PG_DATA:-/tmp/iwmo-ci-postgres}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi; }

case "${1:-start}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA" && chown postgres "$DATA"
      as_postgres "$BIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
    fi
    if ! as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -o "-p $PORT -k $DATA -c listen_addresses=localhost" start >/dev/null
    fi
    as_postgres "$BIN/psql" -h localhost -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'iwmo'" | grep -q 1 ||
      as_postgres "$BIN/psql" -h localhost -p "$PORT" -U postgres -qc "CREATE ROLE iwmo LOGIN PASSWORD 'iwmo'"
    as_postgres "$BIN/psql" -h localhost -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'iwmo_test'" | grep -q 1 ||
      as_postgres "$BIN/psql" -h localhost -p "$PORT" -U postgres -qc "CREATE DATABASE iwmo_test OWNER iwmo"
    echo "postgres://iwmo:iwmo@localhost:$PORT/iwmo_test"
    ;;
  stop)
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
