/*  report_dossiers — the report commands that list dossiers:
      motcua report drill --column C [--agency A --field F --level L --procedure P]
                          [--limit N --offset N] PERIOD     the dossiers behind a cell
      motcua report logbook PERIOD [--csv FILE | --xlsx FILE]   the log book (Mẫu 06) */
#include <czmq.h>
#include "report.h"
#include "report_out.h"
#include "vntime.h"
#include "trace_json.h"

//  The dossiers behind the cell named by arg (the column), one a line.
static int
s_show_drill (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    const Motcua__V1__DossierList *list = reply->dossiers;
    if (cli->json) {
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "column", (const char *) arg);
        report_json_dossiers (&json, list, true);
        json_end_document (&json);
        return 0;
    }
    for (size_t i = 0; i < list->n_dossiers; i++) {
        const Motcua__V1__DossierSummary *d = list->dossiers [i];
        char at [40];
        printf ("%-24s %-12s %s  ", d->dossier_code, d->procedure_code,
                vn_format_form (d->received_at, at, sizeof at));
        cli_pad (trace_status_label (d->status), 16);
        printf ("%s\n", d->field);
    }
    printf ("%lld hồ sơ\n", (long long) list->total);
    return 0;
}

int
report_drill (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__DrillRequest drill = MOTCUA__V1__DRILL_REQUEST__INIT;
    if (report_cli_start (&cli, argc, argv, REPORT_CLI_PERIOD_OPTIONS ",column,agency,field,level,procedure,limit,offset",
                          "calendar,facts", &period))
        return EXIT_USAGE;
    drill.period = &period;
    drill.column = (char *) cli_option_or (&cli, "column", "received_total");
    drill.agency_code = (char *) cli_option_or (&cli, "agency", "");
    drill.field = (char *) cli_option_or (&cli, "field", "");
    drill.level = (char *) cli_option_or (&cli, "level", "");
    drill.procedure_code = (char *) cli_option_or (&cli, "procedure", "");
    drill.limit = atoi (cli_option_or (&cli, "limit", "100"));
    drill.offset = atoi (cli_option_or (&cli, "offset", "0"));
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_DRILL;
    request.drill = &drill;
    return report_cli_run (&cli, "dashboard", &request, s_show_drill, drill.column);
}

//  The log book as the options ask: a workbook, a CSV file, JSON, or its count.
static int
s_show_logbook (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__DossierList *list = reply->dossiers;
    const char *csv = cli_option (cli, "csv");
    const char *xlsx = cli_option (cli, "xlsx");
    char from [16], to [16], title [96];
    int rc = 0;
    report_cli_day (list->from, from, sizeof from);
    report_cli_day (list->to - 1, to, sizeof to);
    snprintf (title, sizeof title, "Từ ngày %s đến ngày %s", from, to);
    if (xlsx && report_out_log_xlsx (xlsx, list, title)) {
        fprintf (stderr, "motcua: cannot write %s\n", xlsx);
        rc = EXIT_USAGE;
    }
    if (csv && !rc) {
        FILE *out = report_cli_open (csv);
        if (!out || report_cli_close (csv, out, report_out_log_csv (out, list)))
            rc = EXIT_USAGE;
    }
    if (cli->json) {
        json_t json;
        json_document (&json, stdout);
        report_json_dossiers (&json, list, true);
        json_end_document (&json);
    }
    else
    if (!csv || !streq (csv, "-"))
        printf ("SỔ THEO DÕI HỒ SƠ (Mẫu số 06) — %s: %lld hồ sơ\n", title, (long long) list->total);
    return rc;
}

int
report_logbook (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__PeriodRequest book = MOTCUA__V1__PERIOD_REQUEST__INIT;
    if (report_cli_start (&cli, argc, argv, REPORT_CLI_PERIOD_OPTIONS ",csv,xlsx", "calendar", &period))
        return EXIT_USAGE;
    book.period = &period;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_LOG_BOOK;
    request.log_book = &book;
    //  The log book names applicants: the counter keeps it (the dashboard sees it without them).
    return report_cli_run (&cli, "counter", &request, s_show_logbook, NULL);
}
