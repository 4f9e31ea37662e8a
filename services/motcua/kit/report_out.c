/*  report_out — II.06a and the log book as xlsx and CSV. See report_out.h. */
#include <czmq.h>
#include <xlsxwriter.h>
#include "report_out.h"
#include "form06a.h"
#include "csv.h"
#include "vntime.h"

static const char *
s_level (const char *level)
{
    return streq (level, "province") ? "Cấp tỉnh" : streq (level, "district") ? "Cấp huyện"
         : streq (level, "commune") ? "Cấp xã" : level;
}

void
report_out_label (const Motcua__V1__Report06aRow *row, char *buf, size_t size)
{
    if (!row) {
        snprintf (buf, size, "Tổng cộng");
        return;
    }
    size_t at = 0;
    buf [0] = 0;
    const char *parts [4] = {
        *row->agency_name ? row->agency_name : row->agency_code,
        row->field, s_level (row->level), row->procedure_code
    };
    for (int i = 0; i < 4; i++)
        if (*parts [i] && at < size) {
            if (i == 3 && *row->procedure_name)
                at += (size_t) snprintf (buf + at, size - at, "%s%s — %s", at ? " / " : "", parts [i],
                                         row->procedure_name);
            else
                at += (size_t) snprintf (buf + at, size - at, "%s%s", at ? " / " : "", parts [i]);
        }
    if (!buf [0])
        snprintf (buf, size, "(không rõ)");
}

void
report_out_numbers (const Motcua__V1__Report06a *c, long long v [11])
{
    long long n [11] = {
        c->received_total, c->received_online, c->received_direct + c->received_postal, c->carried_over,
        c->resolved_total, c->resolved_early, c->resolved_on_time, c->resolved_late,
        c->in_progress_total, c->in_progress_within, c->in_progress_overdue,
    };
    memcpy (v, n, sizeof n);
}

int
report_out_csv (FILE *out, const Motcua__V1__Report06a *report)
{
    for (int i = 0; i < 13; i++) {
        char heading [160];
        snprintf (heading, sizeof heading, "%s%s%s", form06a_groups [i], *form06a_groups [i] ? ": " : "",
                  form06a_headings [i]);
        csv_write (out, heading, i == 12);
    }
    for (size_t r = 0; r <= report->n_rows; r++) {
        const Motcua__V1__Report06aRow *row = r < report->n_rows ? report->rows [r] : NULL;
        char number [24], label [512];
        long long v [11];
        snprintf (number, sizeof number, "%zu", r + 1);
        report_out_label (row, label, sizeof label);
        report_out_numbers (row ? row->counts : report, v);
        csv_write (out, row ? number : "", false);
        csv_write (out, label, false);
        for (int i = 0; i < 11; i++) {
            snprintf (number, sizeof number, "%lld", v [i]);
            csv_write (out, number, i == 10);
        }
    }
    return ferror (out) ? -1 : 0;
}

