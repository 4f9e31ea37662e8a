#!/usr/bin/env bash
# `make bench`: the suite's speed beside this machine's limits, measured in
# the same run on the same PostgreSQL. Starts its own cluster and services
# (production relay settings), prints one table, and writes it as JSON to
# var/bench.json. Figures only — nothing here passes or fails on speed.
set -u
cd "$(dirname "$0")/../.."
BIN=${MOTCUA_BIN:-build/bin}
SECONDS_EACH=${BENCH_SECONDS:-5}
CLIENTS=${BENCH_CLIENTS:-"1 4 16 64"}
TMP=$(mktemp -d /tmp/motcua-bench.XXXXXX); chmod 755 "$TMP"
export MOTCUA_VAR=$TMP MOTCUA_BASE_PORT=${BENCH_PORT:-25100} MOTCUA_LOG_LEVEL=warn
unset MOTCUA_DB PGHOST PGPORT PGDATABASE PGSERVICE MOTCUA_RELAY_RETRY_MS MOTCUA_RELAY_MAX_RETRY_MS
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cleanup() { deploy/down.sh >/dev/null 2>&1; deploy/pg.sh destroy; rm -rf "$TMP"; }
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
field() { grep -o "$1=[0-9.]*" | head -n 1 | cut -d= -f2; }

