/*  print — `motcua print receipt|supplement|refusal|delay|control-sheet|
    routing CODE [--out FILE] [--pdf]`: the official forms of a dossier as
    printable HTML (or PDF through headless Chromium), in Vietnamese, under
    the dossier's rule set — Mẫu 01–05 of Circular 01/2018 and the names of
    Decree 118/2025. Every value comes from the services (processing's sheet
    of the dossier, intake's refusal notice), never typed in.               */
#include <czmq.h>
#include <stdarg.h>
#include <spawn.h>
#include <sys/wait.h>
#include "cli.h"
#include "html.h"
#include "process_step.h"
#include "rule_set.h"
#include "vntime.h"
#include "intake_client.h"
#include "processing_client.h"

extern char **environ;

typedef struct {
    FILE *out;
    rules_id_t rules;               //  the dossier's rule set: which forms, which names
} form_t;

static const char *s_style =
    "body{font-family:'Times New Roman',serif;font-size:13pt;margin:2cm;line-height:1.4}"
    ".hdr{display:flex;justify-content:space-between;text-align:center}.hdr div{width:48%}"
    "h1{text-align:center;font-size:14pt;margin:18pt 0 4pt}.sub{text-align:center;font-style:italic}"
    ".place{text-align:right;font-style:italic}table{border-collapse:collapse;width:100%;margin:6pt 0}"
    "td,th{border:1px solid #000;padding:3pt 5pt;vertical-align:top}th{font-weight:bold}"
    ".sign{display:flex;justify-content:space-around;text-align:center;margin-top:24pt}"
    ".sign div{width:40%;min-height:90pt}.model{font-size:10pt;text-align:right}"
    ".late{font-weight:bold}";

static void
s_text (form_t *form, const char *text)
{
    html_escape (form->out, text);
}

//  Write tmpl as is, each %s replaced by the next argument, escaped.
static void
s_fill (form_t *form, const char *tmpl, ...)
{
    va_list args;
    va_start (args, tmpl);
    for (const char *p = tmpl; *p; p++)
        if (p [0] == '%' && p [1] == 's') {
            s_text (form, va_arg (args, const char *));
            p++;
        }
        else
            fputc (*p, form->out);
    va_end (args);
}

//  "lúc HH:MM ngày DD/MM/YYYY", "—" for no time.
static const char *
s_when (int64_t at, char *buf, size_t size)
{
    if (!at)
        return "—";
    vn_civil_t c;
    vn_civil (at, &c);
    snprintf (buf, size, "%02d giờ %02d phút, ngày %02d/%02d/%04d", c.hour, c.minute, c.day, c.month, c.year);
    return buf;
}

static void
s_line (form_t *form, const char *label, const char *value)
{
    s_fill (form, "<p>%s: %s</p>\n", label, value);
}

static void
s_line_time (form_t *form, const char *label, int64_t at)
{
    char buf [64];
    s_line (form, label, s_when (at, buf, sizeof buf));
}

