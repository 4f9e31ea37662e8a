/*  report — `motcua report …`: the forms, rates and lists reporting serves.
    Here the word's table and form II.06a on the terminal, in JSON or as files:
      motcua report [--from D --to D | --period KIND:YEAR[-N]] [--calendar]
                    [--by agency,field,level,procedure] [--facts]
                    [--json | --csv FILE | --xlsx FILE]
    Without --period and --by, `motcua report` prints what it always did.
    The other report commands (report.h): report_check.c, report_dossiers.c,
    report_rates.c, report_citizen.c, report_postal.c; what they share:
    kit/report_cli.c.                                                       */
#include <czmq.h>
#include "report.h"
#include "report_out.h"

#define FORM_TITLE "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu mẫu II.06a)\n"

//  The form's rows as a text table.
static void
s_print_rows (const Motcua__V1__Report06a *r)
{
    printf ("%-4s ", "STT");
    cli_pad ("Lĩnh vực, công việc giải quyết theo cấp", 44);
    printf (" %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n", "Tổng", "T.tuyến", "T.tiếp", "Kỳ trước",
            "Đã GQ", "Tr.hạn", "Đ.hạn", "Q.hạn", "Đang GQ", "Tr.hạn", "Q.hạn");
    for (size_t i = 0; i <= r->n_rows; i++) {
        const Motcua__V1__Report06aRow *row = i < r->n_rows ? r->rows [i] : NULL;
        char label [512];
        long long v [11];
        report_out_label (row, label, sizeof label);
        report_out_numbers (row ? row->counts : r, v);
        if (row)
            printf ("%-4zu ", i + 1);
        else
            printf ("     ");
        char cut [160];
        snprintf (cut, sizeof cut, "%.120s", label);
        cli_pad (cut, 44);
        for (int c = 0; c < 11; c++)
            printf (" %8lld", v [c]);
        printf ("\n");
    }
}

//  The form's totals, one figure a line, as `motcua report` always printed them.
static void
s_print_totals (const Motcua__V1__Report06a *r, const char *from, const char *to)
{
    printf (FORM_TITLE
            "Kỳ báo cáo: từ %s đến %s\n\n"
            "Tổng số hồ sơ tiếp nhận               %8lld\n"
            "  Trực tuyến                          %8lld\n"
            "  Trực tiếp                           %8lld\n"
            "  Qua dịch vụ bưu chính công ích      %8lld\n"
            "  Từ kỳ trước chuyển qua              %8lld\n"
            "Số hồ sơ đã giải quyết                %8lld\n"
            "  Trước hạn                           %8lld\n"
            "  Đúng hạn                            %8lld\n"
            "  Quá hạn                             %8lld\n"
            "Số hồ sơ đang giải quyết              %8lld\n"
            "  Trong hạn                           %8lld\n"
            "  Quá hạn                             %8lld\n",
            from, to,
            (long long) r->received_total, (long long) r->received_online,
            (long long) r->received_direct, (long long) r->received_postal,
            (long long) r->carried_over, (long long) r->resolved_total,
            (long long) r->resolved_early, (long long) r->resolved_on_time,
            (long long) r->resolved_late, (long long) r->in_progress_total,
            (long long) r->in_progress_within, (long long) r->in_progress_overdue);
}

static void
s_json (const Motcua__V1__Report06a *r, const char *from, const char *to, bool grouped)
{
    json_t json;
    json_document (&json, stdout);
    json_string (&json, "from", from);
    json_string (&json, "to", to);
    report_json_counts (&json, r);
    json_string (&json, "period_label", r->period_label);
    json_bool (&json, "from_rollups", r->from_rollups);
    if (grouped) {
        json_array (&json, "rows");
        for (size_t i = 0; i < r->n_rows; i++) {
            const Motcua__V1__Report06aRow *row = r->rows [i];
            json_object (&json, NULL);
            json_string (&json, "agency_code", row->agency_code);
            json_string (&json, "agency_name", row->agency_name);
            json_string (&json, "field", row->field);
            json_string (&json, "level", row->level);
            json_string (&json, "procedure_code", row->procedure_code);
            json_string (&json, "procedure_name", row->procedure_name);
            report_json_counts (&json, row->counts);
            json_end_object (&json);
        }
        json_end_array (&json);
    }
    json_end_document (&json);
}

