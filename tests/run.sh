#!/usr/bin/env bash
# `make test`: the unit tests (plain and under valgrind), then the black-box
# and fault tests, which start the four real service binaries against a
# throw-away PostgreSQL cluster with CURVE on, the command-line tests, and a
# short chaos run. Ends with the line `N passed, N failed`.
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
export MOTCUA_BIN=$BIN

#   Test-only tools, installed when run as root: valgrind, libfaketime,
#   python3 (xlsx check), and for the stranger's Python client of
#   tests/test_protocol.sh: protoc and Debian's python3-zmq, python3-protobuf.
need=""
for pair in valgrind:valgrind faketime:faketime python3:python3 protoc:protobuf-compiler; do
    command -v ${pair%%:*} >/dev/null 2>&1 || need="$need ${pair#*:}"
done
/usr/bin/python3 -c 'import zmq, google.protobuf' >/dev/null 2>&1 || need="$need python3-zmq python3-protobuf"
if [ -n "$need" ] && [ "$(id -u)" = 0 ]; then
    echo "== installing test tools:$need"
    apt-get install -y $need > /tmp/motcua-test-install.log 2>&1 \
        || (apt-get update && apt-get install -y $need) >> /tmp/motcua-test-install.log 2>&1 \
        || { echo "could not install$need:"; tail -n 20 /tmp/motcua-test-install.log; }
elif [ -n "$need" ]; then
    echo "== missing test tools:$need (as root: apt-get install$need)"
fi

TMP=$(mktemp -d /tmp/motcua-test.XXXXXX)     # mode 0700: deploy/pg.sh copes (issue 13)
#   Ports stay below the kernel's ephemeral range (32768+ on Linux): a port
#   there may already be some connection's local end when a service binds.
export MOTCUA_VAR=$TMP MOTCUA_BASE_PORT=${MOTCUA_TEST_PORT:-17100} MOTCUA_LOG_LEVEL=info
export MOTCUA_RELAY_RETRY_MS=200 MOTCUA_RELAY_MAX_RETRY_MS=1000
unset MOTCUA_DB MOTCUA_CONFIG PGHOST PGPORT PGDATABASE PGSERVICE PGUSER
cleanup() {
    if [ -n "${KEEP_TEST_VAR:-}" ]; then deploy/pg.sh stop; echo "kept $TMP"; else deploy/pg.sh destroy; rm -rf "$TMP"; fi
}
trap cleanup EXIT

passed=0; failed=0
tally() {                       # add up a test program's last line
    local log=$1 line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "FAIL $2 ended without a result line"; failed=$((failed + 1)); return
    fi
    passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
    failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
}

echo "== house rules (no include circles, a pure law library, no file-scope state)"
python3 tests/check_layout.py > "$TMP/layout.log" 2>&1; cat "$TMP/layout.log"
tally "$TMP/layout.log" layout

echo "== unit tests"
"$BIN/test_unit" > "$TMP/unit.log" 2>&1; grep -E '^FAIL' "$TMP/unit.log"; tail -n 1 "$TMP/unit.log"
tally "$TMP/unit.log" test_unit

echo "== report tests (periods, rollups against II.06a over random histories)"
"$BIN/test_report" > "$TMP/report.log" 2>&1; grep -E '^FAIL' "$TMP/report.log"; tail -n 1 "$TMP/report.log"
tally "$TMP/report.log" test_report

echo "== calendar tests (lunar dates, holidays, declared days 2023-2030)"
"$BIN/test_calendar" > "$TMP/calendar.log" 2>&1; grep -E '^FAIL' "$TMP/calendar.log"; tail -n 1 "$TMP/calendar.log"
tally "$TMP/calendar.log" test_calendar

echo "== step, result, routing and level rules (unit)"
"$BIN/test_steps" > "$TMP/steps.log" 2>&1; grep -E '^FAIL' "$TMP/steps.log"; tail -n 1 "$TMP/steps.log"
tally "$TMP/steps.log" test_steps
echo "== postal carriage unit tests (J+n deadlines across a weekend and Tết, invitations)"
"$BIN/test_postal_unit" > "$TMP/postal-unit.log" 2>&1; grep -E '^FAIL' "$TMP/postal-unit.log"; tail -n 1 "$TMP/postal-unit.log"
tally "$TMP/postal-unit.log" test_postal_unit
if command -v valgrind >/dev/null 2>&1 && [ -z "${MOTCUA_SKIP_VALGRIND:-}" ]; then
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
           "$BIN/test_postal_unit" > "$TMP/valgrind-postal.log" 2>&1; then
        echo "ok   valgrind: no memory errors or leaks in the postal unit tests"; passed=$((passed + 1))
    else
        grep -v '^ok' "$TMP/valgrind-postal.log" | head -n 40
        echo "FAIL valgrind found memory errors in the postal unit tests"; failed=$((failed + 1))
    fi
