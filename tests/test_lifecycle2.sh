#!/usr/bin/env bash
# test_lifecycle2 — the internal process and the 2025 intake rules end to
# end, with the real binaries on moved clocks (libfaketime): each step of a
# dossier gets its own due time and an on-time or late result when it is
# handed over (the process control sheet); an approved result must be
# attached (document with its SHA-256, or a physical item) before it is
# handed back; an online filing answered after 8 working hours is recorded as
# accepted late; a dossier taken in at another centre must be routed to the
# competent body (by the next working day's close when received after 15:00)
# before its steps go on; the delay letter's refusals name state and rule
# set; the catalogue shows levels; and every printed form comes out in
# Vietnamese, as HTML and as PDF. Fake times are local (Asia/Ho_Chi_Minh).
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
M="$BIN/motcua"
LABEL=lifecycle2
. tests/lifecycle_lib.sh
OUT="$MOTCUA_VAR/forms"
mkdir -p "$OUT"
submit() {                      # submit [OPTION…] → dossier code (procedure 1.000804, 8 working days)
    $M counter submit --json --procedure 1.000804 --applicant-name "Trần Văn Bình" --applicant-id 042090002222 \
        --phone 0912000222 --address "Phường Thành Sen, tỉnh Hà Tĩnh" --component "Tờ trình đề nghị khen thưởng" \
        --component "Báo cáo thành tích" "$@" | json_field dossier_code
}
refused() {                     # refused CODE-PATTERN COMMAND…: it fails and stderr matches
    local pattern=$1; shift
    ! "$@" >/dev/null 2>"$MOTCUA_VAR/err.txt" && grep -q -- "$pattern" "$MOTCUA_VAR/err.txt"
}
trace_has() { $M trace "$1" | grep -q -- "$2"; }

for pkg in chromium:chromium pdftotext:poppler-utils; do     # test-only tools for the PDF checks
    if ! command -v "${pkg%%:*}" >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt-get install -y "${pkg#*:}" >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y "${pkg#*:}" >/dev/null 2>&1)
    fi
done
check "libfaketime is available" test -n "$FAKETIME_LIB"
check "the suite comes up" deploy/up.sh

# 1. Levels: the catalogue shows each procedure's level; none is a district any more.
check "catalog list shows the province level (tỉnh)" bash -c "$M catalog list | grep -q ' tỉnh '"
check "catalog list shows the commune level (xã)" bash -c "$M catalog list | grep -q ' xã '"
check "catalog list --json carries the level" bash -c "$M catalog list --json | grep -q '\"level\":\"commune\"'"
check "no procedure in force is at district level (2 levels since 1/7/2025)" \
    bash -c "! $M catalog list --json | grep -q '\"level\":\"district\"'"
check "the catalogue today has two levels of local government (tỉnh, xã)" \
    bash -c "$M catalog list | head -n 1 | grep -q 'tỉnh, xã (Nghị định số 118/2025'"
check "the catalogue on 30/6/2025 has three (tỉnh, huyện, xã) and district procedures" \
    bash -c "$M catalog list --at 2025-06-30 | head -n 1 | grep -q 'tỉnh, huyện, xã' && $M catalog list --at 2025-06-30 | grep -q ' huyện '"
check "catalog list --at takes a date" bash -c "$M catalog list --at yesterday; test \$? = 2"

# 2. Received Tuesday 1/12/2026 08:00 at the Department (2025 rules).
restart_as intake "@2026-12-01 08:00:00"
d1=$(submit)
d2=$(submit)
late=$(submit --channel online --filed-at 2026-11-27T09:00)
timely=$(submit --channel online --filed-at 2026-11-30T16:00)
receipt=$($M counter submit --json --procedure 1.000804 --applicant-name "Lê Thị Hoa" --applicant-id 042190001001 --phone 0912001001 \
    --address "Hà Tĩnh" --component x --channel online --filed-at 2026-11-27T09:00)
check "an online filing's receipt says by when it had to be answered (8 working hours: Mon 30/11 09:00)" \
    test "$(json_field online_answer_by <<< "$receipt")" = "2026-11-30T09:00:00+07:00"
check "a filing time after the receipt is refused" \
    refused "INVALID_ARGUMENT (filed_at)" $M counter submit --procedure 1.000804 --applicant-name A --applicant-id 042190001001 \
    --phone 0912001001 --address a --component c --channel online --filed-at 2026-12-05T09:00
check "a paper dossier has no filing time" \
    refused "INVALID_ARGUMENT (filed_at)" $M counter submit --procedure 1.000804 --applicant-name A --applicant-id 042190001001 \
    --phone 0912001001 --address a --component c --filed-at 2026-11-30T09:00
