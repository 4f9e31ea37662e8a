#!/usr/bin/env bash
# Bring the suite up in the background: the embedded PostgreSQL (unless PG
# settings are given), migrations, development certificates, the four services
# and the web dashboard. Returns when every service answers a health request,
# printing the dashboard's address.
set -euo pipefail
cd "$(dirname "$0")/.."
export MOTCUA_VAR=${MOTCUA_VAR:-var}
BIN=${MOTCUA_BIN:-build/bin}
mkdir -p "$MOTCUA_VAR/log" "$MOTCUA_VAR/run"
if [ -z "${MOTCUA_DB:-}${PGHOST:-}${PGDATABASE:-}${PGSERVICE:-}${PGPORT:-}" ]; then
    deploy/pg.sh start
fi
deploy/migrate.sh
"$BIN/motcua" admin certs >/dev/null
"$BIN/motcua" admin calendar import deploy/calendar/*.txt >/dev/null
"$BIN/motcua" catalog import deploy/catalog/*.csv >/dev/null
for svc in intake processing postal reporting dashboard; do
    pidfile="$MOTCUA_VAR/run/$svc.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then continue; fi
    rm -f "$MOTCUA_VAR/run/$svc.url"
    nohup "$BIN/motcua-$svc" >> "$MOTCUA_VAR/log/$svc.log" 2>&1 &
    echo $! > "$pidfile"
done
for _ in $(seq 1 100); do
    if "$BIN/motcua" health >/dev/null 2>&1; then
        "$BIN/motcua" health
        for _ in $(seq 1 50); do [ -s "$MOTCUA_VAR/run/dashboard.url" ] && break; sleep 0.1; done
        if [ -s "$MOTCUA_VAR/run/dashboard.url" ]; then
            echo "dashboard: $(cat "$MOTCUA_VAR/run/dashboard.url") (access token in $MOTCUA_VAR/dashboard.token)"
        else
            echo "up.sh: the dashboard did not start; see $MOTCUA_VAR/log/dashboard.log" >&2
        fi
        echo "motcua is up (logs in $MOTCUA_VAR/log, stop with 'make down')"
        exit 0
    fi
    sleep 0.2
done
echo "up.sh: the services did not all answer; see $MOTCUA_VAR/log" >&2
"$BIN/motcua" health >&2 || true
exit 1