fi
echo "== history import and look-up, pure parts (identity and phone numbers, rows, paths)"
"$BIN/test_history" > "$TMP/history.log" 2>&1; grep -E '^FAIL' "$TMP/history.log"; tail -n 1 "$TMP/history.log"
tally "$TMP/history.log" test_history
if command -v valgrind >/dev/null 2>&1 && [ -z "${MOTCUA_SKIP_VALGRIND:-}" ]; then
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$BIN/test_history" \
        > "$TMP/valgrind-history.log" 2>&1 && grep -q '^[0-9]* passed, 0 failed$' "$TMP/valgrind-history.log" \
        && { echo "ok   valgrind: no memory errors or leaks in the history tests"; passed=$((passed + 1)); } \
        || { tail -n 20 "$TMP/valgrind-history.log"; echo "FAIL valgrind: the history tests"; failed=$((failed + 1)); }
fi

if command -v valgrind >/dev/null 2>&1 && [ -z "${MOTCUA_SKIP_VALGRIND:-}" ]; then
    echo "== unit tests under valgrind"
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
           "$BIN/test_unit" > "$TMP/valgrind.log" 2>&1 \
    && valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
           "$BIN/test_steps" >> "$TMP/valgrind.log" 2>&1; then
        echo "ok   valgrind: no memory errors or leaks in the unit tests"; passed=$((passed + 1))
    else
        grep -v '^ok' "$TMP/valgrind.log" | head -n 40
        echo "FAIL valgrind found memory errors in the unit tests"; failed=$((failed + 1))
    fi
fi

show_logs() {                   # the services' last words after a failure
    for svc in intake processing postal reporting; do
        echo "-- last lines of $svc.log"; tail -n 15 "$TMP/log/$svc.log" 2>/dev/null
    done
}
run_program() {                 # run_program LABEL LOG COMMAND…: run, show, tally
    local label=$1 log=$2; shift 2
    "$@" > "$log" 2>&1
    grep -E '^(FAIL|ok)' "$log"
    tally "$log" "$label"
    if grep -q '^FAIL' "$log"; then show_logs; fi
}
#   The tests that need the cluster, with the binaries of one build.
services_suite() {              # services_suite BIN TAG
    local bin=$1 tag=$2
    echo "== black-box tests$tag (PostgreSQL under $TMP, services on port $MOTCUA_BASE_PORT+)"
    MOTCUA_BIN=$bin run_program "test_blackbox$tag" "$TMP/blackbox$tag.log" "$bin/test_blackbox"
    echo "== fault tests$tag (grants, audit trail, dead letters, PostgreSQL down, SIGTERM)"
    MOTCUA_BIN=$bin run_program "test_faults$tag" "$TMP/faults$tag.log" "$bin/test_faults"
    deploy/pg.sh start          # whatever the fault tests left, the cluster is up
    echo "== command-line tests$tag (deploy/up.sh, motcua …, deploy/down.sh)"
    MOTCUA_BIN=$bin run_program "test_cli$tag" "$TMP/cli$tag.log" tests/test_cli.sh
    echo "== lifecycle tests$tag (both rule sets, supplements, delay letters; services on a moved clock)"
    MOTCUA_BIN=$bin run_program "test_lifecycle$tag" "$TMP/lifecycle$tag.log" tests/test_lifecycle.sh
    echo "== lifecycle tests, part 2$tag (steps, control sheet, results, routing, online answers, printed forms)"
    MOTCUA_BIN=$bin run_program "test_lifecycle2$tag" "$TMP/lifecycle2$tag.log" tests/test_lifecycle2.sh
    deploy/pg.sh start
    echo "== postal tests$tag (BCCI intake and return: slips, hand-over records, J+n, invitations, roles)"
    MOTCUA_BIN=$bin run_program "test_postal$tag" "$TMP/postal$tag.log" tests/test_postal.sh
    deploy/pg.sh start          # the scripts end with deploy/down.sh, which stops it
    echo "== reporting tests$tag (forms from rollups vs facts, period edges, xlsx, check, ratings, feedback)"
    MOTCUA_BIN=$bin run_program "test_reporting$tag" "$TMP/reporting$tag.log" "$bin/test_reporting"
    deploy/pg.sh start
    echo "== history import and look-up tests$tag (motcua import dossiers, motcua lookup)"
    MOTCUA_BIN=$bin run_program "test_import$tag" "$TMP/import$tag.log" tests/test_import.sh
    deploy/pg.sh start
    echo "== dashboard tests$tag (motcua-dashboard in headless chromium: figures = motcua report, drill-down, 401/400/503)"
    MOTCUA_BIN=$bin run_program "test_dashboard$tag" "$TMP/dashboard$tag.log" tests/test_dashboard.sh
    deploy/pg.sh start
    if [ -z "$tag" ]; then      # the cluster is the same for both builds
        echo "== database tests (a 0700 socket, peer only, no superuser roles, each role its own schema)"
        run_program "test_database" "$TMP/database.log" tests/test_database.sh
    fi
    echo "== protocol tests$tag (proto/README.md = the services' operations; a Python client from proto/ alone; grants on every operation)"
    MOTCUA_BIN=$bin run_program "test_protocol$tag" "$TMP/protocol$tag.log" tests/test_protocol.sh
    deploy/pg.sh start
}

