#!/usr/bin/env bash
# test_import — history import and the counter's look-up, through the real
# command line and services (deploy/up.sh, CURVE, the test PostgreSQL):
# `motcua import dossiers` of deploy/import/sample.csv, the imported dossiers
# in the report and the trace with their original times and in processing in
# their final state (never in a desk queue), a second import changing
# nothing, bad rows named by line and field while the good ones go in, and
# `motcua lookup` by code, identity and phone, malformed input, roles and
# grants. Run by tests/run.sh with MOTCUA_VAR and MOTCUA_BASE_PORT set.
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
M="$BIN/motcua"
SAMPLE=deploy/import/sample.csv
passed=0; failed=0
check() {                       # check NAME COMMAND…: ok if the command succeeds
    local name=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok   import: $name"; passed=$((passed + 1))
    else echo "FAIL import: $name"; failed=$((failed + 1)); fi
}
json_field() {                  # json_field KEY: the value of "KEY":… in stdin
    grep -o "\"$1\":\(\"[^\"]*\"\|[-0-9]*\|true\|false\)" | head -n 1 | cut -d: -f2- | tr -d '"'
}
sql() { psql -X -qAt "$(cat "$MOTCUA_VAR/pg/conninfo")" -c "$1"; }
wait_for() {                    # wait_for COMMAND…: up to 10 s for it to succeed
    for _ in $(seq 1 100); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1
}
rows_of() { grep -v '^#' "$1" | tail -n +2; }          # the data rows of a CSV file
# what the sample says, counted from the file itself
n_rows=$(rows_of $SAMPLE | wc -l)
n_2024=$(rows_of $SAMPLE | cut -d, -f2 | grep -c '^2024-')

check "the suite comes up" deploy/up.sh
report() { $M report --from 2024-01-01 --to 2024-12-31 --json; }
grown() {                       # grown KEY: how much KEY grew in the 2024 report since r0
    echo $(( $(json_field "$1" <<< "$r1") - $(json_field "$1" <<< "$r0") ))
}
r0=$(report)                    # other suites may have dossiers of 2024 in this database
out=$($M import dossiers $SAMPLE --json); rc=$?
check "import dossiers of the sample succeeds (exit $rc)" test "$rc" = 0
check "and imports each of its $n_rows rows" test "$(json_field imported <<< "$out")" = "$n_rows"
check "the imported dossiers keep their codes, in intake" test "$(sql "SELECT count(*) FROM intake.dossier
    WHERE import_digest IS NOT NULL")" = "$n_rows"

# the events travel: wait until reporting and processing have every dossier
wait_for bash -c "[ \$(psql -X -qAt \"\$(cat $MOTCUA_VAR/pg/conninfo)\" -c \"SELECT count(*) FROM reporting.dossier_fact
    f JOIN intake.dossier d ON d.code = f.dossier_code WHERE d.import_digest IS NOT NULL AND f.received_at IS NOT NULL
    AND (f.resolved_at IS NOT NULL) = (d.status <> 'received')\") = $n_rows ]"
wait_for bash -c "[ \$(psql -X -qAt \"\$(cat $MOTCUA_VAR/pg/conninfo)\" -c \"SELECT count(*) FROM processing.work_item w
    JOIN intake.dossier d ON d.code = w.dossier_code WHERE d.import_digest IS NOT NULL AND w.status = d.status\") = $n_rows ]"
check "processing files every imported dossier in the state its history reached" test "$(sql "SELECT count(*)
    FROM processing.work_item w JOIN intake.dossier d ON d.code = w.dossier_code
    WHERE d.import_digest IS NOT NULL AND w.status = d.status")" = "$n_rows"
check "through the transition table: a closed one went via supplement_requested" test "$(sql "SELECT string_agg
    (from_state || '>' || to_state, ' ' ORDER BY id) FROM processing.transition WHERE dossier_code = 'H27.22-250805-0006'")" \
    = "received>supplement_requested supplement_requested>closed"
$M desk queue --json > "$MOTCUA_VAR/queue.json"
check "a finished imported dossier is in no desk queue" bash -c "! grep -q 'H27.22-240108-0001\|H27.22-250805-0006' '$MOTCUA_VAR/queue.json'"
check "the open one (no outcome yet) waits in its division's queue" grep -q 'H27.22-260105-0008' "$MOTCUA_VAR/queue.json"

trace=$($M trace H27.22-240108-0001 --json)
check "trace shows the original receipt time" grep -q '"received_at":"2024-01-08T08:15:00+07:00"' <<< "$trace"
check "trace shows the original resolution and return times" \
    grep -q '"resolved_at":"2024-01-30T10:00:00+07:00","returned_at":"2024-02-01T09:30:00+07:00"' <<< "$trace"
