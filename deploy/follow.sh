#!/usr/bin/env bash
# `make run`'s foreground: follow every service's log; Ctrl-C stops the suite.
cd "$(dirname "$0")/.."
VAR=${MOTCUA_VAR:-var}
trap 'echo; deploy/down.sh; exit 0' INT TERM
echo "following $VAR/log/*.log — Ctrl-C stops everything"
tail -n 5 -F "$VAR"/log/intake.log "$VAR"/log/processing.log "$VAR"/log/postal.log "$VAR"/log/reporting.log "$VAR"/log/dashboard.log &
wait
