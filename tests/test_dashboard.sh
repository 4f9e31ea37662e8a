#!/usr/bin/env bash
# test_dashboard — the web dashboard end to end: the suite and motcua-dashboard
# brought up by deploy/up.sh, a few dossiers submitted and resolved with the
# CLI, then tests/dashboard/dashboard.js drives Debian's chromium headless
# (playwright-core from npm, installed here with `npm ci`) through the login,
# the II.06a table, charts and rates (compared with `motcua report --json`
# for the same period, row by row), the drill-down to a trace, the API's 401 and 400,
# reporting stopped (503) and back, and the logout. The screenshot is kept as
# $MOTCUA_VAR/dashboard.png and copied to var/dashboard.png. Then
# tests/dashboard/probe.py (python3, raw sockets) tries the trust boundary:
# sessions (random per login, expiry on a second dashboard with 3 s/8 s
# sessions and the Secure cookie, logout), the token only at POST /login,
# failed logins throttled, ambiguous requests 400, and the flood (100 idle
# and slow-loris connections while a real request is timed; its figures are
# printed). Run by tests/run.sh with MOTCUA_VAR and MOTCUA_BASE_PORT pointing
# at a throw-away setup.
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
M="$BIN/motcua"
passed=0; failed=0
check() {
    local name=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok   dashboard: $name"; passed=$((passed + 1))
    else echo "FAIL dashboard: $name"; failed=$((failed + 1)); fi
}
json_field() { grep -o "\"$1\":\(\"[^\"]*\"\|[-0-9a-z]*\)" | head -n 1 | cut -d: -f2- | tr -d '"'; }

#   Test-only tools: Debian's chromium; playwright-core from the npm registry.
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ] && [ "$(id -u)" = 0 ]; then
    apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1)
fi
check "Debian's chromium is installed ($CHROMIUM)" test -x "$CHROMIUM"
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then     # a machine without Node.js
    apt-get install -y nodejs npm >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y nodejs npm >/dev/null 2>&1)
fi
if ! (cd tests/dashboard && npm ci --no-audit --no-fund --loglevel=error) > "$MOTCUA_VAR/npm.log" 2>&1; then
    echo "npm ci failed (see below); using tests/dashboard/node_modules if it is there"; tail -n 5 "$MOTCUA_VAR/npm.log"
fi
check "playwright-core is installed from package-lock.json" test -f tests/dashboard/node_modules/playwright-core/package.json

log="$MOTCUA_VAR/log/dashboard.log"
mkdir -p "$MOTCUA_VAR/log"; touch "$log"
log_start=$(wc -c < "$log")
check "deploy/up.sh brings the suite up with the dashboard" deploy/up.sh
url=$(cat "$MOTCUA_VAR/run/dashboard.url" 2>/dev/null)
check "the dashboard listens on loopback at base port + 80 ($url)" \
    test "$url" = "http://127.0.0.1:$((MOTCUA_BASE_PORT + 80))/"
token=$(cat "$MOTCUA_VAR/dashboard.token" 2>/dev/null)
check "the access token was made at first start, owner-only" \
    bash -c "[ ${#token} -ge 32 ] && [ \$(stat -c %a '$MOTCUA_VAR/dashboard.token') = 600 ]"
[ ${#token} -ge 32 ] || token=missing

#   Dossiers by every channel, in two fields and at two levels (one field at
#   both); some resolved, one returned.
submit() {                      # submit CHANNEL PROCEDURE → dossier code
    $M counter submit --json --procedure "$2" --applicant-name "Trần Thị Thu" --applicant-id 042190002222 \
        --phone 0912000222 --address "Hà Tĩnh" --channel "$1" --return counter --component "Tờ trình" | json_field dossier_code
}
codes=()
for dossier in online:1.000843 online:H27.NV.009 online:1.000843 direct:1.013703 direct:1.000843 postal:1.000843; do
    codes+=("$(submit ${dossier%%:*} ${dossier#*:})")
done
in_queue() { for _ in $(seq 1 50); do $M desk queue --json | grep -q "$1" && return 0; sleep 0.1; done; return 1; }
for code in "${codes[0]}" "${codes[4]}" "${codes[5]}"; do
    in_queue "$code" && $M desk resolve "$code" --approve --reason "Đủ điều kiện" > /dev/null
done
$M desk attach "${codes[0]}" --document "QĐ 12/QĐ-SNV" --sha256 "$(printf 'QĐ 12' | sha256sum | cut -d' ' -f1)" > /dev/null
$M counter return "${codes[0]}" > /dev/null
wait_for() { for _ in $(seq 1 50); do $M trace "$1" --json | grep -q "$2" && return 0; sleep 0.1; done; return 1; }
check "six dossiers submitted, three resolved, one returned with its digitised result (${codes[*]})" \
    bash -c "[ ${#codes[@]} = 6 ] && [[ '${codes[5]}' =~ ^H27 ]]"
for code in "${codes[@]}"; do wait_for "$code" '"received_at":"'; done
check "reporting knows one dossier returned and two resolved" bash -c "$(declare -f wait_for); M='$M'; \
    wait_for '${codes[0]}' '\"status\":\"returned\"' && wait_for '${codes[4]}' '\"status\":\"resolved\"' \
    && wait_for '${codes[5]}' '\"status\":\"resolved\"'"

#   The reporting year holding today (Asia/Ho_Chi_Minh): 15/12 of the year before to 14/12.
read -r y m d <<< "$(TZ=Asia/Ho_Chi_Minh date '+%Y %-m %-d')"
if [ "$m" = 12 ] && [ "$d" -ge 15 ]; then y=$((y + 1)); fi
from="$((y - 1))-12-15"; to="$y-12-14"
expected=$($M report --period "year:$y" --by level,field --json)
check "motcua report --period year:$y --by level,field --json answers for $from … $to" \
    bash -c "grep -q '\"from\":\"$from\",\"to\":\"$to\"' <<< '$expected'"

pidfile="$MOTCUA_VAR/run/reporting.pid"
started=$(date +%s)
expected_csv=$($M report --period "year:$y" --by level,field --csv -; printf x); expected_csv=${expected_csv%x}
DASHBOARD_URL="$url" DASHBOARD_TOKEN="$token" PERIOD_FROM="$from" PERIOD_TO="$to" PERIOD="year:$y" \
EXPECTED_REPORT="$expected" EXPECTED_CSV="$expected_csv" \
TRACE_CODE="${codes[0]}" SCREENSHOT="$MOTCUA_VAR/dashboard.png" CHROMIUM="$CHROMIUM" TZ=Asia/Ho_Chi_Minh \
REPORTING_STOP="kill -TERM \$(cat '$pidfile'); for i in \$(seq 1 50); do kill -0 \$(cat '$pidfile') 2>/dev/null || break; sleep 0.1; done" \
REPORTING_START="nohup '$BIN/motcua-reporting' >> '$MOTCUA_VAR/log/reporting.log' 2>&1 & echo \$! > '$pidfile'" \
    node tests/dashboard/dashboard.js > "$MOTCUA_VAR/dashboard-node.log" 2>&1
grep -E '^(ok|FAIL)' "$MOTCUA_VAR/dashboard-node.log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$MOTCUA_VAR/dashboard-node.log" | tail -n 1)
if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<< "$line"))); failed=$((failed + $(cut -d' ' -f3 <<< "$line")))
else
    echo "FAIL dashboard: the browser test ended without a result line"; tail -n 20 "$MOTCUA_VAR/dashboard-node.log"
    failed=$((failed + 1))
