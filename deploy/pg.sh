#!/usr/bin/env bash
# The embedded PostgreSQL: a private cluster under $MOTCUA_VAR/pg (default ./var)
# on a Unix socket only. PostgreSQL refuses to run as root, so as root the
# cluster belongs to the `postgres` system user.
#   deploy/pg.sh start   create (first time) and start; writes var/pg/conninfo
#   deploy/pg.sh stop    stop it (fast shutdown)
set -euo pipefail
VAR=$(realpath -m "${MOTCUA_VAR:-var}")
PG="$VAR/pg"
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    mkdir -p "$PG/run" "$VAR/log"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG" --shell /usr/sbin/nologin postgres
        chown postgres: "$PG" "$PG/run"
        touch "$VAR/log/postgres.log" && chown postgres: "$VAR/log/postgres.log"
    fi
    if [ ! -f "$PG/data/PG_VERSION" ]; then
        as_owner "$PGBIN/initdb" -D "$PG/data" -U motcua -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$PGBIN/pg_ctl" -D "$PG/data" status >/dev/null 2>&1; then
        as_owner "$PGBIN/pg_ctl" -D "$PG/data" -l "$VAR/log/postgres.log" -w -t 60 \
            -o "-c listen_addresses='' -c unix_socket_directories='$PG/run' -c port=5432 -c max_connections=100" \
            start >/dev/null
    fi
    as_owner "$PGBIN/psql" -h "$PG/run" -U motcua -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'motcua'" | grep -q 1 \
        || as_owner "$PGBIN/createdb" -h "$PG/run" -U motcua motcua
    echo "host=$PG/run port=5432 user=motcua dbname=motcua" > "$PG/conninfo"
    ;;
stop)
    if [ -f "$PG/data/PG_VERSION" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
*)
    echo "usage: deploy/pg.sh start|stop" >&2; exit 2 ;;
esac