int
report_out_xlsx (const char *path, const Motcua__V1__Report06a *report, const char *agency)
{
    lxw_workbook *book = workbook_new (path);
    if (!book)
        return -1;
    lxw_worksheet *sheet = workbook_add_worksheet (book, "II.06a");
    lxw_format *title = workbook_add_format (book);
    format_set_bold (title);
    format_set_font_size (title, 13);
    format_set_align (title, LXW_ALIGN_CENTER);
    format_set_align (title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap (title);
    lxw_format *centre = workbook_add_format (book);
    format_set_align (centre, LXW_ALIGN_CENTER);
    format_set_italic (centre);
    lxw_format *head = workbook_add_format (book);
    format_set_bold (head);
    format_set_border (head, LXW_BORDER_THIN);
    format_set_align (head, LXW_ALIGN_CENTER);
    format_set_align (head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap (head);
    lxw_format *cell = workbook_add_format (book);
    format_set_border (cell, LXW_BORDER_THIN);
    format_set_text_wrap (cell);
    lxw_format *number = workbook_add_format (book);
    format_set_border (number, LXW_BORDER_THIN);
    format_set_num_format (number, "#,##0");
    lxw_format *total = workbook_add_format (book);
    format_set_border (total, LXW_BORDER_THIN);
    format_set_bold (total);
    format_set_num_format (total, "#,##0");

    worksheet_set_column (sheet, 0, 0, 5, NULL);
    worksheet_set_column (sheet, 1, 1, 48, NULL);
    worksheet_set_column (sheet, 2, 12, 11, NULL);
    worksheet_write_string (sheet, 0, 0, "Biểu số II.06a/VPCP/KSTT", NULL);
    worksheet_write_string (sheet, 0, 9, agency && *agency ? agency : "", NULL);
    worksheet_set_row (sheet, 1, 36, NULL);
    worksheet_merge_range (sheet, 1, 0, 1, 12,
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", title);
    char period [256], from [16], to [16];
    vn_civil_t a, b;
    vn_civil (report->from, &a);
    vn_civil (report->to - 1, &b);
    snprintf (from, sizeof from, "%02d/%02d/%04d", a.day, a.month, a.year);
    snprintf (to, sizeof to, "%02d/%02d/%04d", b.day, b.month, b.year);
    snprintf (period, sizeof period, "Kỳ báo cáo: %s (Từ ngày %s đến ngày %s)", report->period_label, from, to);
    worksheet_merge_range (sheet, 2, 0, 2, 12, period, centre);
    worksheet_merge_range (sheet, 3, 0, 3, 12, "Đơn vị tính: Số hồ sơ TTHC", centre);
    //  The header: three rows, merged as the form prints it, then column numbers.
    int h = 4;
    worksheet_merge_range (sheet, h, 0, h + 2, 0, "STT", head);
    worksheet_merge_range (sheet, h, 1, h + 2, 1, "Lĩnh vực, công việc giải quyết theo cấp", head);
    worksheet_merge_range (sheet, h, 2, h, 5, "Số hồ sơ nhận giải quyết", head);
    worksheet_merge_range (sheet, h, 6, h, 9, "Số hồ sơ đã giải quyết", head);
    worksheet_merge_range (sheet, h, 10, h, 12, "Số hồ sơ đang giải quyết", head);
    worksheet_merge_range (sheet, h + 1, 2, h + 2, 2, "Tổng số", head);
    worksheet_merge_range (sheet, h + 1, 3, h + 1, 4, "Số mới tiếp nhận", head);
    worksheet_merge_range (sheet, h + 1, 5, h + 2, 5, "Từ kỳ trước", head);
    worksheet_merge_range (sheet, h + 1, 6, h + 2, 6, "Tổng số", head);
    worksheet_merge_range (sheet, h + 1, 7, h + 1, 9, "Trong đó", head);
    worksheet_merge_range (sheet, h + 1, 10, h + 2, 10, "Tổng số", head);
    worksheet_merge_range (sheet, h + 1, 11, h + 1, 12, "Trong đó", head);
    const int leaves [] = { 3, 4, 7, 8, 9, 11, 12 };
    for (size_t i = 0; i < sizeof leaves / sizeof leaves [0]; i++)
        worksheet_write_string (sheet, h + 2, (lxw_col_t) leaves [i], form06a_headings [leaves [i]], head);
    worksheet_set_row (sheet, h + 2, 45, NULL);
    for (int c = 0; c < 13; c++) {
        char n [16];
        snprintf (n, sizeof n, "(%d)", c + 1);
        worksheet_write_string (sheet, h + 3, (lxw_col_t) c, n, head);
    }
    lxw_row_t at = (lxw_row_t) h + 4;
    for (size_t r = 0; r <= report->n_rows; r++, at++) {
        const Motcua__V1__Report06aRow *row = r < report->n_rows ? report->rows [r] : NULL;
        char label [512];
        long long v [11];
        report_out_label (row, label, sizeof label);
        report_out_numbers (row ? row->counts : report, v);
        if (row)
            worksheet_write_number (sheet, at, 0, (double) (r + 1), cell);
        else
            worksheet_write_blank (sheet, at, 0, cell);
        worksheet_write_string (sheet, at, 1, label, row ? cell : total);
        for (int i = 0; i < 11; i++)
            worksheet_write_number (sheet, at, (lxw_col_t) (i + 2), (double) v [i], row ? number : total);
    }
    worksheet_freeze_panes (sheet, (lxw_row_t) h + 4, 2);
    return workbook_close (book) == LXW_NO_ERROR ? 0 : -1;
}

static const char *s_log_headings [] = {
    "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết", "Nhận hồ sơ (giờ, ngày, tháng, năm)", "Hẹn trả kết quả",
    "Trả kết quả (giờ, ngày, tháng, năm)", "Hình thức nộp, nhận", "Ghi chú",
};
#define LOG_COLUMNS 11

//  One log-book line's cells (into bufs).
static void
s_log_cells (const Motcua__V1__DossierSummary *d, size_t i, char cells [LOG_COLUMNS][512])
{
    char when [40];
    snprintf (cells [0], 512, "%zu", i + 1);
    snprintf (cells [1], 512, "%s", d->dossier_code);
    snprintf (cells [2], 512, "%s%s%s", d->procedure_code, *d->procedure_name ? " — " : "", d->procedure_name);
    snprintf (cells [3], 512, "%s", d->applicant_name);
    snprintf (cells [4], 512, "%s%s%s", d->applicant_address, *d->applicant_phone ? "; " : "", d->applicant_phone);
    snprintf (cells [5], 512, "%s", d->agency_code);
    snprintf (cells [6], 512, "%s", d->received_at ? vn_format_form (d->received_at, when, sizeof when) : "");
    snprintf (cells [7], 512, "%s", d->due_at ? vn_format_form (d->due_at, when, sizeof when) : "");
    snprintf (cells [8], 512, "%s", d->returned_at ? vn_format_form (d->returned_at, when, sizeof when) : "");
    snprintf (cells [9], 512, "nộp %s, nhận %s",
              d->channel == 2 ? "trực tuyến" : d->channel == 3 ? "qua bưu chính" : "trực tiếp",
              d->return_method == 2 ? "qua bưu chính" : "tại Bộ phận Một cửa");
    snprintf (cells [10], 512, "%s", streq (d->status, "withdrawn") ? "Rút hồ sơ"
              : streq (d->status, "closed") ? "Dừng giải quyết" : streq (d->timeliness, "late") ? "Quá hạn" : "");
}

int
report_out_log_csv (FILE *out, const Motcua__V1__DossierList *list)
{
    for (int c = 0; c < LOG_COLUMNS; c++)
        csv_write (out, s_log_headings [c], c == LOG_COLUMNS - 1);
    static char cells [LOG_COLUMNS][512];
    for (size_t i = 0; i < list->n_dossiers; i++) {
        s_log_cells (list->dossiers [i], i, cells);
        for (int c = 0; c < LOG_COLUMNS; c++)
            csv_write (out, cells [c], c == LOG_COLUMNS - 1);
    }
    return ferror (out) ? -1 : 0;
}

int
report_out_log_xlsx (const char *path, const Motcua__V1__DossierList *list, const char *period)
{
    lxw_workbook *book = workbook_new (path);
    if (!book)
        return -1;
    lxw_worksheet *sheet = workbook_add_worksheet (book, "Sổ theo dõi hồ sơ");
    lxw_format *title = workbook_add_format (book);
    format_set_bold (title);
    format_set_align (title, LXW_ALIGN_CENTER);
    lxw_format *head = workbook_add_format (book);
    format_set_bold (head);
    format_set_border (head, LXW_BORDER_THIN);
    format_set_text_wrap (head);
    format_set_align (head, LXW_ALIGN_CENTER);
    lxw_format *cell = workbook_add_format (book);
    format_set_border (cell, LXW_BORDER_THIN);
    format_set_text_wrap (cell);
    worksheet_write_string (sheet, 0, 0, "Mẫu số 06", NULL);
    worksheet_merge_range (sheet, 1, 0, 1, LOG_COLUMNS - 1, "SỔ THEO DÕI HỒ SƠ", title);
    worksheet_merge_range (sheet, 2, 0, 2, LOG_COLUMNS - 1, period, NULL);
    worksheet_set_column (sheet, 1, LOG_COLUMNS - 1, 20, NULL);
    for (int c = 0; c < LOG_COLUMNS; c++)
        worksheet_write_string (sheet, 3, (lxw_col_t) c, s_log_headings [c], head);
    static char cells [LOG_COLUMNS][512];
    for (size_t i = 0; i < list->n_dossiers; i++) {
        s_log_cells (list->dossiers [i], i, cells);
        worksheet_write_number (sheet, (lxw_row_t) (4 + i), 0, (double) (i + 1), cell);
        for (int c = 1; c < LOG_COLUMNS; c++)
            worksheet_write_string (sheet, (lxw_row_t) (4 + i), (lxw_col_t) c, cells [c], cell);
    }
    return workbook_close (book) == LXW_NO_ERROR ? 0 : -1;
}