fi
echo "     (browser part: $(( $(date +%s) - started )) s)"
if [ -s "$MOTCUA_VAR/dashboard.png" ]; then mkdir -p var && cp "$MOTCUA_VAR/dashboard.png" var/dashboard.png; fi
check "the screenshot is a PNG, copied to var/dashboard.png" \
    bash -c "head -c 8 var/dashboard.png | grep -q PNG"

#   The trust boundary over raw sockets, on this dashboard and on a second one
#   (own folder, no reporting needed) with short sessions behind "TLS" and a
#   "proxy" at 127.0.0.5: settings from a ZPL file's dashboard section and
#   from the environment.
short_var="$MOTCUA_VAR/dashboard-short"; short_log="$MOTCUA_VAR/log/dashboard-short.log"
mkdir -p "$short_var"
printf 'dashboard\n    secure = 1\n    session_idle_s = 3\n    session_max_s = 8\n' > "$short_var/motcua.cfg"
check "a setting that is not 0 or 1 is refused at start, naming it" bash -c \
    "MOTCUA_VAR='$short_var' MOTCUA_DASHBOARD_SECURE=yes timeout 5 '$BIN/motcua-dashboard' --port $((MOTCUA_BASE_PORT + 81)) 2>&1 \
     | grep -q \"MOTCUA_DASHBOARD_SECURE must be a whole number from 0 to 1, not 'yes'\""
MOTCUA_VAR="$short_var" MOTCUA_DASHBOARD_PORT=$((MOTCUA_BASE_PORT + 81)) MOTCUA_DASHBOARD_PROXY=127.0.0.5 \
    "$BIN/motcua-dashboard" --config "$short_var/motcua.cfg" > "$short_log" 2>&1 &
short_pid=$!
for _ in $(seq 1 50); do [ -s "$short_var/run/dashboard.url" ] && break; sleep 0.1; done
check "a second dashboard with 3 s/8 s sessions and dashboard/secure = 1 starts" test -s "$short_var/run/dashboard.url"
started=$(date +%s)
DASHBOARD_URL="$url" DASHBOARD_TOKEN="$token" PERIOD="year:$y" \
SHORT_URL="$(cat "$short_var/run/dashboard.url" 2>/dev/null)" SHORT_TOKEN="$(cat "$short_var/dashboard.token" 2>/dev/null)" \
    timeout 180 python3 tests/dashboard/probe.py > "$MOTCUA_VAR/dashboard-probe.log" 2>&1
grep -E '^(ok|FAIL)|flood figure' "$MOTCUA_VAR/dashboard-probe.log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$MOTCUA_VAR/dashboard-probe.log" | tail -n 1)
if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<< "$line"))); failed=$((failed + $(cut -d' ' -f3 <<< "$line")))
else
    echo "FAIL dashboard: the probe ended without a result line"; tail -n 20 "$MOTCUA_VAR/dashboard-probe.log"
    failed=$((failed + 1))
fi
echo "     (probe: $(( $(date +%s) - started )) s)"
kill -TERM "$short_pid" 2>/dev/null; wait "$short_pid"
check "the second dashboard stopped cleanly on SIGTERM: no sanitizer report" \
    bash -c "grep -q stopping '$short_log' && ! grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' '$short_log'"
check "the slow-loris connections cut off were logged" \
    bash -c "tail -c +$((log_start + 1)) '$log' | grep -q 'its request was not in within 10000 ms'"

check "deploy/down.sh stops the dashboard too" deploy/down.sh
check "the dashboard stopped cleanly: no sanitizer report in its log" \
    bash -c "! tail -c +$((log_start + 1)) '$log' | grep -qE 'AddressSanitizer|LeakSanitizer|runtime error'"
check "and it logged its address" bash -c "tail -c +$((log_start + 1)) '$log' | grep -q 'listening on http://127.0.0.1'"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
