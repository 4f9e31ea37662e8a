#!/usr/bin/env bash
# test_lifecycle — the legal clock end to end, with the real binaries. A
# service's own clock is moved with libfaketime (an LD_PRELOAD outside our
# code) so that dossiers can be received under the 2018 rules and resolved
# weeks later; monotonic time stays real. Checks: 30/6/2025 vs 1/7/2025
# receipts get different rule sets; a 2018 supplement pauses the clock and a
# 2025 one restarts it; a delay letter moves the appointment but a dossier
# resolved after its due time is still late, counted late in II.06a, and its
# trace shows every due-time change with its rule and reason. Fake times
# are local (Asia/Ho_Chi_Minh).
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
M="$BIN/motcua"
LABEL=lifecycle
. tests/lifecycle_lib.sh
submit() {                      # submit → dossier code
    $M counter submit --json --procedure 1.000804 --applicant-name "Nguyễn Thị Mai" --applicant-id 042190001111 \
        --phone 0911000111 --address "Hà Tĩnh" --component "Tờ trình đề nghị" | json_field dossier_code
}

check "libfaketime is available" test -n "$FAKETIME_LIB"
check "the suite comes up" deploy/up.sh

# 1. The rule set is chosen by the receipt date.
restart_as intake "@2025-06-30 16:00:00"
old=$(submit)
restart_as intake "@2025-07-01 08:00:00"
new=$(submit)
in_queue "$old"; in_queue "$new"
queue=$($M desk queue --json)
check "a dossier received on 30/6/2025 is under the 2018 rules" \
    grep -q "\"dossier_code\":\"$old\"[^}]*\"rule_set\":\"2018\"" <<< "$queue"
check "a dossier received on 1/7/2025 is under the 2025 rules" \
    grep -q "\"dossier_code\":\"$new\"[^}]*\"rule_set\":\"2025\"" <<< "$queue"

# 2. 2018: a supplement pauses the clock. Received Mon 16/6/2025 09:00;
#    asked Tue 17/6 09:00; handed in Thu 19/6 09:00: two working days paused.
restart_as intake "@2025-06-16 09:00:00"
d18=$(submit); in_queue "$d18"
due18=$($M desk queue --json | grep -o "\"dossier_code\":\"$d18\"[^}]*" | json_field legal_due_at)
restart_as processing "@2025-06-17 09:00:00"
check "2018: the desk asks once for everything missing" \
    $M desk supplement "$d18" --missing "Bản sao quyết định khen thưởng" --missing "Báo cáo thành tích"
check "2018: a second supplement request is refused" bash -c "! $M desk supplement '$d18' --missing x"
wait_for "$d18" '"status":"supplement_requested"'
restart_as intake "@2025-06-19 09:00:00"
check "2018: the counter takes the supplement" $M counter supplement "$d18" --component "Bản sao quyết định khen thưởng"
wait_for "$d18" '"type":"due_time_changed"'
moved18=$($M trace "$d18" --json | json_field due_at)
check "2018: due Thu 26/6 09:00 at receipt (8 working days)" test "$due18" = "2025-06-26T09:00:00+07:00"
check "2018: it moved by the two working days paused, to Mon 30/6 09:00 (got $moved18)" \
    test "$moved18" = "2025-06-30T09:00:00+07:00"
check "2018: the change names the 2018 rules" bash -c "$M trace '$d18' | grep -q 'NĐ 61/2018'"

# 3. 2025: the limit restarts from zero; a delay letter moves only the
#    appointment; resolved after the due time, the dossier is late.
restart_as intake ""
restart_as processing ""
d25=$(submit); in_queue "$d25"
check "2025: the desk asks for the supplement within 3 working days" \
    $M desk supplement "$d25" --missing "Giấy xác nhận của địa phương" --reason "Thiếu xác nhận"
wait_for "$d25" '"status":"supplement_requested"'
check "2025: the counter takes the supplement" $M counter supplement "$d25" --component "Giấy xác nhận của địa phương"
wait_for "$d25" '"type":"due_time_changed"'
check "2025: the change names art. 19.5 (restart from zero)" bash -c "$M trace '$d25' | grep -q 'Điều 19.5'"
legal=$($M trace "$d25" --json | json_field due_at)
appointment=$(date -d "$legal + 90 days" +%Y-%m-%dT17:00)
check "2025: an extension request moves the appointment" \
    $M desk delay "$d25" --new-due "$appointment" --reason "Cần lấy ý kiến cơ quan liên quan"
check "2025: a second extension is refused (the date is reset only once)" \
    bash -c "! $M desk delay '$d25' --new-due '$(date -d "$legal + 100 days" +%Y-%m-%d)' --reason again"
wait_for "$d25" '"appointment_at":"'"${appointment%T*}"
restart_as processing "+60d"       # resolved 60 days on: after the due time, before the appointment
check "the desk resolves it 60 days on" $M desk resolve "$d25" --approve --reason "Đủ điều kiện"
wait_for "$d25" '"status":"resolved"'
trace=$($M trace "$d25" --json)
check "the delay letter did not make it on time: it is late" grep -q '"timeliness":"late"' <<< "$trace"
check "its trace shows both due-time changes" test "$(grep -o '"type":"due_time_changed"' <<< "$trace" | wc -l)" = 2
check "each with its rule and reason" bash -c "$M trace '$d25' | grep 'Điều 19.6' | grep -q 'Cần lấy ý kiến'"
from=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d); to=$(TZ=Asia/Ho_Chi_Minh date -d "+70 days" +%Y-%m-%d)
report=$($M report --from "$from" --to "$to" --json)
check "II.06a counts it late ($(json_field resolved_late <<< "$report") late)" test "$(json_field resolved_late <<< "$report")" -ge 1
restart_as processing ""
check "the suite stops" deploy/down.sh

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