check "and the status returned, early (resolved before the due day)" \
    bash -c "grep -q '\"status\":\"returned\"' <<< '$trace' && grep -q '\"timeliness\":\"early\"' <<< '$trace'"
check "the trace reads as a Vietnamese timeline with the old dates" \
    bash -c "$M trace H27.22-240108-0001 | grep -q '08:15 08/01/2024  Tiếp nhận hồ sơ'"
check "a bare due date is taken at office close (17:00)" \
    bash -c "$M trace H27.22-240315-0002 --json | grep -q '\"due_at\":\"2024-03-27T17:00:00+07:00\"'"

r1=$(report)
check "the 2024 report counts the $n_2024 dossiers received in 2024" test "$(grown received_total)" = "$n_2024"
check "by channel as the file says (online 1, direct 3, postal 1)" \
    test "$(grown received_online)$(grown received_direct)$(grown received_postal)" = "131"
check "all resolved in 2024, one late (resolved 29/3 after its due day 27/3)" \
    test "$(grown resolved_total)/$(grown resolved_late)" = "$n_2024/1"
r25=$($M report --from 2025-07-15 --to 2025-08-14 --json)
check "a dossier received before and resolved after 1/7/2025 is carried over into the next period (15/7–14/8/2025)" \
    test "$(json_field carried_over <<< "$r25")" -ge 1