sent_back=$($M counter refuse --json --procedure 1.000804 --applicant-name "Lê Thị Hoa" --reason "Không thuộc thẩm quyền" \
    --filed-at 2026-11-27T09:00)
check "an online filing sent back after 8 working hours is recorded as answered late" \
    test "$(json_field answered_late <<< "$sent_back")" = true
check "one sent back in time is not" bash -c "$M counter refuse --json --procedure 1.000804 --applicant-name B --reason x \
    --filed-at 2026-11-30T16:00 | grep -q '\"answered_late\":false'"
check "the audit of the refusal keeps the filing time and the limit" \
    bash -c "$M audit '$(json_field number <<< "$sent_back")' | grep -q 'online_answer_by.*2026-11-30T09:00:00+07:00'"
in_queue "$d1"; in_queue "$d2"; in_queue "$late"; in_queue "$timely"
check "an online dossier accepted after 8 working hours shows as accepted late in its trace" \
    wait_for "$late" "tiếp nhận quá hạn 08 giờ làm việc"
check "one accepted in time does not" bash -c "$M trace '$timely' | grep -q 'phải trả lời trước' && ! $M trace '$timely' | grep -q 'tiếp nhận quá hạn'"
$M print receipt "$late" --out "$OUT/late.html" >/dev/null
check "its receipt says it was accepted late" grep -q "quá thời hạn 08 giờ làm việc" "$OUT/late.html"

# 3. Steps: step 1 (4 h at the province centre) and step 2 (36 h appraisal).
restart_as processing "@2026-12-01 09:00:00"
check "a hand-over to another division than the next step's is refused" \
    refused "INVALID_ARGUMENT (to_division)" $M desk handover "$d1" --to lds
check "step 1 handed to the appraisal division (Ban Thi đua - Khen thưởng)" \
    $M desk handover "$d1" --to tdkt --receiver "Chuyên viên Phạm Thu" --note "Đủ thành phần"
check "step 1, due 14:00 the same day, was handed over on time" wait_for "$d1" 'Bước 1 .* — đúng hạn, hạn của bước 14:00 01/12/2026'
check "the desk asks for a supplement of d2" $M desk supplement "$d2" --missing "Bản sao quyết định khen thưởng"
check "a hand-over while a supplement is awaited is FAILED_PRECONDITION naming state and rule set" \
    refused "supplement_requested (rules of 2025)" $M desk handover "$d2" --to tdkt
$M print supplement "$d2" --out "$OUT/supplement.html" >/dev/null
check "the supplement request prints as Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ with what is missing" \
    bash -c "grep -q 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' '$OUT/supplement.html' && grep -q 'Bản sao quyết định khen thưởng' '$OUT/supplement.html'"
check "print supplement of a dossier with no request is refused" refused "FAILED_PRECONDITION" $M print supplement "$d1"

# 4. Boundary-free intake: taken in at a commune centre after 15:00, for the Department.
restart_as intake "@2026-12-01 15:30:00"
routed=$($M counter submit --json --procedure 1.000804 --applicant-name "Võ Văn Cường" --applicant-id 042090003333 \
    --phone 0913000333 --address "Xã Thạch Hà, tỉnh Hà Tĩnh" --component "Tờ trình" --receiving-agency H27.XA)
r1=$(json_field dossier_code <<< "$routed")
r2=$(submit --receiving-agency H27.XA)
check "received after 15:00, it must be sent on by the next working day's close (Wed 2/12 17:00)" \
    test "$(json_field route_by <<< "$routed")" = "2026-12-02T17:00:00+07:00"
check "the receipt names the receiving centre" test "$(json_field receiving_agency <<< "$routed")" = "H27.XA"
check "an unknown receiving centre is refused" \
    refused "INVALID_ARGUMENT (receiving_agency)" $M counter submit --procedure 1.000804 --applicant-name A \
    --applicant-id 042190001001 --phone 0912001001 --address a --component c --receiving-agency H99
in_queue "$r1"; in_queue "$r2"
check "the supplement of d2 is handed in at 15:30" $M counter supplement "$d2" --component "Bản sao quyết định khen thưởng"
wait_for "$d2" '"type":"due_time_changed"'
$M print control-sheet "$d2" --out "$OUT/control-d2.html" >/dev/null
check "the step in hand moved with the clock (2025 restart: +5 h 30 working, 14:00 1/12 → 09:30 2/12)" \
    grep -q "<td>1</td><td>[^<]*</td><td>[^<]*</td><td>4</td><td>[^<]*</td><td>09 giờ 30 phút, ngày 02/12/2026</td>" "$OUT/control-d2.html"
