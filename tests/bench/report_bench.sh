#!/usr/bin/env bash
# The year's II.06a by field at 1 M (and, if asked, 10 M) dossiers: through
# the real reporting service from its rollups (p50/p99 over repeated
# requests, tests/bench/report_bench.c) beside the best plain SQL GROUP BY
# over the facts (tests/bench/report_plain.sql, median of 3 after a warm-up)
# in the same run, on its own cluster; prints the ratio and checks that both
# give the same totals. Dossiers are generated straight into the reporting
# schema (motcua-reporting --generate: facts, then rollups rebuilt from them).
#   REPORT_BENCH_SIZES="1000000 10000000"  (default 1000000; cumulative)
#   REPORT_BENCH_REQUESTS=200   REPORT_BENCH_PORT=25200
# Figures only: nothing passes or fails on speed; a totals mismatch fails.
set -u
cd "$(dirname "$0")/../.."
BIN=${MOTCUA_BIN:-build/bin}
SIZES=${REPORT_BENCH_SIZES:-1000000}
REQUESTS=${REPORT_BENCH_REQUESTS:-200}
YEAR=2024
TMP=$(mktemp -d /tmp/motcua-rbench.XXXXXX); chmod 755 "$TMP"
export MOTCUA_VAR=$TMP MOTCUA_BASE_PORT=${REPORT_BENCH_PORT:-25200} MOTCUA_LOG_LEVEL=warn
unset MOTCUA_DB PGHOST PGPORT PGDATABASE PGSERVICE
cleanup() { deploy/down.sh >/dev/null 2>&1; deploy/pg.sh destroy; rm -rf "$TMP"; }
trap cleanup EXIT
field() { grep -o "$1=[0-9.]*" | head -n 1 | cut -d= -f2; }

echo "== setting up (cluster under $TMP, services on port $MOTCUA_BASE_PORT+)"
deploy/pg.sh start && deploy/migrate.sh >/dev/null && "$BIN/motcua" admin certs >/dev/null \
    && "$BIN/motcua" admin calendar import deploy/calendar/*.txt >/dev/null \
    && "$BIN/motcua" catalog import deploy/catalog/*.csv >/dev/null || exit 1
CONN=$(cat "$TMP/pg/conninfo")
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "$CONN" -v from="$((YEAR - 1))-12-15 00:00+07" -v to="$YEAR-12-15 00:00+07")
deploy/up.sh >/dev/null || exit 1

have=0; failed=0; json="["
printf '\n%-10s %10s %12s %12s %14s %10s %8s\n' dossiers "gen s" "rollup p50" "rollup p99" "plain SQL ms" ratio rows
for size in $SIZES; do
    add=$((size - have))
    start=$(date +%s.%N)
    round=$((${round:-10} + 1))
    "$BIN/motcua-reporting" --generate "$add" "0.$round" >/dev/null 2>"$TMP/gen.log" || { cat "$TMP/gen.log"; exit 1; }
    gen=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
    have=$size
    "${PSQL[@]}" -c "VACUUM ANALYZE reporting.dossier_fact" -c "VACUUM ANALYZE reporting.rollup"
    out=$("$BIN/report_bench" "$YEAR" "$REQUESTS") || { echo "FAIL report_bench"; exit 1; }
    p50=$(field p50_ms <<< "$out"); p99=$(field p99_ms <<< "$out")
    times=$( { echo '\o /dev/null'; echo '\timing on'; for i in 0 1 2 3; do echo '\i tests/bench/report_plain.sql'; done; } \
             | "${PSQL[@]}" | awk '/^Time:/ { print $2 }' | tail -n 3 | sort -n)
    plain=$(sed -n 2p <<< "$times")
    ratio=$(awk -v a="$plain" -v b="$p50" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    printf '%-10s %10s %12s %12s %14s %9sx %8s\n' "$size" "$gen" "$p50" "$p99" "$plain" "$ratio" "$(field rows <<< "$out")"
    #   The same totals both ways (received = resolved + in progress is checked by the service).
    { echo "SELECT sum (new_online + new_direct + new_postal + carried_over), sum (carried_over),"
      echo "  sum (resolved_early + resolved_on_time + resolved_late), sum (in_progress_overdue) FROM ("
      grep -v '^--' tests/bench/report_plain.sql | sed 's/;$//'; echo ") s;"; } > "$TMP/sums.sql"
    sums=$("${PSQL[@]}" -At -F' ' -f "$TMP/sums.sql")
    want="$(field received_total <<< "$out") $(field carried_over <<< "$out") $(field resolved_total <<< "$out") $(field in_progress_overdue <<< "$out")"
    if [ "$sums" != "$want" ]; then
        echo "FAIL totals differ: plain SQL '$sums', rollups '$want'"; failed=1
    fi
    json+="{\"dossiers\":$size,\"rollup_p50_ms\":$p50,\"rollup_p99_ms\":$p99,\"plain_sql_ms\":$plain,\"ratio\":$ratio},"
done
echo "${json%,}]" > "${REPORT_BENCH_JSON:-/dev/null}"
echo "rollup = the service's answer from rollups over CURVE, ratio = plain SQL ÷ rollup p50"
exit $failed
