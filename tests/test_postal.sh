#!/usr/bin/env bash
# test_postal — postal (BCCI) intake and return end to end, with the real
# binaries, PostgreSQL and CURVE: dossiers collected on slips (Phiếu gửi hồ
# sơ) and handed over under a record (Biên bản giao nhận) both sides sign —
# one of them incomplete and sent back; the signing is the legal receipt
# time; fees reconciled on the record; results handed to post with a J+n
# deadline, delivered on an ID check, or (after two invitations two working
# days apart, across Tết 2027 on a clock moved with libfaketime) returned
# to the agency; the trace, `post overdue`, `report postal`, and the roles.
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
M="$BIN/motcua"
. tests/moved_clock.sh           # restart_as, FAKETIME_LIB
passed=0; failed=0
check() {
    local name=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok   postal: $name"; passed=$((passed + 1))
    else echo "FAIL postal: $name"; failed=$((failed + 1)); fi
}
json_field() { grep -o "\"$1\":\(\"[^\"]*\"\|[-0-9a-z]*\)" | head -n 1 | cut -d: -f2- | tr -d '"'; }
until_match() {                 # until_match PATTERN COMMAND…: retry until the output matches
    local pattern=$1; shift
    for _ in $(seq 1 50); do "$@" 2>/dev/null | grep -q "$pattern" && return 0; sleep 0.1; done
    return 1
}
slip_of() { grep -o "\"slip_number\":\"$1\"[^}]*"; }

check "libfaketime is available" test -n "$FAKETIME_LIB"
check "the suite comes up" deploy/up.sh

# 1. Postal intake: three slips, one of them incomplete.
collect() {                     # collect NAME ID RETURN POSTAL-FEE PROCEDURE-FEE [--json]
    $M post collect --procedure 1.000843 --sender-name "$1" --sender-id "$2" --phone 0912000111 \
        --address "Xã Thạch Hà, Hà Tĩnh" --return "$3" --postal-fee "$4" --procedure-fee "$5" \
        --component "Tờ trình đề nghị khen thưởng" --component "Báo cáo thành tích" ${6:-}
}
printed=$(collect "Trần Văn Bình" 042090002222 postal 25000 50000)
A=$(grep -o 'PG-[0-9]*-[0-9]*' <<< "$printed" | head -n 1)
check "post collect prints the Phiếu gửi hồ sơ in Vietnamese" \
    bash -c "grep -q 'PHIẾU GỬI HỒ SƠ' <<< '$printed' && grep -q 'Cước dịch vụ bưu chính: 25.000 đồng' <<< '$printed' \
             && grep -q 'Phí, lệ phí thủ tục hành chính thu hộ: 50.000 đồng' <<< '$printed' \
             && grep -q 'Nơi nhận: Sở Nội vụ tỉnh Hà Tĩnh (H27.22)' <<< '$printed'"
check "the slip has a number PG-YYMMDD-NNNN ($A)" bash -c "[[ '$A' =~ ^PG-[0-9]{6}-[0-9]{4}$ ]]"
B=$(collect "Lê Thị Cúc" 042190003333 postal 20000 30000 --json | json_field slip_number)
C=$(collect "Phan Văn Dũng" 042090004444 postal 15000 0 --json | json_field slip_number)
check "two more slips ($B, $C)" test -n "$B" -a -n "$C"
$M post collect --procedure 1.000843 --sender-name X --sender-id 042190001002 --address a --component c \
    --postal-fee -5 > /dev/null 2>&1; rc=$?
check "a negative fee is a usage error" test "$rc" = 2
$M post collect --procedure 9.999999 --sender-name X --sender-id 042190001002 --address a --component c \
    > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "an unknown procedure is INVALID_ARGUMENT (procedure_code)" \
    bash -c "[ $rc = 1 ] && grep -q 'INVALID_ARGUMENT (procedure_code)' '$MOTCUA_VAR/err.txt'"

record=$($M post handover "$A" "$B" "$C" --json)
N=$(json_field batch_no <<< "$record")
check "post handover draws up hand-over record $N with the three slips" \
    test "$(grep -o '"slip_number"' <<< "$record" | wc -l)" = 3
$M post handover "$A" > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "a slip cannot be handed over twice (FAILED_PRECONDITION)" \
    bash -c "[ $rc = 1 ] && grep -q FAILED_PRECONDITION '$MOTCUA_VAR/err.txt'"