//  The page head: the agency's block, the nation's motto, place and date,
//  the heading and the form's legal basis.
static void
s_begin (form_t *form, const char *agency, const char *unit, const char *title, const char *model, int64_t dated)
{
    vn_civil_t c;
    vn_civil (dated ? dated : vn_now_ms (), &c);
    s_fill (form, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>%s</title>", title);
    fprintf (form->out, "<style>%s</style></head><body>\n", s_style);
    s_fill (form, "<p class=\"model\">%s</p>\n<div class=\"hdr\"><div>%s<br><b>%s</b></div>"
                  "<div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b>"
                  "</div></div>\n", model, agency, unit);
    fprintf (form->out, "<p class=\"place\">Hà Tĩnh, ngày %02d tháng %02d năm %04d</p>\n", c.day, c.month, c.year);
    s_fill (form, "<h1>%s</h1>\n", title);
}

static void
s_sign (form_t *form, const char *left, const char *right)
{
    s_fill (form, "<div class=\"sign\"><div><b>%s</b><br><i>(Ký và ghi rõ họ tên)</i></div>"
                  "<div><b>%s</b><br><i>(Ký và ghi rõ họ tên)</i></div></div>\n", left, right);
}

static void
s_end (form_t *form, const char *rules_note)
{
    s_fill (form, "<p class=\"model\">%s</p>\n</body></html>\n", rules_note);
}

static const char *
s_rules_note (const form_t *form)
{
    return form->rules == RULES_2025 ? "Hồ sơ giải quyết theo Nghị định số 118/2025/NĐ-CP (cấp tỉnh, xã)"
                            : "Hồ sơ giải quyết theo Nghị định số 61/2018/NĐ-CP, Nghị định số 107/2021/NĐ-CP"
                              " (cấp tỉnh, huyện, xã)";
}

static void
s_list (form_t *form, const char *head, char **items, size_t count)
{
    s_fill (form, "<table><tr><th>STT</th><th>%s</th></tr>\n", head);
    for (size_t i = 0; i < count; i++) {
        fprintf (form->out, "<tr><td>%zu</td>", i + 1);
        s_fill (form, "<td>%s</td></tr>\n", items [i]);
    }
    fputs ("</table>\n", form->out);
}

static void
s_applicant (form_t *form, const Motcua__V1__DossierSheet *sheet)
{
    s_line (form, "Mã hồ sơ", sheet->item->dossier_code);
    s_line (form, "Họ và tên người nộp hồ sơ", sheet->item->applicant_name);
    s_line (form, "Số giấy tờ tùy thân (CCCD/Mã số thuế)", sheet->applicant_id);
    s_line (form, "Địa chỉ", sheet->address);
    s_line (form, "Số điện thoại", sheet->phone);
    char matter [700];
    snprintf (matter, sizeof matter, "%s (mã thủ tục %s)", sheet->item->procedure_name, sheet->item->procedure_code);
    s_line (form, "Nội dung yêu cầu giải quyết", matter);
}

static int
s_receipt (form_t *form, const Motcua__V1__DossierSheet *sheet)
{
    s_begin (form, sheet->receiving_agency_name, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
             "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01 - Thông tư số 01/2018/TT-VPCP",
             sheet->item->received_at);
    s_applicant (form, sheet);
    fputs ("<p>1. Thành phần hồ sơ nộp gồm:</p>\n", form->out);
    s_list (form, "Tên giấy tờ", sheet->components, sheet->n_components);
    s_line (form, "2. Số lượng hồ sơ", "01 bộ");
    s_line (form, "3. Thời gian giải quyết hồ sơ theo quy định", sheet->time_limit_text);
    s_line_time (form, "4. Thời gian nhận hồ sơ", sheet->item->received_at);
    s_line_time (form, "5. Thời gian trả kết quả giải quyết hồ sơ", sheet->item->due_at);
    s_line (form, "6. Đăng ký nhận kết quả tại",
            sheet->item->return_method == MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
            ? "Qua dịch vụ bưu chính công ích" : "Bộ phận tiếp nhận và trả kết quả");
    s_line (form, "Hình thức nộp hồ sơ", cli_channel_vi (sheet->channel));
    if (sheet->channel == MOTCUA__V1__CHANNEL__CHANNEL_POSTAL)    //  Decision 45/2016 art. 7
        fputs ("<p>Thời gian nhận hồ sơ là thời điểm ký Biên bản giao nhận hồ sơ với nhân viên bưu chính.</p>\n",
               form->out);
    if (!streq (sheet->receiving_agency, sheet->agency_code))
        s_line (form, "Cơ quan có thẩm quyền giải quyết", sheet->agency_name);
    if (sheet->online_answer_by) {
        s_line_time (form, "Hồ sơ nộp trực tuyến lúc", sheet->filed_at);
        s_line_time (form, "Hạn tiếp nhận hồ sơ trực tuyến (08 giờ làm việc)", sheet->online_answer_by);
        if (sheet->item->received_at > sheet->online_answer_by)
            fputs ("<p class=\"late\">Hồ sơ trực tuyến được tiếp nhận quá thời hạn 08 giờ làm việc.</p>\n", form->out);
    }
    s_sign (form, "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    s_end (form, s_rules_note (form));
    return 0;
}

static int
s_supplement (form_t *form, const Motcua__V1__DossierSheet *sheet)
{
    if (!sheet->n_missing) {
        fprintf (stderr, "motcua: FAILED_PRECONDITION (dossier_code): no supplement was requested for %s\n",
                 sheet->item->dossier_code);
        return EXIT_REFUSED;
    }
    s_begin (form, sheet->receiving_agency_name, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
             "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02 - Thông tư số 01/2018/TT-VPCP",
             sheet->supplement_requested_at);
    s_applicant (form, sheet);
    s_line_time (form, "Ngày tiếp nhận hồ sơ", sheet->item->received_at);
    s_line_time (form, "Ngày yêu cầu bổ sung", sheet->supplement_requested_at);
    fputs ("<p>Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau (yêu cầu một lần, đầy đủ):</p>\n", form->out);
    s_list (form, "Thành phần hồ sơ cần bổ sung, hoàn thiện", sheet->missing, sheet->n_missing);
    if (form->rules == RULES_2025)
        fputs ("<p>Quá 15 ngày kể từ ngày yêu cầu mà hồ sơ chưa được bổ sung, hoàn thiện thì hồ sơ được trả lại"
               " (Điều 19 Nghị định số 118/2025/NĐ-CP); thời hạn giải quyết được tính lại từ đầu khi nhận đủ"
               " hồ sơ.</p>\n", form->out);
    else
        fputs ("<p>Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.</p>\n", form->out);
    s_sign (form, "NGƯỜI NỘP HỒ SƠ", "NGƯỜI HƯỚNG DẪN");
    s_end (form, s_rules_note (form));
    return 0;
}

static int
s_delay (form_t *form, const Motcua__V1__DossierSheet *sheet)
{
    const Motcua__V1__DueChangeLine *letter = NULL;
    for (size_t i = 0; i < sheet->n_changes; i++)
        if (sheet->changes [i]->appointment_only)
            letter = sheet->changes [i];
    if (!letter) {
        fprintf (stderr, "motcua: FAILED_PRECONDITION (dossier_code): no delay letter was issued for %s\n",
                 sheet->item->dossier_code);
        return EXIT_REFUSED;
    }
    s_begin (form, sheet->agency_name, "",
             form->rules == RULES_2025 ? "PHIẾU ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
                              : "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
             form->rules == RULES_2025 ? "Văn bản xin lỗi và đề nghị gia hạn - Nghị định số 118/2025/NĐ-CP, Điều 19"
                              : "Mẫu số 04 - Thông tư số 01/2018/TT-VPCP", letter->at);
    char received [64], previous [64], due [64];
    s_fill (form, "<p>Ngày %s, %s tiếp nhận hồ sơ của ông/bà %s, mã hồ sơ %s, đề nghị giải quyết thủ tục %s.</p>\n"
                  "<p>Thời gian hẹn trả kết quả giải quyết hồ sơ: %s.</p>\n"
                  "<p>Tuy nhiên đến nay, cơ quan giải quyết hồ sơ chưa trả kết quả giải quyết hồ sơ của ông/bà"
                  " đúng hẹn. Lý do: %s.</p>\n<p>Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi xin lỗi"
                  " ông/bà và %s%s.</p>\n",
            s_when (sheet->item->received_at, received, sizeof received), sheet->receiving_agency_name,
            sheet->item->applicant_name, sheet->item->dossier_code, sheet->item->procedure_name,
            s_when (letter->previous_due_at, previous, sizeof previous), letter->reason,
            form->rules == RULES_2025 ? "đề nghị gia hạn thời gian giải quyết, hẹn lại thời gian trả kết quả: "
                             : "hẹn lại thời gian trả kết quả: ", s_when (letter->due_at, due, sizeof due));
    s_line (form, "Căn cứ", letter->rule);
    s_sign (form, "", "THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT HỒ SƠ");
    s_end (form, s_rules_note (form));
    return 0;
}

//  Division code → its name, from the sheet's steps (else the code).
static const char *
s_division_name (const Motcua__V1__DossierSheet *sheet, const char *code)
{
    for (size_t i = 0; i < sheet->n_steps; i++)
        if (streq (sheet->steps [i]->division, code))
            return sheet->steps [i]->division_name;
    if (streq (code, sheet->receiving_agency))
        return sheet->receiving_agency_name;
    return code;
}

static void
s_cell (form_t *form, const char *text)
{
    s_fill (form, "<td>%s</td>", text);
}

static int
s_control_sheet (form_t *form, const Motcua__V1__DossierSheet *sheet)
{
    s_begin (form, sheet->agency_name, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
             "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 05 - Thông tư số 01/2018/TT-VPCP",
             sheet->item->received_at);
    s_fill (form, "<p class=\"sub\">Kèm theo hồ sơ của: %s</p>\n", sheet->item->applicant_name);
    s_line (form, "Mã hồ sơ", sheet->item->dossier_code);
    s_line_time (form, "Ngày nhận hồ sơ", sheet->item->received_at);
    s_line_time (form, "Ngày hẹn trả kết quả", sheet->item->due_at);
    s_line (form, "Cơ quan (bộ phận) giải quyết hồ sơ", sheet->agency_name);
    s_line (form, "Cơ quan, đơn vị phối hợp giải quyết hồ sơ",
            streq (sheet->receiving_agency, sheet->agency_code) ? "—" : sheet->receiving_agency_name);
    fputs ("<table><tr><th>TÊN CƠ QUAN</th><th>THỜI GIAN GIAO, NHẬN HỒ SƠ</th>"
           "<th>KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)</th><th>GHI CHÚ</th></tr>\n", form->out);
    char when [64], due [64], giver [700], receiver [700];
    for (size_t i = 0; i < sheet->n_handovers; i++) {
        const Motcua__V1__HandOverLine *line = sheet->handovers [i];
        snprintf (giver, sizeof giver, "%zu. Giao: %s (%s)", i + 1, line->giver,
                  s_division_name (sheet, line->giver_division));
        snprintf (receiver, sizeof receiver, "Nhận: %s (%s)", line->receiver,
                  s_division_name (sheet, line->receiver_division));
        s_fill (form, "<tr><td>%s<br>%s</td><td>%s</td><td>%s (bước %s; hạn %s)</td><td>%s</td></tr>\n",
                giver, receiver, s_when (line->at, when, sizeof when), process_step_result_vi (line->result),
                line->step_name, s_when (line->step_due_at, due, sizeof due), line->note);
    }
    fputs ("</table>\n<p>Quy trình nội bộ và định mức thời gian từng bước:</p>\n<table><tr><th>Bước</th>"
           "<th>Nội dung</th><th>Bộ phận</th><th>Định mức (giờ)</th><th>Bắt đầu</th><th>Hạn</th>"
           "<th>Kết quả</th></tr>\n", form->out);
    for (size_t i = 0; i < sheet->n_steps; i++) {
        const Motcua__V1__ProcessStep *step = sheet->steps [i];
        char position [16], quota [16], started [64];
        snprintf (position, sizeof position, "%d", step->position);
        snprintf (quota, sizeof quota, "%d", step->quota_hours);
        fputs ("<tr>", form->out);
        s_cell (form, position);
        s_cell (form, step->name);
        s_cell (form, step->division_name);
        s_cell (form, quota);
        s_cell (form, s_when (step->started_at, started, sizeof started));
        s_cell (form, s_when (step->due_at, due, sizeof due));
        s_cell (form, process_step_result_vi (step->result));
        fputs ("</tr>\n", form->out);
    }
    fputs ("</table>\n", form->out);
    if (*sheet->result_kind) {
        char result [800];
        snprintf (result, sizeof result, "%s%s%s%s%s", result_kind_vi (sheet->result_kind),
                  *sheet->result_reference ? " — " : "", sheet->result_reference,
                  *sheet->result_sha256 ? " — SHA-256 " : "", sheet->result_sha256);
        s_line (form, "Kết quả giải quyết", result);
    }
    s_end (form, s_rules_note (form));
    return 0;
}

static int
s_routing (form_t *form, const Motcua__V1__DossierSheet *sheet)
{
    if (streq (sheet->receiving_agency, sheet->agency_code)) {
        fprintf (stderr, "motcua: FAILED_PRECONDITION (dossier_code): %s was received by its competent body;"
                 " there is no routing slip\n", sheet->item->dossier_code);
        return EXIT_REFUSED;
    }
    s_begin (form, sheet->receiving_agency_name, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "PHIẾU CHUYỂN HỒ SƠ",
             "Phiếu chuyển xử lý - Nghị định số 118/2025/NĐ-CP, Điều 18, 20",
             sheet->routed_at ? sheet->routed_at : sheet->item->received_at);
    s_line (form, "Kính gửi", sheet->agency_name);
    s_line (form, "Nơi tiếp nhận hồ sơ", sheet->receiving_agency_name);
    s_applicant (form, sheet);
    s_line_time (form, "Thời gian tiếp nhận hồ sơ", sheet->item->received_at);
    fputs ("<p>Thành phần hồ sơ chuyển kèm theo:</p>\n", form->out);
    s_list (form, "Tên giấy tờ", sheet->components, sheet->n_components);
    if (sheet->route_by)
        s_line_time (form, "Hạn chuyển hồ sơ (trong 01 ngày làm việc; nhận sau 15 giờ tính từ ngày làm việc tiếp theo)",
                     sheet->route_by);
    s_line_time (form, "Thời gian chuyển hồ sơ", sheet->routed_at);
    if (sheet->routed_at && sheet->route_by)
        s_line (form, "Kết quả", sheet->routed_at > sheet->route_by ? "Quá hạn" : "Đúng hạn");
    s_line_time (form, "Thời hạn trả kết quả", sheet->item->due_at);
    s_line (form, "Kết quả giải quyết được trả về", sheet->receiving_agency_name);
    s_sign (form, "NGƯỜI CHUYỂN HỒ SƠ", "NGƯỜI NHẬN HỒ SƠ");
    s_end (form, s_rules_note (form));
    return 0;
}

static int
s_refusal (form_t *form, const Motcua__V1__RefusalNotice *notice)
{
    form->rules = rule_set_of (notice->rule_set);
    s_begin (form, "Sở Nội vụ tỉnh Hà Tĩnh", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
             form->rules == RULES_2025 ? "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"
                              : "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
             form->rules == RULES_2025 ? "Phiếu từ chối tiếp nhận giải quyết hồ sơ - Nghị định số 118/2025/NĐ-CP"
                              : "Mẫu số 03 - Thông tư số 01/2018/TT-VPCP", notice->refused_at);
    s_line (form, "Số", notice->number);
    s_line (form, "Họ và tên người nộp hồ sơ", notice->applicant->name);
    s_line (form, "Số giấy tờ tùy thân (CCCD/Mã số thuế)", notice->applicant->id_number);
    s_line (form, "Địa chỉ", notice->applicant->address);
    s_line (form, "Số điện thoại", notice->applicant->phone);
    char matter [700];
    snprintf (matter, sizeof matter, "%s (mã thủ tục %s)", notice->procedure_name, notice->procedure_code);
    s_line (form, "Nội dung yêu cầu giải quyết", matter);
    s_line_time (form, "Thời gian", notice->refused_at);
    s_fill (form, "<p>Căn cứ quy định, Bộ phận tiếp nhận và trả kết quả từ chối tiếp nhận hồ sơ với lý do:</p>\n"
                  "<p><b>%s</b></p>\n<p>Xin thông báo để ông/bà được biết.</p>\n", notice->reason);
    s_sign (form, "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    s_end (form, form->rules == RULES_2025 ? "Nghị định số 118/2025/NĐ-CP" : "Nghị định số 61/2018/NĐ-CP");
    return 0;
}

//  Render html_path to pdf_path with headless Chromium. 0 or -1.
static int
s_pdf (const char *html_path, const char *pdf_path, const char *work_dir)
{
    const char *browser = getenv ("MOTCUA_CHROMIUM") ? getenv ("MOTCUA_CHROMIUM") : "chromium";
    char print_to [1200], profile [1200], url [1200];
    snprintf (print_to, sizeof print_to, "--print-to-pdf=%s", pdf_path);
    snprintf (profile, sizeof profile, "--user-data-dir=%s/profile", work_dir);
    snprintf (url, sizeof url, "file://%s", html_path);
    char *args [] = { (char *) browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                      profile, print_to, url, NULL };
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init (&actions);
    posix_spawn_file_actions_addopen (&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen (&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp (&pid, browser, &actions, NULL, args, environ);
    posix_spawn_file_actions_destroy (&actions);
    int status = 0;
    if (rc != 0 || waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return -1;
    return zsys_file_exists (pdf_path) ? 0 : -1;
}

typedef int (form_fn) (form_t *form, const Motcua__V1__DossierSheet *sheet);

static const struct { const char *kind; form_fn *render; } s_forms [] = {
    { "receipt", s_receipt }, { "supplement", s_supplement }, { "delay", s_delay },
    { "control-sheet", s_control_sheet }, { "routing", s_routing }, { "refusal", NULL },
};

//  Render the form into out. 0, or the exit code of the failure.
static int
s_render (cli_t *cli, const char *kind, const char *code, FILE *out)
{
    form_t form = { out, RULES_2025 };
    if (streq (kind, "refusal")) {
        client_t *client = cli_client (cli, "intake", "counter");
        intake_reply_t *reply = client ? intake_client_refusal (client, code) : NULL;
        int rc = cli_outcome (cli, "intake", (ProtobufCMessage *) reply);
        if (rc == 0)
            rc = s_refusal (&form, reply->refusal);
        intake_reply_destroy (&reply);
        client_destroy (&client);
        return rc;
    }
    form_fn *render = NULL;
    for (size_t i = 0; i < sizeof s_forms / sizeof s_forms [0]; i++)
        if (streq (s_forms [i].kind, kind))
            render = s_forms [i].render;
    client_t *client = cli_client (cli, "processing", "counter");
    processing_reply_t *reply = client ? processing_client_sheet (client, code) : NULL;
    int rc = cli_outcome (cli, "processing", (ProtobufCMessage *) reply);
    if (rc == 0) {
        form.rules = rule_set_of (reply->sheet->item->rule_set);
        rc = render (&form, reply->sheet);
    }
    processing_reply_destroy (&reply);
    client_destroy (&client);
    return rc;
}

static int
s_print (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "out", "pdf"))
        return EXIT_USAGE;
    bool known = false, pdf = cli_flag (&cli, "pdf");
    const char *out_path = cli_option (&cli, "out");
    for (size_t i = 0; cli.n_positional == 2 && i < sizeof s_forms / sizeof s_forms [0]; i++)
        known |= streq (s_forms [i].kind, cli.positional [0]);
    if (!known || (pdf && !out_path)) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua print receipt|supplement|refusal|delay|control-sheet|routing CODE"
                          " [--out FILE] [--pdf (with --out FILE.pdf)]");
    }
    //  HTML goes to the file, to standard output, or (for a PDF) to a page
    //  in a private working folder that Chromium prints.
    char work [] = "/tmp/motcua-print.XXXXXX", page [1100];
    if (pdf && !mkdtemp (work)) {
        cli_cleanup (&cli);
        fprintf (stderr, "motcua: cannot make a working folder for the PDF\n");
        return EXIT_USAGE;
    }
    snprintf (page, sizeof page, "%s/form.html", work);
    FILE *out = pdf ? fopen (page, "w") : out_path ? fopen (out_path, "w") : stdout;
    if (!out) {
        fprintf (stderr, "motcua: cannot write %s\n", pdf ? page : out_path);
        cli_cleanup (&cli);
        return EXIT_USAGE;
    }
    int rc = s_render (&cli, cli.positional [0], cli.positional [1], out);
    if (out != stdout)
        fclose (out);
    if (rc == 0 && pdf && s_pdf (page, out_path, work)) {
        fprintf (stderr, "motcua: UNAVAILABLE: Chromium could not print %s (is `chromium` installed?)\n", out_path);
        rc = EXIT_NO_ANSWER;
    }
    if (rc && out_path && !pdf)
        remove (out_path);
    if (pdf) {
        zdir_t *dir = zdir_new (work, NULL);
        if (dir)
            zdir_remove (dir, true);
        zdir_destroy (&dir);
    }
    if (rc == 0 && out_path)
        printf ("%s\n", out_path);
    cli_cleanup (&cli);
    return rc;
}

static const cli_command_t s_commands [] = {
    { NULL, s_print, "print receipt|supplement|refusal|delay|control-sheet|routing CODE [--out FILE] [--pdf]" },
};
const cli_word_t cmd_print = CLI_WORD ("print", s_commands);
