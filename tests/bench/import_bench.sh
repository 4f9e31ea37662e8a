#!/usr/bin/env bash
# History import at scale: IMPORT_BENCH_ROWS dossiers from January 2024 on (default
# 100,000) generated as CSV (awk, fixed seed), imported by `motcua import
# dossiers` into a suite of its own (own cluster, port IMPORT_BENCH_PORT),
# then the time until processing and reporting have applied every event.
# Prints rows/s of the import and of the whole pipeline, then a second import
# of the same file (all unchanged). Figures only; a row refused, or a dossier
# missing from reporting's facts or processing's final states, fails.
set -u
cd "$(dirname "$0")/../.."
BIN=${MOTCUA_BIN:-build/bin}
ROWS=${IMPORT_BENCH_ROWS:-100000}
TMP=$(mktemp -d /tmp/motcua-ibench.XXXXXX); chmod 755 "$TMP"
export MOTCUA_VAR=$TMP MOTCUA_BASE_PORT=${IMPORT_BENCH_PORT:-25300} MOTCUA_LOG_LEVEL=warn
unset MOTCUA_DB PGHOST PGPORT PGDATABASE PGSERVICE
cleanup() { deploy/down.sh >/dev/null 2>&1; deploy/pg.sh destroy; rm -rf "$TMP"; }
trap cleanup EXIT
now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f s, %.0f rows/s", b - a, n / (b - a) }'; }

echo "== setting up (cluster under $TMP, services on port $MOTCUA_BASE_PORT+)"
deploy/pg.sh start && deploy/migrate.sh >/dev/null && "$BIN/motcua" admin certs >/dev/null \
    && "$BIN/motcua" admin calendar import deploy/calendar/*.txt >/dev/null \
    && "$BIN/motcua" catalog import deploy/catalog/*.csv >/dev/null && deploy/up.sh >/dev/null || exit 1
sql() { psql -X -qAt "$(cat "$TMP/pg/conninfo")" -c "$1"; }

#   Working-day receipts from 2 January 2024 on, 150 a day, each day's codes numbered
#   from 0001; outcomes 80% approved, 10% rejected, 10% withdrawn.
TZ=Asia/Ho_Chi_Minh awk -v rows="$ROWS" 'BEGIN {
    srand (7); OFS = ","
    print "code,received_at,due_at,resolved_at,returned_at,procedure,channel,return,applicant_name,applicant_id,phone,outcome,components"
    split ("1.000843 1.000804 H27.NV.001 H27.NV.002 H27.NV.005 H27.NV.020 H27.NV.023", proc, " ")
    split ("direct online postal", chan, " "); split ("counter postal", ret, " ")
    split ("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi", family, " "); split ("An Bình Cường Dung Giang Hải Lan Minh", given, " ")
    day = mktime ("2024 01 02 00 00 00"); n = 0
    while (n < rows) {
        if (strftime ("%u", day) > 5) { day += 86400; continue }
        for (i = 1; i <= 150 && n < rows; i++) {
            n++
            at = day + 7 * 3600 + int (rand () * 9 * 3600)
            due = at + 28 * 86400; done = at + (3 + int (rand () * 33)) * 86400
            r = rand (); outcome = r < 0.8 ? "approved" : r < 0.9 ? "rejected" : "withdrawn"
            back = outcome != "withdrawn" && rand () < 0.8 ? strftime ("%Y-%m-%d %H:%M", done + 2 * 86400) : ""
            print "H27.22-" strftime ("%y%m%d", at) "-" sprintf ("%04d", i), strftime ("%Y-%m-%d %H:%M", at),
                  strftime ("%Y-%m-%d %H:%M", due), strftime ("%Y-%m-%d %H:%M", done), back,
                  proc [1 + int (rand () * 7)], chan [1 + int (rand () * 3)], ret [1 + int (rand () * 2)],
                  family [1 + int (rand () * 8)] " Văn " given [1 + int (rand () * 8)],
                  sprintf ("0420%08d", int (rand () * 1e8)), sprintf ("09%08d", int (rand () * 1e8)), outcome, "Tờ trình"
        }
        day += 86400
    }
}' > "$TMP/history.csv"

failed=0
start=$(now)
"$BIN/motcua" import dossiers "$TMP/history.csv" > "$TMP/import.out" 2> "$TMP/import.err"
imported=$(now)
for _ in $(seq 1 3600); do
    [ "$(sql "SELECT count (*) FROM intake.outbox_delivery WHERE state <> 'done'")" = 0 ] && break; sleep 0.5
done
applied=$(now)
echo "import of $ROWS rows: $(cat "$TMP/import.out")"
echo "  import alone:             $(rate "$ROWS" "$start" "$imported")"
echo "  until every event applied: $(rate "$ROWS" "$start" "$applied")"
facts=$(sql "SELECT count (*) FROM reporting.dossier_fact WHERE resolved_at IS NOT NULL")
final=$(sql "SELECT count (*) FROM processing.work_item WHERE status IN ('resolved', 'returned', 'withdrawn')")
echo "  reporting's facts resolved: $facts; processing's final states: $final"
if [ -s "$TMP/import.err" ] || [ "$facts" != "$ROWS" ] || [ "$final" != "$ROWS" ]; then
    head -n 5 "$TMP/import.err"; echo "FAIL import bench: rows refused or not applied"; failed=1
fi
start=$(now)
again=$("$BIN/motcua" import dossiers "$TMP/history.csv")
echo "again (all unchanged): $again — $(rate "$ROWS" "$start" "$(now)")"
exit $failed