echo "== setting up (cluster under $TMP, services on port $MOTCUA_BASE_PORT+)"
deploy/pg.sh start && deploy/migrate.sh >/dev/null && "$BIN/motcua" admin certs >/dev/null \
    && "$BIN/motcua" admin calendar import deploy/calendar/*.txt >/dev/null && deploy/up.sh >/dev/null || exit 1
for f in deploy/catalog/*.csv; do [ -f "$f" ] && "$BIN/motcua" catalog import "$f" >/dev/null; done
CONN=$(cat "$TMP/pg/conninfo")
psql -X -q "$CONN" -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL, at timestamptz DEFAULT now())"
echo "INSERT INTO bench_insert (payload) VALUES ('dossier');" > "$TMP/insert.sql"
chmod 644 "$TMP/insert.sql"

pids=(); for svc in intake processing postal reporting; do pids+=("$(cat "$TMP/run/$svc.pid")"); done
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
declare -A cpu0; for i in 0 1 2 3; do cpu0[$i]=$(cpu_ticks "${pids[$i]}"); done
TICK=$(getconf CLK_TCK)

json="{\"intake\":["
total=0; best=0
printf '\n%-8s %14s %12s %12s %16s %8s\n' clients "dossiers/s" "p50 ms" "p99 ms" "pgbench TPS" ratio
for c in $CLIENTS; do
    out=$("$BIN/bench_load" intake "$c" "$SECONDS_EACH")
    rate=$(field rate <<< "$out"); p50=$(field p50_ms <<< "$out"); p99=$(field p99_ms <<< "$out")
    total=$((total + $(field dossiers <<< "$out")))
    tps=$(as_pg "$PGBIN/pgbench" -n -c "$c" -j $((c < 2 ? c : 2)) -T "$SECONDS_EACH" -f "$TMP/insert.sql" \
          -h "$TMP/pg/run" -U motcua_super motcua 2>/dev/null | grep -o 'tps = [0-9.]*' | head -n 1 | cut -d' ' -f3)
    ratio=$(awk -v a="$rate" -v b="$tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf '%-8s %14s %12s %12s %16s %8s\n' "$c" "$rate" "$p50" "$p99" "$tps" "$ratio"
    json+="{\"clients\":$c,\"dossiers_per_s\":$rate,\"p50_ms\":$p50,\"p99_ms\":$p99,\"pgbench_tps\":${tps:-0},\"ratio\":$ratio},"
    best=$(awk -v a="$rate" -v b="$best" 'BEGIN { print (a > b ? a : b) }')
    [ "$c" = 16 ] && ratio16=$ratio
done
json="${json%,}],"

echo
cpu_line="CPU µs per dossier:"
json+="\"cpu_us_per_dossier\":{"
for i in 0 1 2 3; do
    svc=(intake processing postal reporting); used=$(( $(cpu_ticks "${pids[$i]}") - ${cpu0[$i]} ))
    us=$(awk -v t="$used" -v hz="$TICK" -v n="$total" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')
    cpu_line+="  ${svc[$i]} $us"; json+="\"${svc[$i]}\":$us,"
done
json="${json%,}},"
echo "$cpu_line   (over $total dossiers)"

half=$(awk -v b="$best" 'BEGIN { printf "%.0f", b / 2 }')
start=$(psql -X -qtA "$CONN" -c "SELECT now()")
"$BIN/bench_load" paced "$half" "$SECONDS_EACH" > /dev/null
sleep 2
lat() {   # lat SCHEMA: p50/p99 ms from intake's commit to the subscriber's apply
    psql -X -qtA "$CONN" -c "SELECT round (percentile_cont (0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) || ' ' ||
        round (percentile_cont (0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1)
        FROM (SELECT extract (epoch FROM i.applied_at - o.created_at) * 1000 AS ms
              FROM intake.outbox o JOIN $1.inbox i USING (event_id) WHERE o.created_at >= '$start') t"
}
read -r p50p p99p <<< "$(lat processing)"; read -r p50r p99r <<< "$(lat reporting)"
echo "end to end at $half dossiers/s (half the best rate): to processing p50 $p50p ms p99 $p99p ms;" \
     "to reporting p50 $p50r ms p99 $p99r ms"
json+="\"end_to_end\":{\"rate\":$half,\"processing_p50_ms\":${p50p:-0},\"processing_p99_ms\":${p99p:-0},\"reporting_p50_ms\":${p50r:-0},\"reporting_p99_ms\":${p99r:-0}},"

relay=$("$BIN/bench_load" relay "${BENCH_EVENTS:-20000}")
echo "relay: $(field deliveries <<< "$relay") deliveries acked in $(field seconds <<< "$relay") s = $(field rate <<< "$relay") deliveries/s;" \
     "$(field sends_per_delivery <<< "$relay") sends per delivery"
json+="\"relay_sends_per_delivery\":$(field sends_per_delivery <<< "$relay"),"
json+="\"relay_deliveries_per_s\":$(field rate <<< "$relay"),"

rss_line="peak RSS MiB:"; json+="\"rss_mib\":{"
for i in 0 1 2 3; do
    svc=(intake processing postal reporting)
    kb=$(awk '/VmHWM/ { print $2 }' "/proc/${pids[$i]}/status")
    mib=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    rss_line+="  ${svc[$i]} $mib"; json+="\"${svc[$i]}\":$mib,"
    rss_max=$(awk -v a="$mib" -v b="${rss_max:-0}" 'BEGIN { print (a > b ? a : b) }')
done
json="${json%,}},"
echo "$rss_line"

#   The year's II.06a by field from the rollups vs the plain GROUP BY over the
#   facts, on a cluster of its own (this suite stops first to free the cores).
deploy/down.sh >/dev/null 2>&1; deploy/pg.sh stop
echo
echo "== reports: the year's II.06a by field at ${BENCH_REPORT_SIZES:-1000000 10000000} dossiers"
REPORT_BENCH_SIZES=${BENCH_REPORT_SIZES:-"1000000 10000000"} REPORT_BENCH_JSON="$TMP/reports.json" \
    tests/bench/report_bench.sh | grep -v '^== setting up'
json+="\"reports\":$(cat "$TMP/reports.json" 2>/dev/null || echo null)}"
mkdir -p var && echo "$json" > var/bench.json

#   The targets of the benchmark issue, each beside this run's figure.
last_report=$(grep -o '{[^{}]*}' "$TMP/reports.json" 2>/dev/null | tail -n 1)
jnum() { grep -o "\"$1\":[0-9.]*" <<< "$last_report" | cut -d: -f2; }
e2e_p99=$(awk -v a="${p99p:-0}" -v b="${p99r:-0}" 'BEGIN { print (a > b ? a : b) }')
relay_rate=$(field rate <<< "$relay")
rep_n=$(jnum dossiers); rep_p50=$(jnum rollup_p50_ms); rep_ratio=$(jnum ratio)
summary() {   # summary NAME FIGURE TARGET-TEXT MET(0/1)
    printf '%-44s %14s   %-12s %s\n' "$1" "$2" "$3" "$([ "$4" = 1 ] && echo met || echo 'not met')"
}
met() { awk "BEGIN { print ($1) ? 1 : 0 }"; }
echo
printf '%-44s %14s   %-12s %s\n' target "this run" goal ""
summary "intake at 16 clients ÷ pgbench (ratio)" "${ratio16:-?}" "≥ 1.0" "$(met "${ratio16:-0} >= 1.0")"
summary "end to end p99, ms" "$e2e_p99" "≤ 20" "$(met "$e2e_p99 <= 20")"
summary "relay, deliveries/s" "${relay_rate:-?}" "≥ 50000" "$(met "${relay_rate:-0} >= 50000")"
summary "II.06a year by field p50 at ${rep_n:-?} dossiers, ms" "${rep_p50:-?}" "≤ 50" "$(met "${rep_p50:-999} <= 50")"
summary "II.06a plain SQL ÷ rollups at ${rep_n:-?} dossiers" "${rep_ratio:-?}" "≥ 100" "$(met "${rep_ratio:-0} >= 100")"
summary "largest service RSS, MiB" "$rss_max" "≤ 32" "$(met "$rss_max <= 32")"
echo "written: var/bench.json"