check "its trace says where it was received and by when it must be routed" \
    wait_for "$r1" "tiếp nhận tại H27.XA, cơ quan giải quyết H27.22, chuyển hồ sơ trước 17:00 02/12/2026"
restart_as processing "@2026-12-02 10:00:00"
check "its steps cannot go on before it is routed" refused "must be routed to H27.22 first" $M desk handover "$r1" --to tdkt
check "the receiving centre routes it" $M counter route "$r1"
check "routed once only" refused "routed already" $M counter route "$r1"
check "a dossier received by its competent body has nothing to route" refused "nowhere to go" $M counter route "$d1"
check "routed before its limit: on time in the trace" wait_for "$r1" "Chuyển hồ sơ từ H27.XA đến H27.22 (hạn 17:00 02/12/2026, đúng hạn)"
check "after routing, its steps go on" $M desk handover "$r1" --to tdkt
$M admin grant clerk-xa --role counter --agency H27.XA >/dev/null 2>&1
sleep 1.5                       # grants are re-read within a second
check "a commune centre's clerk routes what the centre took in" $M counter route "$r2" --as clerk-xa --idempotency-key "r2-route"
check "but may not move the Department's steps (PERMISSION_DENIED)" \
    refused "PERMISSION_DENIED" $M desk handover "$r2" --to tdkt --as clerk-xa
$M print routing "$r1" --out "$OUT/routing.html" >/dev/null
check "the routing slip prints (Phiếu chuyển hồ sơ) with the receiving centre the result goes back to" \
    bash -c "grep -q 'PHIẾU CHUYỂN HỒ SƠ' '$OUT/routing.html' && grep -q 'Kết quả giải quyết được trả về: Ủy ban nhân dân cấp xã' '$OUT/routing.html'"
check "print routing of a dossier received by its competent body is refused" refused "no routing slip" $M print routing "$d1"

# 5. A week later: step 2 late, a routing late, the extension, the result.
restart_as processing "@2026-12-09 09:00:00"
check "step 2 handed on" $M desk handover "$d1" --to tdkt --note "Đề xuất khen thưởng"
check "step 2, due Mon 7/12 15:00, was late" wait_for "$d1" 'Bước 2 .* — quá hạn, hạn của bước 15:00 07/12/2026'
r3=$(submit --receiving-agency H27.XA)
in_queue "$r3"
check "routing a week late is recorded late" bash -c "$M counter route '$r3' && sleep 0.5 && $M trace '$r3' | grep -q ', quá hạn)'"
check "the extension request goes out (a day or more before the due time)" \
    $M desk delay "$d1" --new-due 2026-12-18T17:00 --reason "Chờ ý kiến Hội đồng Thi đua - Khen thưởng"
check "a second extension is FAILED_PRECONDITION naming state and rule set (reset only once)" \
    refused "in_process (rules of 2025).*một lần" $M desk delay "$d1" --new-due 2026-12-22T17:00 --reason x
check "the desk approves d1" $M desk resolve "$d1" --approve --reason "Đủ điều kiện"
check "an approved result not attached cannot be handed back (FAILED_PRECONDITION, state and rule set)" \
    refused "resolved (rules of 2025) but its result is not attached" $M counter return "$d1"
check "a digitised result with a malformed SHA-256 is refused" \
    refused "INVALID_ARGUMENT (sha256)" $M desk attach "$d1" --document "QĐ 45/QĐ-SNV" --sha256 1234
check "a digitised result without its reference is refused" \
    refused "INVALID_ARGUMENT (reference)" $M desk attach "$d1" --document "" --sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
check "an unknown kind of physical item is refused" refused "INVALID_ARGUMENT (kind)" $M desk attach "$d1" --physical trophy
check "the decision attached as a document with its SHA-256" \
    $M desk attach "$d1" --document "QĐ 45/QĐ-SNV" --sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855
check "then it is handed back" bash -c "$M counter return '$d1' --json | grep -q '\"status\":\"returned\"'"
check "nothing is attached to a returned dossier" refused "FAILED_PRECONDITION" $M desk attach "$d1" --physical medal
check "the trace shows the result with its hash" wait_for "$d1" "SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
check "the result went back to the receiving centre (the sheet's last line)" \
    bash -c "$M trace '$d1' | grep -q 'giao cho Bộ phận tiếp nhận và trả kết quả (H27.22)'"

# 6. The control sheet and the other forms of d1 (2025 rules).
$M print control-sheet "$d1" --out "$OUT/control.html" >/dev/null
check "the control sheet prints (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 05)" \
    grep -q "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" "$OUT/control.html"