//  The form as the options ask: a workbook, a CSV file, JSON, the rows or the totals.
static int
s_show (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    bool grouped = *(size_t *) arg > 0;
    const Motcua__V1__Report06a *r = reply->report;
    char from [16], to [16];
    const char *csv = cli_option (cli, "csv");
    const char *xlsx = cli_option (cli, "xlsx");
    bool csv_out = csv && streq (csv, "-");
    int rc = 0;
    report_cli_day (r->from, from, sizeof from);
    report_cli_day (r->to - 1, to, sizeof to);
    if (xlsx && report_out_xlsx (xlsx, r, getenv ("MOTCUA_AGENCY_NAME"))) {
        fprintf (stderr, "motcua: cannot write %s\n", xlsx);
        rc = EXIT_USAGE;
    }
    if (csv && !rc) {
        FILE *out = report_cli_open (csv);
        if (!out || report_cli_close (csv, out, report_out_csv (out, r)))
            rc = EXIT_USAGE;
    }
    if (cli->json)
        s_json (r, from, to, grouped);
    else
    if (grouped && !csv_out) {
        printf (FORM_TITLE "Kỳ báo cáo: %s (từ %s đến %s)\n\n", r->period_label, from, to);
        s_print_rows (r);
    }
    else
    if (!csv_out)
        s_print_totals (r, cli_option_or (cli, "from", from), cli_option_or (cli, "to", to));
    return rc;
}

static int
s_report (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__Grouping groups [4];
    size_t n_groups;
    if (report_cli_start (&cli, argc, argv, REPORT_CLI_PERIOD_OPTIONS ",by,csv,xlsx", "calendar,facts", &report))
        return EXIT_USAGE;
    if (report_cli_groups (&cli, groups, &n_groups)) {
        cli_cleanup (&cli);
        return EXIT_USAGE;
    }
    return report_cli_run_06a (&cli, &report, groups, n_groups, s_show, &n_groups);
}

static const cli_command_t s_commands [] = {
    { "postal", report_postal, "report postal --from YYYY-MM-DD --to YYYY-MM-DD   postal (BCCI) intake, return, on-time delivery" },
    { "check", report_check, "report check [PERIOD] [--by K] | FILE.csv [--rate N/D=P]   the II.06a identities, stated rates" },
    { "drill", report_drill, "report drill PERIOD --column C [--field F] [--procedure P] …   the dossiers behind a cell" },
    { "rates", report_rates, "report rates PERIOD               online, digitisation, postal, on-time rates" },
    { "series", report_series, "report series PERIOD [--field F …]   counts and rates month by month" },
    { "logbook", report_logbook, "report logbook PERIOD [--csv F] [--xlsx F]   the log book (Mẫu 06)" },
    { "feedback", report_feedback, "report feedback PERIOD            feedback (PAKN): received, new, carried over, handled" },
    { "satisfaction", report_satisfaction, "report satisfaction PERIOD        2018 indicators, 2025 items, citizens' ratings" },
    { "07b", report_07b, "report 07b PERIOD                 form II.07b: procedures by level" },
    { NULL, s_report, "report --from YYYY-MM-DD --to YYYY-MM-DD   form II.06a totals\n"
      "               PERIOD = --from D --to D | --period month:YYYY-MM|quarter:YYYY-Q|half:YYYY|nine:YYYY|year:YYYY\n"
      "               [--calendar] [--by agency,field,level,procedure] [--json|--csv FILE|--xlsx FILE]" },
};
const cli_word_t cmd_report = CLI_WORD ("report", s_commands);