# the same file again: nothing changes
counts() { sql "SELECT (SELECT count(*) FROM intake.dossier) || '/' || (SELECT count(*) FROM intake.outbox) || '/'
    || (SELECT count(*) FROM reporting.timeline) || '/' || (SELECT count(*) FROM processing.transition)"; }
before=$(counts)
out=$($M import dossiers $SAMPLE); rc=$?
check "importing the sample again succeeds ($out)" test "$rc" = 0
check "and reports every row unchanged" grep -q "0 imported, $n_rows unchanged, 0 refused" <<< "$out"
sleep 0.5
check "dossiers, events, timeline and trail are as before ($before)" test "$(counts)" = "$before"
check "the report is the same" test "$(report)" = "$r1"

# a file with bad rows: each named by line and field; the good rows go in
header=$(grep -v '^#' $SAMPLE | head -n 1)
cat > "$MOTCUA_VAR/bad.csv" <<CSV
$header
H27.22-240702-0101,2024-07-02 08:00,2024-07-30 17:00,2024-07-20 09:00,,1.000843,,direct,counter,Đỗ Văn Nam,042090005555,0911222333,Hà Tĩnh,approved,,Tờ trình
H27.22-240702-0102,2024-07-02 25:00,2024-07-30 17:00,,,1.000843,,direct,counter,Lý Thị Oanh,042190006666,0911222444,Hà Tĩnh,,,Tờ trình
H27.22-240702-0103,2024-07-02 09:00,2024-07-30 17:00,,,1.000843,,direct,counter,Mai Văn Phúc,042090007777,09112,Hà Tĩnh,,,Tờ trình
H27.22-240108-0001,2024-01-08 08:15,2024-02-05 17:00,2024-01-30 10:00,,1.000843,H27.22,direct,counter,Nguyễn Văn An,042090001234,0912345678,Hà Tĩnh,approved,,Tờ trình
H27.22-230702-0104,2023-07-02 09:00,2023-07-30 17:00,,,1.000843,,direct,counter,Trịnh Văn Quân,042090008888,0911222555,Hà Tĩnh,,,Tờ trình
H27.22-240703-0105,2024-07-03 09:00,2024-07-30 17:00,2024-07-10 09:00,2024-07-11 09:00,1.000843,,direct,counter,Đinh Thị Sen,042190009999,0911222666,Hà Tĩnh,withdrawn,,Tờ trình
H27.22-240703-0106,2024-07-03 10:00,2024-07-30 17:00,,,1.000843,,online,counter,Cao Văn Tâm,042090001111,0911222777,Hà Tĩnh,,,Tờ trình
CSV
$M import dossiers "$MOTCUA_VAR/bad.csv" > "$MOTCUA_VAR/bad.out" 2> "$MOTCUA_VAR/bad.err"; rc=$?
check "a file with bad rows exits 1" test "$rc" = 1
check "line 3: a bad receipt time, named" grep -q '^motcua: line 3, H27.22-240702-0102 (received_at): INVALID_ARGUMENT' "$MOTCUA_VAR/bad.err"
check "line 4: a bad phone number, named" grep -q '^motcua: line 4, H27.22-240702-0103 (phone): INVALID_ARGUMENT' "$MOTCUA_VAR/bad.err"
check "line 5: a code already here with other values, ALREADY_EXISTS" \
    grep -q '^motcua: line 5, H27.22-240108-0001 (dossier_code): ALREADY_EXISTS' "$MOTCUA_VAR/bad.err"
check "line 6: a procedure not in force on the receipt date, named" \
    grep -q '^motcua: line 6, H27.22-230702-0104 (procedure): INVALID_ARGUMENT.*not in force' "$MOTCUA_VAR/bad.err"
check "line 7: a withdrawn dossier returned, FAILED_PRECONDITION naming the rule set" \
    grep -q '^motcua: line 7, H27.22-240703-0105 (returned_at): FAILED_PRECONDITION.*rules of 2018' "$MOTCUA_VAR/bad.err"
check "exactly those five rows are refused" test "$(grep -c '^motcua: line' "$MOTCUA_VAR/bad.err")" = 5
check "the summary counts 2 imported, 5 refused" grep -q '7 row(s): 2 imported, 0 unchanged, 5 refused' "$MOTCUA_VAR/bad.out"
check "the good rows (lines 2 and 8) are in, the bad ones are not" test "$(sql "SELECT string_agg (code, ' ' ORDER BY code)
    FROM intake.dossier WHERE code IN ('H27.22-240702-0101', 'H27.22-240702-0102', 'H27.22-240702-0103',
    'H27.22-230702-0104', 'H27.22-240703-0105', 'H27.22-240703-0106')")" = "H27.22-240702-0101 H27.22-240703-0106"
check "the refused code already here kept its values" test "$(sql "SELECT status FROM intake.dossier
    WHERE code = 'H27.22-240108-0001'")" = "returned"
$M import dossiers "$MOTCUA_VAR/bad.csv" --json > "$MOTCUA_VAR/bad.json" 2>/dev/null
check "with --json the failures list line, code and field" \
    grep -q '{"line":3,"dossier_code":"H27.22-240702-0102","code":"INVALID_ARGUMENT","field":"received_at"' "$MOTCUA_VAR/bad.json"
printf '%s\n%s\n' "$header" 'H27.22-240704-0107,2024-07-04 09:00,2024-07-30 17:00,,,1.000843,,direct,counter,Hồ Văn Uy,,,,,,' \
    > "$MOTCUA_VAR/check.csv"
out=$($M import dossiers "$MOTCUA_VAR/check.csv" --check)
check "--check accepts a good row ($out)" grep -q 'checked (nothing written): 1 row(s): 1 imported' <<< "$out"
check "and writes nothing" test "$(sql "SELECT count(*) FROM intake.dossier WHERE code = 'H27.22-240704-0107'")" = 0
printf 'code,received_at,colour\n' > "$MOTCUA_VAR/header.csv"
$M import dossiers "$MOTCUA_VAR/header.csv" > /dev/null 2> "$MOTCUA_VAR/header.err"; rc=$?
check "an unknown column is refused, naming it (exit 1)" bash -c "[ $rc = 1 ] && grep -q \"column 'colour' is unknown\" '$MOTCUA_VAR/header.err'"
$M import dossiers $SAMPLE --as counter > /dev/null 2> "$MOTCUA_VAR/role.err"; rc=$?
check "a counter clerk may not import (PERMISSION_DENIED, exit 1)" \
    bash -c "[ $rc = 1 ] && grep -q 'PERMISSION_DENIED.*import dossiers' '$MOTCUA_VAR/role.err'"

# the counter's look-up
out=$($M lookup --code H27.22-240108-0001 --json); rc=$?
check "lookup --code finds the dossier (exit $rc)" grep -q '"dossier_code":"H27.22-240108-0001","status":"returned"' <<< "$out"
check "with procedure, times, and where the result is" bash -c "grep -q '\"procedure_code\":\"1.000843\"' <<< '$out' \
    && grep -q '\"received_at\":\"2024-01-08T08:15:00+07:00\",\"due_at\":\"2024-02-05T17:00:00+07:00\"' <<< '$out' \
    && grep -q '\"result_place\":\"returned\"' <<< '$out' && grep -q '\"imported\":true' <<< '$out'"
check "the printed look-up is Vietnamese" bash -c "$M lookup --code H27.22-251020-0007 | grep -q 'đang chuyển trả qua dịch vụ bưu chính công ích'"
out=$($M lookup --id 042090017171 --json)
check "lookup --id finds the applicant's dossier" grep -q '"dossier_code":"H27.22-240108-0001"' <<< "$out"
out=$($M lookup --phone '+84 912 468 013' --json)
check "lookup --phone finds both dossiers of 0912 468 013 (written two ways), newest first" \
    bash -c "[ \"\$(grep -o '\"dossier_code\":\"[^\"]*\"' <<< '$out' | tr '\n' ' ')\" = '\"dossier_code\":\"H27.22-260105-0008\" \"dossier_code\":\"H27.22-240108-0001\" ' ]"
live=$($M counter submit --json --procedure 1.000804 --applicant-name "Lương Thị Vân" --applicant-id 042190004444 \
       --phone "0977.888.999" --address "Hà Tĩnh" --component "Tờ trình" | json_field dossier_code)
check "a live dossier is found by its phone written another way ($live)" \
    bash -c "$M lookup --phone 84977888999 --json | grep -q '\"dossier_code\":\"$live\",\"status\":\"received\"'"
check "an applicant with no dossier gets an empty list" bash -c "$M lookup --id 001099000000 --json | grep -q '\"dossiers\":\[\]'"
check "the phone look-up uses its index" bash -c "psql -X -qAt \"\$(cat $MOTCUA_VAR/pg/conninfo)\" -c \"SET enable_seqscan = off;
    EXPLAIN SELECT code FROM intake.dossier WHERE intake.phone_key (phone) = '0912345678' ORDER BY received_at DESC LIMIT 200\" \
    | grep -q 'dossier_phone_key_received'"
check "the identity look-up uses its index" bash -c "psql -X -qAt \"\$(cat $MOTCUA_VAR/pg/conninfo)\" -c \"SET enable_seqscan = off;
    EXPLAIN SELECT code FROM intake.dossier WHERE applicant_id = '042090001234' ORDER BY received_at DESC LIMIT 200\" \
    | grep -q 'dossier_applicant_id_received'"
refused() {                     # refused EXPECTED ARGS…: exit 1 and the typed error on stderr
    local expected=$1; shift
    $M lookup "$@" > /dev/null 2> "$MOTCUA_VAR/lookup.err"; local rc=$?
    [ "$rc" = 1 ] && grep -q "$expected" "$MOTCUA_VAR/lookup.err"
}
check "a malformed identity number is INVALID_ARGUMENT (id_number)" refused 'INVALID_ARGUMENT (id_number).*CCCD has 12 digits' --id 12345
check "a malformed phone is INVALID_ARGUMENT (phone)" refused 'INVALID_ARGUMENT (phone)' --phone 'not-a-phone'
check "a malformed code is INVALID_ARGUMENT (dossier_code)" refused 'INVALID_ARGUMENT (dossier_code)' --code 'H27.22-24'
check "an unknown code is NOT_FOUND" refused 'NOT_FOUND (dossier_code)' --code H27.22-240108-9999
$M lookup --id 042090001234 --phone 0912345678 > /dev/null 2>&1; rc=$?
check "two questions at once is a usage error (exit 2)" test "$rc" = 2
check "postal staff may not look up (PERMISSION_DENIED)" refused 'PERMISSION_DENIED.*look dossiers up' --code H27.22-240108-0001 --as postal
check "a desk may" bash -c "$M lookup --code H27.22-240108-0001 --as desk >/dev/null"
check "the dashboard, whose page shows aggregates, may not look people up (PERMISSION_DENIED)" \
    refused 'PERMISSION_DENIED.*look dossiers up' --code H27.22-240108-0001 --as dashboard
check "a commune clerk is granted (agency H27.XA)" $M admin grant clerk-xa-import --role counter --agency H27.XA
check "who may not see a department's dossier by its code (PERMISSION_DENIED)" \
    refused 'PERMISSION_DENIED (procedure_code).*agency H27.22' --code H27.22-240108-0001 --as clerk-xa-import
out=$($M lookup --phone 0912468013 --as clerk-xa-import --json)
check "and sees none of the department's by phone, told how many are hidden" \
    bash -c "grep -q '\"dossiers\":\[\],\"hidden\":2' <<< '$out'"
check "the refusals are in intake's audit" test "$(sql "SELECT count(*) FROM intake.audit WHERE outcome = 'denied'
    AND action LIKE 'look up dossiers%'")" -ge 1
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
check "motcua audit CODE shows the refusal under the dossier it named" \
    bash -c "$M audit H27.22-240108-0001 --json | grep -q '\"principal\":\"clerk-xa-import\",\"role\":\"counter\",\"action\":\"look up dossiers'"
check "motcua audit --denied --since today lists it, with the dossier's code" \
    bash -c "$M audit --denied --since $today | grep 'clerk-xa-import' | grep -q '\[H27.22-240108-0001\]'"
check "motcua audit --denied has its Vietnamese heading" bash -c "$M audit --denied | head -n 1 | grep -q '^NHẬT KÝ TỪ CHỐI TRUY CẬP — [0-9]* lần'"
check "motcua audit --reads lists the desk's look-up of personal data (who, what, which dossier)" \
    bash -c "$M audit --reads --json | grep -q '\"principal\":\"desk\",\"role\":\"desk\",\"action\":\"look dossiers up: 1 dossier with personal data\",\"key\":\"H27.22-240108-0001\"'"
check "motcua audit --reads with a CODE too is a usage error (exit 2)" bash -c "$M audit --reads H27.22-240108-0001 2>/dev/null; [ \$? = 2 ]"

check "the suite goes down" deploy/down.sh
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
