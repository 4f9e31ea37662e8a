#!/usr/bin/env bash
# The embedded PostgreSQL: a private cluster for $MOTCUA_VAR (default ./var)
# on a Unix socket only, that no other local user can enter.
#   deploy/pg.sh start     create (first time) and start; writes var/pg/conninfo
#   deploy/pg.sh stop      stop it (fast shutdown)
#   deploy/pg.sh destroy   stop it and remove its data
#
# Who may connect: only the suite's own OS user. The socket's directory is
# 0700 and belongs to the cluster's owner; authentication is `peer` with a
# map that lets exactly two OS users in: the suite's user, as the suite's
# roles (deploy/roles.sql: motcua_owner, motcua_admin, one per service), and
# the cluster's owner, as its superuser (only this script uses that one).
# There is no TCP listener and no `trust`.
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# `postgres` system user. When that user cannot reach $MOTCUA_VAR (root's
# checkout in /root, mode 0700, or a `mktemp -d` folder), the cluster lives in
# /var/lib/motcua/clusters/<hash of $MOTCUA_VAR>/ instead, and var/pg/cluster
# names that place; nothing in a 0700 home is opened up.
set -euo pipefail
cd "$(dirname "$0")/.."
VAR=$(realpath -m "${MOTCUA_VAR:-var}")
PG="$VAR/pg"
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "pg.sh: PostgreSQL server binaries not found (as root: apt-get install -y postgresql-15)" >&2; exit 1; }
SUITE_USER=$(id -un)
SUPER=motcua_super              # the cluster's superuser (bootstrap role)

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

#   Where the cluster's files are: $PG, or the place var/pg/cluster names.
place() {
    if [ -f "$PG/cluster" ]; then cat "$PG/cluster"; else echo "$PG"; fi
}

#   As root, pick the place on first start: $PG if `postgres` can enter it.
choose_place() {
    mkdir -p "$PG"
    [ "$(id -u)" = 0 ] || return 0
    [ -f "$PG/cluster" ] && return 0
    [ -f "$PG/data/PG_VERSION" ] && return 0       # a cluster made here before
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/motcua --shell /usr/sbin/nologin postgres
    chown postgres: "$PG"
    if ! runuser -u postgres -- test -w "$PG" 2>/dev/null; then
        local at
        at=/var/lib/motcua/clusters/$(printf %s "$VAR" | sha256sum | cut -c1-16)
        mkdir -p "$at" && chmod 0711 /var/lib/motcua /var/lib/motcua/clusters
        chown postgres: "$at" && chmod 0700 "$at"
        echo "$at" > "$PG/cluster"
        echo "pg.sh: the postgres user cannot enter $VAR; the cluster's files are in $at" >&2
    fi
}

#   Our authentication, written at every start (a cluster made by an older
#   pg.sh with `trust` is closed on its next start).
write_auth() {
    local data=$1 owner=$2
    as_owner tee "$data/pg_hba.conf" > /dev/null <<EOF
# motcua: Unix socket only, peer authentication through the map in pg_ident.conf
local all all peer map=motcua
EOF
    {
        echo "# motcua: OS user -> database role"
        echo "motcua $owner $SUPER"
        for role in motcua_owner motcua_admin motcua_intake motcua_processing motcua_postal motcua_reporting; do
            echo "motcua $SUITE_USER $role"
        done
    } | as_owner tee "$data/pg_ident.conf" > /dev/null
}

psql_super() {                  # psql_super PLACE ARGS…: as the cluster's superuser
    local at=$1; shift
    as_owner "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$at/run" -U "$SUPER" "$@"
}

case "${1:-}" in
start)
    choose_place
    P=$(place)
    mkdir -p "$P/run" "$VAR/log"
    owner=$SUITE_USER
    if [ "$(id -u)" = 0 ]; then
        owner=postgres
        chown postgres: "$P" "$P/run"
    fi
    chmod 0700 "$P/run"
    if [ ! -f "$P/data/PG_VERSION" ]; then
        as_owner "$PGBIN/initdb" -D "$P/data" -U "$SUPER" -A peer -E UTF8 --locale=C.UTF-8 >/dev/null
        echo "$SUPER" > "$P/superuser"
    fi
    #   A cluster made by an older pg.sh has the superuser `motcua`.
    [ -f "$P/superuser" ] || echo motcua > "$P/superuser"
    SUPER=$(cat "$P/superuser")
    write_auth "$P/data" "$owner"
    LOG="$P/postgres.log"
    if as_owner "$PGBIN/pg_ctl" -D "$P/data" status >/dev/null 2>&1; then
        as_owner "$PGBIN/pg_ctl" -D "$P/data" reload >/dev/null
    else
        as_owner "$PGBIN/pg_ctl" -D "$P/data" -l "$LOG" -w -t 60 \
            -o "-c listen_addresses='' -c unix_socket_directories='$P/run' -c unix_socket_permissions=0700 -c port=5432 -c max_connections=100" \
            start >/dev/null || { echo "pg.sh: PostgreSQL did not start; its log:" >&2; tail -n 20 "$LOG" >&2; exit 1; }
    fi
    ln -sfn "$LOG" "$VAR/log/postgres.log"
    #   The roles (idempotent), then the database, owned by motcua_owner.
    psql_super "$P" -d postgres < deploy/roles.sql
    psql_super "$P" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'motcua'" | grep -q 1 \
        || psql_super "$P" -d postgres -c "CREATE DATABASE motcua OWNER motcua_owner"
    psql_super "$P" -d motcua < deploy/roles_owner.sql
    echo "host=$P/run port=5432 user=motcua_owner dbname=motcua" > "$PG/conninfo"
    ;;
stop)
    P=$(place)
    if [ -f "$P/data/PG_VERSION" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$P/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
destroy)
    "$0" stop
    P=$(place)
    rm -rf "$P" "$PG"
    ;;
*)
    echo "usage: deploy/pg.sh start|stop|destroy" >&2; exit 2 ;;
esac