check "it lists giver, receiver, time and result of each hand-over" \
    bash -c "grep -q 'Nhận: Chuyên viên Phạm Thu (Ban Thi đua - Khen thưởng)' '$OUT/control.html' && grep -q 'Đúng hạn' '$OUT/control.html' && grep -q 'Quá hạn' '$OUT/control.html'"
check "and every step's quota from the catalogue (6 steps)" \
    test "$(grep -o '<tr><td>[0-9]</td>' "$OUT/control.html" | wc -l)" = 6
$M print delay "$d1" --out "$OUT/delay.html" >/dev/null
check "the 2025 extension prints as Phiếu đề nghị gia hạn thời gian giải quyết" \
    bash -c "grep -q 'PHIẾU ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' '$OUT/delay.html' && grep -q 'Chờ ý kiến Hội đồng' '$OUT/delay.html'"
$M print receipt "$d1" > "$OUT/receipt.html"
check "the receipt prints (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) with its components and times" \
    bash -c "grep -q 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' '$OUT/receipt.html' && grep -q 'Báo cáo thành tích' '$OUT/receipt.html' && grep -q '08 giờ 00 phút, ngày 01/12/2026' '$OUT/receipt.html' && grep -q '118/2025' '$OUT/receipt.html'"
check "the receipt as PDF" $M print receipt "$d1" --pdf --out "$OUT/receipt.pdf"
check "the PDF is a PDF" test "$(head -c 4 "$OUT/receipt.pdf" 2>/dev/null)" = "%PDF"
check "its text carries the Vietnamese heading" bash -c "pdftotext '$OUT/receipt.pdf' - | grep -q 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'"
check "the control sheet as PDF, with its heading" bash -c "$M print control-sheet '$d1' --pdf --out '$OUT/control.pdf' && pdftotext '$OUT/control.pdf' - | grep -q 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'"
check "--pdf needs --out" bash -c "$M print receipt '$d1' --pdf; test \$? = 2"
check "an unknown form is a usage error" bash -c "$M print letter '$d1'; test \$? = 2"
check "an unknown dossier is NOT_FOUND" refused "NOT_FOUND" $M print receipt H27.22-000000-0000
refusal=$($M counter refuse --json --procedure 1.000804 --applicant-name "Đặng Văn Đông" --reason "Không thuộc thẩm quyền")
$M print refusal "$(json_field number <<< "$refusal")" --out "$OUT/refusal.html" >/dev/null
check "a refusal (2025) prints under the decree's name with its reason" \
    bash -c "grep -q 'PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH' '$OUT/refusal.html' && grep -q 'Không thuộc thẩm quyền' '$OUT/refusal.html'"

# 7. A dossier of the 2018 rules: its forms carry the 2018 names.
restart_as intake "@2025-06-16 09:00:00"
o1=$(submit)
restart_as intake "@2025-06-13 10:00:00"
refusal18=$($M counter refuse --json --procedure 1.000804 --applicant-name "Hồ Thị Én" --reason "Hồ sơ không thuộc phạm vi")
in_queue "$o1"
restart_as processing "@2025-06-17 09:00:00"
check "2018: the apology with a new date goes out" $M desk delay "$o1" --new-due 2025-07-10T17:00 --reason "Cần xác minh"
check "2018: a hand-over of its first step" $M desk handover "$o1" --to tdkt
$M print delay "$o1" --out "$OUT/delay18.html" >/dev/null
check "2018: the delay letter prints as Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)" \
    bash -c "grep -q 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' '$OUT/delay18.html' && grep -q 'Mẫu số 04' '$OUT/delay18.html'"
$M print receipt "$o1" --out "$OUT/receipt18.html" >/dev/null
check "2018: its receipt names Decrees 61/2018 and 107/2021 (three levels)" \
    bash -c "grep -q '61/2018' '$OUT/receipt18.html' && grep -q 'tỉnh, huyện, xã' '$OUT/receipt18.html'"
$M print control-sheet "$o1" --out "$OUT/control18.html" >/dev/null
check "2018: its control sheet has the hand-over" grep -q "Nhận: tdkt (Ban Thi đua - Khen thưởng)" "$OUT/control18.html"
$M print refusal "$(json_field number <<< "$refusal18")" --out "$OUT/refusal18.html" >/dev/null
check "2018: a refusal prints as Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)" \
    bash -c "grep -q 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' '$OUT/refusal18.html' && grep -q 'Mẫu số 03' '$OUT/refusal18.html'"

restart_as intake ""
restart_as processing ""
check "the suite stops" deploy/down.sh

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