fresh_cluster() {               # a new, migrated database with keys, calendar, catalogue
    deploy/pg.sh destroy
    deploy/pg.sh start && deploy/migrate.sh >/dev/null && "$BIN/motcua" admin certs >/dev/null \
        && "$BIN/motcua" admin calendar import deploy/calendar/*.txt >/dev/null \
        && "$BIN/motcua" catalog import deploy/catalog/*.csv >/dev/null
}

echo "== setting up PostgreSQL under $TMP"
if fresh_cluster; then
    services_suite "$BIN" ""
    #   The same under AddressSanitizer and UBSan (make test builds build/asan),
    #   on a database of its own.
    if [ -n "${MOTCUA_ASAN_BIN:-}" ] && [ -x "$MOTCUA_ASAN_BIN/test_blackbox" ]; then
        echo "== unit tests (ASan/UBSan)"
        run_program "test_unit (asan)" "$TMP/unit-asan.log" "$MOTCUA_ASAN_BIN/test_unit"
        if fresh_cluster; then
            services_suite "$MOTCUA_ASAN_BIN" " (asan)"
        else
            echo "FAIL could not start the second test PostgreSQL"; failed=$((failed + 1))
        fi
    fi
else
    echo "FAIL could not start the test PostgreSQL"; failed=$((failed + 1))
fi

# A short chaos run (same checks as `make chaos`, fewer dossiers) on a
# cluster of its own, which it creates, restarts and removes.
CHAOS_PORT=$((MOTCUA_BASE_PORT + 100))
echo "== chaos, short (300 dossiers, 4 kills, 1 PostgreSQL restart; own cluster, port $CHAOS_PORT+)"
if [ -x "$BIN/chaos" ]; then
    CHAOS_DOSSIERS=${CHAOS_SHORT_DOSSIERS:-300} CHAOS_KILLS=4 CHAOS_PG_RESTARTS=1 \
        CHAOS_BASE_PORT=$CHAOS_PORT "$BIN/chaos" > "$TMP/chaos.log" 2>&1
    grep -E '^(FAIL|ok|lost:|supplements:|kept)' "$TMP/chaos.log"
    tally "$TMP/chaos.log" chaos
else
    echo "FAIL chaos: $BIN/chaos is not built (the Makefile must include tests/chaos.mk)"; failed=$((failed + 1))
fi

if [ -z "${MOTCUA_SKIP_FUZZ:-}" ]; then
    echo "== fuzzing, short (each libFuzzer target for ${FUZZ_SHORT_SECONDS:-5} s)"
    if make --no-print-directory fuzz-short > "$TMP/fuzz.log" 2>&1; then
        grep -E '^fuzz_' "$TMP/fuzz.log"; echo "ok   fuzz-short: no target crashed"; passed=$((passed + 1))
    else
        grep -vE '^  (FUZZ-|SEED)' "$TMP/fuzz.log" | tail -n 40
        echo "FAIL fuzz-short: a target crashed (input kept under build/fuzz/)"; failed=$((failed + 1))
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