$M post sign-batch "$N" > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "the postal worker cannot sign for the agency (PERMISSION_DENIED)" \
    bash -c "[ $rc = 1 ] && grep -q PERMISSION_DENIED '$MOTCUA_VAR/err.txt'"
signed=$($M counter sign-batch "$N" --incomplete "$B=Thiếu bản sao quyết định khen thưởng" --json)
signed_at=$(json_field signed_at <<< "$signed")
check "the receiving officer signs the record ($signed_at)" test -n "$signed_at"
$M counter sign-batch "$N" > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "a record is signed once (FAILED_PRECONDITION)" \
    bash -c "[ $rc = 1 ] && grep -q 'already signed' '$MOTCUA_VAR/err.txt'"
until_match "\"slip_number\":\"$C\",\"status\":\"received\"" $M post batch show "$N" --json
until_match "\"slip_number\":\"$B\",\"status\":\"refused\"" $M post batch show "$N" --json
batch=$($M post batch show "$N" --json)
codeA=$(slip_of "$A" <<< "$batch" | json_field dossier_code)
codeC=$(slip_of "$C" <<< "$batch" | json_field dossier_code)
check "intake received the complete dossiers ($codeA, $codeC)" \
    bash -c "[[ '$codeA' =~ ^H27\.22-[0-9]{6}-[0-9]{4}$ && '$codeC' =~ ^H27\.22- ]]"
check "their appointment came back to the postal worker" \
    bash -c "slip_of() { grep -o \"\\\"slip_number\\\":\\\"\$1\\\"[^}]*\"; }; slip_of '$A' <<< '$batch' | grep -q '\"due_at\":\"20'"
check "the incomplete one was sent back with its reason and a refusal number" \
    bash -c "grep -o '\"slip_number\":\"$B\"[^}]*' <<< '$batch' | grep -q '\"reason\":\"Thiếu bản sao quyết định khen thưởng\".*\"refusal_number\":\"H27.22-[0-9]*-TC'"
until_match '"channel":"postal"' $M trace "$codeA" --json
traceA=$($M trace "$codeA" --json)
check "the legal receipt time is the signing of the record" test "$(json_field received_at <<< "$traceA")" = "$signed_at"
check "the dossier is received through the postal channel" grep -q '"channel":"postal"' <<< "$traceA"
signed_form=$(TZ=Asia/Ho_Chi_Minh date -d "$signed_at" '+%H:%M %d/%m/%Y')
check "trace says it came by post, received at the signing ($signed_form)" \
    bash -c "$M trace '$codeA' | grep -q '^Tiếp nhận: $signed_form — Qua dịch vụ bưu chính công ích$'"
receipt=$($M print receipt "$codeA")
receipt_time=$(TZ=Asia/Ho_Chi_Minh date -d "$signed_at" '+%H giờ %M phút, ngày %d/%m/%Y')
check "the printed receipt: received at the signing of the record ($receipt_time)" \
    grep -q "4. Thời gian nhận hồ sơ.*$receipt_time" <<< "$receipt"
check "the printed receipt: the channel is bưu chính" grep -q 'Hình thức nộp hồ sơ: Qua dịch vụ bưu chính công ích' <<< "$receipt"
check "the printed receipt: the receipt time is the signing of the Biên bản" \
    grep -q 'Thời gian nhận hồ sơ là thời điểm ký Biên bản giao nhận hồ sơ' <<< "$receipt"
until_match '"action":"intake answer"' $M audit "$codeA" --json
audit=$($M audit "$codeA" --json)
check "audit CODE: the postal worker's slip ($A) is in the dossier's trail" \
    grep -q "\"principal\":\"postal\",\"role\":\"postal\",\"action\":\"collect\",\"key\":\"$A\"" <<< "$audit"
check "audit CODE: the hand-over record BBGN-$N, drawn up and signed" \
    bash -c "grep -q '\"action\":\"hand over\",\"key\":\"BBGN-$N\"' <<< '$audit' \
             && grep -q '\"principal\":\"counter\",\"role\":\"counter\",\"action\":\"sign hand-over\",\"key\":\"BBGN-$N\"' <<< '$audit'"
answer=$(grep -o "\"action\":\"intake answer\",\"key\":\"$codeA\"[^}]*}" <<< "$audit")
check "audit CODE: intake's answer is kept under the code, naming slip and record" \
    bash -c "grep -q '$A' <<< '$answer' && grep -q 'BBGN-$N' <<< '$answer' && grep -q 'received' <<< '$answer'"
