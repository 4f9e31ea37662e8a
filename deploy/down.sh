#!/usr/bin/env bash
# Stop the dashboard, the four services (SIGTERM, then wait) and the embedded PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
export MOTCUA_VAR=${MOTCUA_VAR:-var}
for svc in dashboard intake processing postal reporting; do
    pidfile="$MOTCUA_VAR/run/$svc.pid"
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$pidfile"
done
if [ -z "${MOTCUA_DB:-}${PGHOST:-}${PGDATABASE:-}${PGSERVICE:-}${PGPORT:-}" ]; then
    deploy/pg.sh stop
fi
echo "motcua is down"