check "audit CODE: collect, hand-over, signing, answer, in that order" bash -c \
    "$M audit '$codeA' | grep -o 'Bưu chính nhận hồ sơ\|Bưu chính bàn giao hồ sơ\|Ký biên bản giao nhận\|Bộ phận Một cửa trả lời' | tr '\n' , | grep -q '^Bưu chính nhận hồ sơ,Bưu chính bàn giao hồ sơ,Ký biên bản giao nhận,Bộ phận Một cửa trả lời,'"
check "audit of the other slip's dossier leaves out slip $A" bash -c "! $M audit '$codeC' --json | grep -q '\"key\":\"$A\"'"
check "fees: postal 25.000 + 20.000 + 15.000 = 60.000" test "$(json_field postal_fee_total <<< "$batch")" = 60000
check "fees: procedure 80.000 = 50.000 taken in + 30.000 sent back" \
    test "$(json_field procedure_fee_total <<< "$batch")" = 80000 -a "$(json_field procedure_fee_received <<< "$batch")" = 50000 \
         -a "$(json_field procedure_fee_refused <<< "$batch")" = 30000
check "counts: 2 received, 1 refused, 0 waiting" \
    test "$(json_field received <<< "$batch")" = 2 -a "$(json_field refused <<< "$batch")" = 1 -a "$(json_field waiting <<< "$batch")" = 0
$M post batch show 999999 > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "an unknown hand-over record is NOT_FOUND (batch_no)" \
    bash -c "[ $rc = 1 ] && grep -q 'NOT_FOUND (batch_no)' '$MOTCUA_VAR/err.txt'"
$M counter sign-batch "$N" --incomplete "$B" > /dev/null 2>&1; rc=$?
check "--incomplete without a reason is a usage error" test "$rc" = 2
shown=$($M post batch show "$N")
check "batch show prints the Biên bản giao nhận hồ sơ with both signatures" \
    bash -c "grep -q 'BIÊN BẢN GIAO NHẬN HỒ SƠ' <<< '$shown' && grep -q 'Bên giao (nhân viên bưu chính): postal — đã ký' <<< '$shown' \
             && grep -q 'Bên nhận (cán bộ tiếp nhận): counter — đã ký' <<< '$shown'"
check "batch show lists receipt codes, the refusal and the reconciled fees" \
    bash -c "grep -q 'tiếp nhận: mã hồ sơ $codeA, hẹn trả kết quả' <<< '$shown' && grep -q 'Chưa đầy đủ — trả lại: Thiếu bản sao' <<< '$shown' \
             && grep -q 'Tổng phí, lệ phí thu hộ: 80.000 đồng = hồ sơ tiếp nhận 50.000 + hồ sơ trả lại 30.000 + chờ 0' <<< '$shown'"

# 2. Roles.
$M desk resolve "$codeA" --approve --as postal > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "a postal worker cannot resolve a dossier (PERMISSION_DENIED)" \
    bash -c "[ $rc = 1 ] && grep -q PERMISSION_DENIED '$MOTCUA_VAR/err.txt'"

# 3. Processing, then the results go back by post.
until_match "$codeA" $M desk queue --json
until_match "$codeC" $M desk queue --json
check "the desk resolves both" bash -c "$M desk resolve '$codeA' --approve --reason 'Đủ điều kiện' && $M desk resolve '$codeC' --approve"
check "the desk attaches the result of one (a certificate of merit, a physical item)" $M desk attach "$codeC" --physical certificate
until_match "$codeA" $M post shipments --json
until_match "$codeC" $M post shipments --json
$M post deliver "$codeA" --recipient-id 042090002222 --as desk > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "a desk officer cannot record a delivery (PERMISSION_DENIED)" \
    bash -c "[ $rc = 1 ] && grep -q PERMISSION_DENIED '$MOTCUA_VAR/err.txt'"
$M counter dispatch "$codeA" --route district > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "a result not attached does not go to post either (FAILED_PRECONDITION, state and rules)" \
    bash -c "[ $rc = 1 ] && grep -q 'FAILED_PRECONDITION (dossier_code): dossier $codeA is resolved (rules of 20[0-9]*) but its result is not attached' '$MOTCUA_VAR/err.txt'"
check "the refused dispatch left the shipment waiting at the agency" \
    bash -c "$M post shipments --json | grep -o '\"dossier_code\":\"$codeA\"[^}]*' | grep -q '\"status\":\"created\"'"
check "the desk attaches the digitised decision" \
    $M desk attach "$codeA" --document "QĐ 45/QĐ-UBND" --sha256 "$(printf 'qd45' | sha256sum | cut -d' ' -f1)"
until_match '"action":"result attached"' $M audit "$codeA" --json
out=$($M counter dispatch "$codeA" --route district --original "$codeA=Quyết định khen thưởng (bản chính)" \
      --item "$codeA=certificate:A3 có khung" --postal-fee "$codeA=30000" --json)
R=$(json_field batch_no <<< "$out")
check "the agency hands the result to post on return record $R (originals, item)" \
    bash -c "grep -q '\"originals\":\[\"Quyết định khen thưởng (bản chính)\"\],\"items\":\[\"certificate:A3 có khung\"\]' <<< '$out'"
$M counter dispatch "$codeA" --route galaxy > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "an unknown route is INVALID_ARGUMENT" bash -c "[ $rc = 1 ] && grep -q 'INVALID_ARGUMENT (results.route)' '$MOTCUA_VAR/err.txt'"
out=$($M post sign-batch "$R" --json)
check "the postal worker signs: handed to post, deadline J+1" \
    bash -c "grep -q '\"status\":\"handed_over\"' <<< '$out' && grep -q '\"deadline_at\":\"20' <<< '$out'"
check "the return record prints in Vietnamese" \
    bash -c "$M post batch show '$R' | grep -q 'BIÊN BẢN GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'"
check "post transit" bash -c "$M post transit '$codeA' --json | grep -q '\"status\":\"in_transit\"'"
$M post deliver "$codeA" --recipient-id 000000000000 > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "delivery to someone else's ID is refused (FAILED_PRECONDITION)" \
    bash -c "[ $rc = 1 ] && grep -q 'FAILED_PRECONDITION (recipient_id_number)' '$MOTCUA_VAR/err.txt'"
check "delivery on the applicant's ID" \
    bash -c "$M post deliver '$codeA' --recipient-id 042090002222 | grep -q 'đã phát thành công'"
until_match '"status":"returned"' $M trace "$codeA" --json
traceA=$($M trace "$codeA")
check "trace: the result is with the applicant" grep -q 'Kết quả đang ở: Người nhận đã nhận' <<< "$traceA"
check "trace: every postal step, in Vietnamese" bash -c "for s in 'Bưu chính giao hồ sơ' 'Chờ chuyển phát' 'Đã giao cho bưu chính' \
    'Đang vận chuyển' 'Đã phát cho người nhận' 'Trả kết quả cho tổ chức, cá nhân'; do grep -q \"\$s\" <<< '$traceA' || exit 1; done"
cp /dev/null "$MOTCUA_VAR/trace-delivered.txt"; echo "$traceA" > "$MOTCUA_VAR/trace-delivered.txt"

# 3b. A rejection goes back by post with no result to attach.
D=$($M counter submit --procedure 1.000843 --applicant-name "Võ Văn Em" --applicant-id 042090005555 \
    --phone 0912000222 --address "Xã Can Lộc, Hà Tĩnh" --channel direct --return postal \
    --component "Tờ trình" --json | json_field dossier_code)
check "a counter receipt says the counter" bash -c "$M print receipt '$D' | grep -q 'Hình thức nộp hồ sơ.*Trực tiếp tại Bộ phận tiếp nhận'"
until_match "$D" $M desk queue --json
check "the desk rejects it" $M desk resolve "$D" --reject --reason "Không đủ tiêu chuẩn"
until_match "$D" $M post shipments --json
check "a rejection is handed to post without an attached result" \
    bash -c "$M counter dispatch '$D' --route province --json | grep -q '\"dossier_code\":\"$D\"'"

# 4. The other result: handed to post on Wed 3/2/2027 (province, J+2; Tết
#    Đinh Mùi and its nghỉ bù are Thu 4/2 – Wed 10/2, so J+2 ends Fri 12/2),
#    failed attempts with invitations, back to the agency.
restart_as postal "@2027-02-03 15:00:00"
out=$($M counter dispatch "$codeC" --route province --json)
R2=$(json_field batch_no <<< "$out")
check "an attached certificate flags the slip's item by default" \
    grep -q '"items":\["certificate:chưa ghi kích thước"\]' <<< "$out"
out=$($M post sign-batch "$R2" --json)
check "across Tết: J = Wed 3/2/2027, J+2 ends Fri 12/2" grep -q '"deadline_at":"2027-02-13T00:00:00+07:00"' <<< "$out"
check "a failed attempt leaves an invitation" \
    bash -c "$M post attempt '$codeC' --reason 'Không có người nhận tại địa chỉ' --json | grep -q '\"invitations\":1'"
$M post return-to-agency "$codeC" > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "one invitation is not enough to return it (FAILED_PRECONDITION)" \
    bash -c "[ $rc = 1 ] && grep -q 'ít nhất hai giấy mời' '$MOTCUA_VAR/err.txt'"
restart_as postal "@2027-02-11 09:00:00"
$M post attempt "$codeC" --reason "Vẫn không có người nhận" > /dev/null
$M post return-to-agency "$codeC" > /dev/null 2> "$MOTCUA_VAR/err.txt"; rc=$?
check "invitations Wed 3/2 and Thu 11/2 are one working day apart (Tết between): not yet" \
    bash -c "[ $rc = 1 ] && grep -q 'hai ngày làm việc' '$MOTCUA_VAR/err.txt'"
restart_as postal "@2027-02-15 09:00:00"
check "post overdue lists it on Mon 15/2 (past J+2)" bash -c "[ -n '$codeC' ] && $M post overdue | grep -q '^$codeC — '"
check "post overdue leaves out the delivered one" bash -c "[ -n '$codeA' ] && ! $M post overdue | grep -q '^$codeA'"
$M post attempt "$codeC" --reason "Người nhận đi vắng dài ngày" > /dev/null
check "after invitations two working days apart, it goes back to the agency" \
    bash -c "$M post return-to-agency '$codeC' --json | grep -q '\"status\":\"returned\",.*\"invitations\":3'"
restart_as postal ""
until_match 'Tại cơ quan giải quyết' $M trace "$codeC"
traceC=$($M trace "$codeC")
check "trace: the result is back at the agency" grep -q 'Kết quả đang ở: Tại cơ quan giải quyết: bưu chính đã chuyển trả lúc 09:00 15/02/2027' <<< "$traceC"
check "trace: the failed attempts and the return" bash -c "grep -q 'Phát không thành công, đã để giấy mời (lần 2)' <<< '$traceC' \
    && grep -q 'Đã chuyển trả cơ quan giải quyết sau 3 lần mời nhận' <<< '$traceC'"
echo "$traceC" > "$MOTCUA_VAR/trace-returned.txt"
check "the applicant then collects it at the counter" \
    until_match '"status":"returned"' $M counter return "$codeC" --json
until_match 'Người nộp đã nhận tại Bộ phận Một cửa' $M trace "$codeC"
check "trace: returned via the counter, and the result is with the applicant" \
    bash -c "$M trace '$codeC' | grep -q 'Kết quả đang ở: Người nộp đã nhận tại Bộ phận Một cửa'"

# 5. Reporting receives it.
report=$($M report postal --from 2026-01-01 --to 2027-03-01 --json)
check "report postal: postal intake counted ($(json_field received_postal <<< "$report") of $(json_field received_total <<< "$report"))" \
    test "$(json_field received_postal <<< "$report")" -ge 2 -a "$(json_field refused_postal <<< "$report")" -ge 1
check "report postal: results handed, delivered on time, returned to the agency" \
    test "$(json_field handed <<< "$report")" -ge 2 -a "$(json_field delivered_on_time <<< "$report")" -ge 1 \
         -a "$(json_field returned_to_agency <<< "$report")" -ge 1
sum=0; for v in $(grep -o '"route":"[a-z_]*","handed":[0-9]*' <<< "$report" | grep -o '[0-9]*$'); do sum=$((sum + v)); done
check "report postal: the routes add up to the total handed ($sum)" test "$sum" = "$(json_field handed <<< "$report")"
check "report postal: on time by route (district 1/1, province 0/1 at least)" \
    bash -c "grep -q '\"route\":\"district\",\"handed\":[1-9][0-9]*,\"delivered\":[1-9][0-9]*,\"on_time\":[1-9]' <<< '$report' \
             && grep -q '\"route\":\"province\",\"handed\":[1-9]' <<< '$report'"
printed=$($M report postal --from 2026-01-01 --to 2027-03-01)
check "report postal prints Vietnamese headings" grep -q 'Số hồ sơ mới tiếp nhận qua BCCI' <<< "$printed"
check "the printed rates are the JSON figures, with numerator and denominator" bash -c \
    "grep -q 'qua BCCI *$(json_field received_postal <<< "$report")/$(json_field received_total <<< "$report") (' <<< '$printed' \
     && grep -q 'Phát đúng thời hạn (J+n) *$(json_field delivered_on_time <<< "$report")/$(json_field handed <<< "$report") (' <<< '$printed'"
check "the suite stops" deploy/down.sh

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
