/*  cmd_report — the report commands:
      motcua report [--from D --to D | --period KIND:YEAR[-N]] [--calendar]
                    [--by agency,field,level,procedure] [--facts]
                    [--json | --csv FILE | --xlsx FILE]        form II.06a
      motcua report check [period options | FILE.csv] [--rate N/D=P …]   the identities, stated rates
      motcua report drill --column C [keys] [period]           the dossiers behind a cell
      motcua report rates | series [period]                    rates, months
      motcua report logbook [period] [--csv FILE | --xlsx FILE]   Mẫu 06
    Without --period and --by, `motcua report` prints what it always did.   */
#include <czmq.h>
#include "cli.h"
#include "csv.h"
#include "json.h"
#include "vntime.h"
#include "period.h"
#include "form06a.h"
#include "report_out.h"
#include "reporting_client.h"

#define PERIOD_OPTIONS "from,to,period"
#define PERIOD_USAGE "--from YYYY-MM-DD --to YYYY-MM-DD | --period month:YYYY-MM|quarter:YYYY-Q|half:YYYY|nine:YYYY|year:YYYY [--calendar]"

//  The period options into request. 0, or -1 (usage printed).
static int
s_period (cli_t *cli, Motcua__V1__ReportRequest *request)
{
    const char *text = cli_option (cli, "period");
    request->calendar = cli_flag (cli, "calendar");
    request->from_facts = cli_flag (cli, "facts");
    if (text) {
        period_kind_t kind;
        int year, number;
        if (period_parse (text, &kind, &year, &number)) {
            fprintf (stderr, "motcua: --period: '%s' is not month:YYYY-MM, quarter:YYYY-Q, half:YYYY, nine:YYYY or year:YYYY\n", text);
            return -1;
        }
        request->period = (Motcua__V1__PeriodKind) kind;
        request->year = year;
        request->number = number;
        return 0;
    }
    int64_t from, to;
    if (vn_parse_date (cli_option (cli, "from"), &from) || vn_parse_date (cli_option (cli, "to"), &to)) {
        cli_usage ("usage: motcua report " PERIOD_USAGE " (both days included)");
        return -1;
    }
    request->from = from;
    request->to = to + MS_PER_DAY;          //  the --to day is included
    return 0;
}

//  Parse a period command's options and its period. 0, or -1 (said why).
static int
s_start (cli_t *cli, int argc, char **argv, const char *options, const char *flags,
         Motcua__V1__ReportRequest *period)
{
    if (cli_parse (cli, argc, argv, options, flags))
        return -1;
    if (s_period (cli, period)) {
        cli_cleanup (cli);
        return -1;
    }
    return 0;
}

static int
s_groups (cli_t *cli, Motcua__V1__Grouping *groups, size_t *n)
{
    *n = 0;
    const char *by = cli_option (cli, "by");
    if (!by)
        return 0;
    char copy [128];
    snprintf (copy, sizeof copy, "%s", by);
    for (char *save = NULL, *word = strtok_r (copy, ",", &save); word; word = strtok_r (NULL, ",", &save)) {
        Motcua__V1__Grouping g = streq (word, "agency") ? MOTCUA__V1__GROUPING__GROUPING_AGENCY
                               : streq (word, "field") ? MOTCUA__V1__GROUPING__GROUPING_FIELD
                               : streq (word, "level") ? MOTCUA__V1__GROUPING__GROUPING_LEVEL
                               : streq (word, "procedure") ? MOTCUA__V1__GROUPING__GROUPING_PROCEDURE : 0;
        if (!g || *n >= 4) {
            fprintf (stderr, "motcua: --by takes agency, field, level, procedure (comma-separated)\n");
            return -1;
        }
        groups [(*n)++] = g;
    }
    return 0;
}

//  Send one request and check the answer. Returns rc as cli_outcome.
static int
s_ask (cli_t *cli, client_t **client, Motcua__V1__ReportingRequest *request, reporting_reply_t **reply)
{
    *client = cli_client (cli, "reporting", "dashboard");
    *reply = *client ? reporting_client_send (*client, request) : NULL;
    return cli_outcome (cli, "reporting", (ProtobufCMessage *) *reply);
}

static void
s_json_counts (json_t *json, const Motcua__V1__Report06a *r)
{
    json_int (json, "received_total", r->received_total);
    json_int (json, "received_online", r->received_online);
    json_int (json, "received_direct", r->received_direct);
    json_int (json, "received_postal", r->received_postal);
    json_int (json, "carried_over", r->carried_over);
    json_int (json, "resolved_total", r->resolved_total);
    json_int (json, "resolved_early", r->resolved_early);
    json_int (json, "resolved_on_time", r->resolved_on_time);
    json_int (json, "resolved_late", r->resolved_late);
    json_int (json, "in_progress_total", r->in_progress_total);
    json_int (json, "in_progress_within", r->in_progress_within);
    json_int (json, "in_progress_overdue", r->in_progress_overdue);
}

static void
s_day (int64_t at, char *buf, size_t size)
{
    vn_civil_t c;
    vn_civil (at, &c);
    snprintf (buf, size, "%04d-%02d-%02d", c.year, c.month, c.day);
}

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

static int
s_write_file (const char *path, int (*write) (FILE *, const Motcua__V1__Report06a *), const Motcua__V1__Report06a *r)
{
    FILE *out = streq (path, "-") ? stdout : fopen (path, "w");
    if (!out) {
        fprintf (stderr, "motcua: cannot write %s: %s\n", path, strerror (errno));
        return EXIT_USAGE;
    }
    int rc = write (out, r);
    if (out != stdout)
        rc |= fclose (out);
    return rc ? EXIT_USAGE : 0;
}

int
cmd_report (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__Grouping groups [4];
    size_t n_groups;
    if (s_start (&cli, argc, argv, PERIOD_OPTIONS ",by,csv,xlsx", "calendar,facts", &report))
        return EXIT_USAGE;
    if (s_groups (&cli, groups, &n_groups)) {
        cli_cleanup (&cli);
        return EXIT_USAGE;
    }
    report.n_group_by = n_groups;
    report.group_by = groups;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = &report;
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (&cli, &client, &request, &reply);
    if (rc == 0) {
        Motcua__V1__Report06a *r = reply->report;
        char from [16], to [16];
        const char *csv = cli_option (&cli, "csv");
        bool csv_out = csv && streq (csv, "-");
        s_day (r->from, from, sizeof from);
        s_day (r->to - 1, to, sizeof to);
        if (cli_option (&cli, "xlsx")) {
            rc = report_out_xlsx (cli_option (&cli, "xlsx"), r, getenv ("MOTCUA_AGENCY_NAME")) ? EXIT_USAGE : 0;
            if (rc)
                fprintf (stderr, "motcua: cannot write %s\n", cli_option (&cli, "xlsx"));
        }
        if (csv && !rc)
            rc = s_write_file (csv, report_out_csv, r);
        if (cli.json) {
            json_t json;
            json_begin (&json, stdout);
            json_object (&json, NULL);
            json_string (&json, "from", from);
            json_string (&json, "to", to);
            s_json_counts (&json, r);
            json_string (&json, "period_label", r->period_label);
            json_bool (&json, "from_rollups", r->from_rollups);
            if (n_groups) {
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
                    s_json_counts (&json, row->counts);
                    json_end_object (&json);
                }
                json_end_array (&json);
            }
            json_end_object (&json);
            json_finish (&json);
        }
        else
        if (n_groups && !csv_out) {
            printf ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu mẫu II.06a)\n"
                    "Kỳ báo cáo: %s (từ %s đến %s)\n\n", r->period_label, from, to);
            s_print_rows (r);
        }
        else
        if (!csv_out)
            printf ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu mẫu II.06a)\n"
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
                    cli_option (&cli, "from") ? cli_option (&cli, "from") : from,
                    cli_option (&cli, "to") ? cli_option (&cli, "to") : to,
                    (long long) r->received_total, (long long) r->received_online,
                    (long long) r->received_direct, (long long) r->received_postal,
                    (long long) r->carried_over, (long long) r->resolved_total,
                    (long long) r->resolved_early, (long long) r->resolved_on_time,
                    (long long) r->resolved_late, (long long) r->in_progress_total,
                    (long long) r->in_progress_within, (long long) r->in_progress_overdue);
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

// --------------------------------------------------------------------------
//  report check

//  A number cell of a hand-made report: digits with '.', ',' or spaces as
//  thousands separators ("2.363"). 0, or -1 if not a count.
static int
s_count (const char *text, int64_t *value)
{
    int64_t v = 0;
    int digits = 0;
    for (const char *p = text; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            v = v * 10 + (*p - '0');
            if (++digits > 15)
                return -1;
        }
        else
        if (*p != '.' && *p != ',' && *p != ' ')
            return -1;
    }
    *value = v;
    return digits ? 0 : -1;
}

//  A label naming a year ("Năm 2022", "2022"): the year, else 0.
static int
s_label_year (const char *label)
{
    int year = 0;
    for (const char *p = label; *p; p++)
        if (sscanf (p, "%4d", &year) == 1 && year >= 1900 && year <= 9999 && (p == label || p [-1] == ' '))
            return year;
    return 0;
}

static int
s_check_csv (cli_t *cli, const char *path)
{
    char *text = NULL;
    zfile_t *file = zfile_new (NULL, path);
    zchunk_t *chunk = file && zfile_input (file) == 0 ? zfile_read (file, zfile_cursize (file), 0) : NULL;
    if (!chunk) {
        fprintf (stderr, "motcua: cannot read %s\n", path);
        zfile_destroy (&file);
        return EXIT_USAGE;
    }
    text = zchunk_strdup (chunk);
    zchunk_destroy (&chunk);
    zfile_destroy (&file);
    const char *at = text;
    int line = 0, rows = 0, broken = 0, bad = 0, previous_year = 0;
    form06a_filed_t previous;
    json_t json;
    if (cli->json) {
        json_begin (&json, stdout);
        json_object (&json, NULL);
        json_string (&json, "file", path);
        json_array (&json, "problems");
    }
    for (;;) {
        char *cells [16] = { 0 }, error [128];
        int n = csv_record (&at, &line, cells, 16, error, sizeof error);
        if (n == 0)
            break;
        form06a_filed_t row;
        char why [1024] = "";
        int ok = n == 13;
        for (int i = 0; ok && i < 11; i++)
            ok = s_count (cells [2 + i], &row.v [i]) == 0;
        const char *label = n >= 2 && cells [1] ? cells [1] : "";
        if (n < 0) {
            bad++;
            snprintf (why, sizeof why, "không đọc được: %s", error);
        }
        else
        if (!ok) {
            if (rows || line > 1) {                 //  the heading line is not a row
                bad++;
                snprintf (why, sizeof why, "không phải 13 cột số liệu (%d cột)", n);
            }
        }
        else {
            rows++;
            int year = s_label_year (label);
            char link [256];
            if (form06a_check (&row, why, sizeof why))
                broken++;
            if (previous_year && year == previous_year + 1 && form06a_check_link (&previous, &row, link, sizeof link)) {
                size_t len = strlen (why);
                snprintf (why + len, sizeof why - len, "%s%s", len ? "; " : "", link);
                if (!len)
                    broken++;
            }
            previous = row;
            previous_year = year;
        }
        if (*why) {
            if (cli->json) {
                json_object (&json, NULL);
                json_int (&json, "line", line);
                json_string (&json, "label", label);
                json_string (&json, "problem", why);
                json_end_object (&json);
            }
            else
                printf ("dòng %d (%s): %s\n", line, label, why);
        }
        for (int i = 0; i < 16; i++)
            free (cells [i]);
    }
    free (text);
    if (cli->json) {
        json_end_array (&json);
        json_int (&json, "rows", rows);
        json_int (&json, "broken", broken);
        json_int (&json, "unreadable", bad);
        json_end_object (&json);
        json_finish (&json);
    }
    else
        printf ("%d dòng số liệu, %d dòng sai, %d dòng không đọc được\n", rows, broken, bad);
    return broken || bad ? EXIT_REFUSED : 0;
}

//  --rate N/D=P: each stated rate recomputed. How many are wrong, or -1.
static int
s_check_rates (cli_t *cli)
{
    const char *rates [16];
    int n = cli_options (cli, "rate", rates, 16), wrong = 0;
    for (int i = 0; i < n; i++) {
        long long numerator, denominator;
        double stated;
        int used = 0;
        char why [160];
        if (sscanf (rates [i], "%lld/%lld=%lf%n", &numerator, &denominator, &stated, &used) != 3 || rates [i][used]) {
            fprintf (stderr, "motcua: --rate takes NUMERATOR/DENOMINATOR=PERCENT, e.g. 224/267=82.4\n");
            return -1;
        }
        if (form06a_check_rate (numerator, denominator, stated, why, sizeof why)) {
            printf ("%s\n", why);
            wrong++;
        }
        else
            printf ("tỷ lệ %s: đúng\n", rates [i]);
    }
    return wrong;
}

int
cmd_report_check (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, PERIOD_OPTIONS ",by,rate", "calendar,facts"))
        return EXIT_USAGE;
    int wrong_rates = s_check_rates (&cli);
    if (wrong_rates < 0 || (cli_option (&cli, "rate") && !cli.n_positional && !cli_option (&cli, "period")
                            && !cli_option (&cli, "from"))) {
        cli_cleanup (&cli);
        return wrong_rates < 0 ? EXIT_USAGE : wrong_rates ? EXIT_REFUSED : 0;
    }
    if (cli.n_positional == 1) {
        int rc = s_check_csv (&cli, cli.positional [0]);
        cli_cleanup (&cli);
        return rc ? rc : wrong_rates ? EXIT_REFUSED : 0;
    }
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__Grouping groups [4] = { MOTCUA__V1__GROUPING__GROUPING_PROCEDURE };
    size_t n_groups = 1;
    if (s_period (&cli, &report) || (cli_option (&cli, "by") && s_groups (&cli, groups, &n_groups))) {
        cli_cleanup (&cli);
        return EXIT_USAGE;
    }
    report.n_group_by = n_groups;
    report.group_by = groups;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = &report;
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (&cli, &client, &request, &reply);
    if (rc == 0) {
        const Motcua__V1__Report06a *r = reply->report;
        int broken = 0;
        long long sums [11] = { 0 };
        for (size_t i = 0; i <= r->n_rows; i++) {
            const Motcua__V1__Report06aRow *row = i < r->n_rows ? r->rows [i] : NULL;
            long long v [11];
            form06a_filed_t filed;
            char why [1024], label [512];
            report_out_numbers (row ? row->counts : r, v);
            for (int c = 0; c < 11; c++) {
                filed.v [c] = v [c];
                if (row)
                    sums [c] += v [c];
            }
            report_out_label (row, label, sizeof label);
            if (form06a_check (&filed, why, sizeof why)) {
                broken++;
                printf ("%s: %s\n", label, why);
            }
            if (!row && memcmp (sums, v, sizeof sums)) {
                broken++;
                printf ("%s: các dòng cộng lại không bằng dòng tổng\n", label);
            }
        }
        printf ("%s: %zu dòng, %d dòng sai\n", r->period_label, r->n_rows, broken);
        rc = broken || wrong_rates ? EXIT_REFUSED : 0;
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

// --------------------------------------------------------------------------
//  drill, rates, series, logbook

static const char *
s_status_vn (const char *status)
{
    return streq (status, "returned") ? "Đã trả kết quả" : streq (status, "resolved") ? "Đã giải quyết"
         : streq (status, "in_process") ? "Đang giải quyết" : streq (status, "supplement_requested") ? "Chờ bổ sung"
         : streq (status, "withdrawn") ? "Đã rút" : streq (status, "closed") ? "Đã dừng" : status;
}

static void
s_json_list (json_t *json, const Motcua__V1__DossierList *list)
{
    json_int (json, "total", list->total);
    json_array (json, "dossiers");
    for (size_t i = 0; i < list->n_dossiers; i++) {
        const Motcua__V1__DossierSummary *d = list->dossiers [i];
        json_object (json, NULL);
        json_string (json, "dossier_code", d->dossier_code);
        json_string (json, "procedure_code", d->procedure_code);
        json_string (json, "procedure_name", d->procedure_name);
        json_string (json, "agency_code", d->agency_code);
        json_string (json, "field", d->field);
        json_string (json, "level", d->level);
        json_string (json, "channel", cli_channel_name (d->channel));
        json_time (json, "received_at", d->received_at);
        json_time (json, "due_at", d->due_at);
        json_time (json, "resolved_at", d->resolved_at);
        json_time (json, "returned_at", d->returned_at);
        json_string (json, "status", d->status);
        json_string (json, "timeliness", d->timeliness);
        if (*d->applicant_name) {
            json_string (json, "applicant_name", d->applicant_name);
            json_string (json, "applicant_address", d->applicant_address);
            json_string (json, "applicant_phone", d->applicant_phone);
        }
        json_end_object (json);
    }
    json_end_array (json);
}

int
cmd_report_drill (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__DrillRequest drill = MOTCUA__V1__DRILL_REQUEST__INIT;
    if (s_start (&cli, argc, argv, PERIOD_OPTIONS ",column,agency,field,level,procedure,limit,offset",
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
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (&cli, &client, &request, &reply);
    if (rc == 0) {
        const Motcua__V1__DossierList *list = reply->dossiers;
        if (cli.json) {
            json_t json;
            json_begin (&json, stdout);
            json_object (&json, NULL);
            json_string (&json, "column", drill.column);
            s_json_list (&json, list);
            json_end_object (&json);
            json_finish (&json);
        }
        else {
            for (size_t i = 0; i < list->n_dossiers; i++) {
                const Motcua__V1__DossierSummary *d = list->dossiers [i];
                char at [40];
                printf ("%-24s %-12s %s  ", d->dossier_code, d->procedure_code,
                        vn_format_form (d->received_at, at, sizeof at));
                cli_pad (s_status_vn (d->status), 16);
                printf ("%s\n", d->field);
            }
            printf ("%lld hồ sơ\n", (long long) list->total);
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static void
s_json_rate (json_t *json, const char *key, const Motcua__V1__Rate *rate)
{
    json_object (json, key);
    json_int (json, "numerator", rate->numerator);
    json_int (json, "denominator", rate->denominator);
    json_double (json, "percent", rate->percent, 2);
    json_string (json, "label", rate->label);
    json_end_object (json);
}

static void
s_json_rates (json_t *json, const Motcua__V1__Rates *r)
{
    s_json_rate (json, "online_intake", r->online_intake);
    s_json_rate (json, "online_intake_capable", r->online_intake_capable);
    s_json_rate (json, "result_digitised", r->result_digitised);
    s_json_rate (json, "dossier_digitised", r->dossier_digitised);
    s_json_rate (json, "postal_intake", r->postal_intake);
    s_json_rate (json, "postal_return", r->postal_return);
    s_json_rate (json, "on_time", r->on_time);
}

int
cmd_report_rates (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__PeriodRequest rates = MOTCUA__V1__PERIOD_REQUEST__INIT;
    if (s_start (&cli, argc, argv, PERIOD_OPTIONS, "calendar,facts", &period))
        return EXIT_USAGE;
    rates.period = &period;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_RATES;
    request.rates = &rates;
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (&cli, &client, &request, &reply);
    if (rc == 0) {
        const Motcua__V1__Rates *r = reply->rates;
        if (cli.json) {
            json_t json;
            json_begin (&json, stdout);
            json_object (&json, NULL);
            s_json_rates (&json, r);
            json_end_object (&json);
            json_finish (&json);
        }
        else {
            const Motcua__V1__Rate *all [7] = { r->online_intake, r->online_intake_capable, r->result_digitised,
                                                r->dossier_digitised, r->postal_intake, r->postal_return, r->on_time };
            for (int i = 0; i < 7; i++) {
                cli_pad (all [i]->label, 72);
                printf (" %7lld / %-7lld = %6.2f%%\n", (long long) all [i]->numerator,
                        (long long) all [i]->denominator, all [i]->percent);
            }
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_report_series (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__SeriesRequest series = MOTCUA__V1__SERIES_REQUEST__INIT;
    if (s_start (&cli, argc, argv, PERIOD_OPTIONS ",agency,field,level,procedure", "calendar,facts", &period))
        return EXIT_USAGE;
    series.period = &period;
    series.agency_code = (char *) cli_option_or (&cli, "agency", "");
    series.field = (char *) cli_option_or (&cli, "field", "");
    series.level = (char *) cli_option_or (&cli, "level", "");
    series.procedure_code = (char *) cli_option_or (&cli, "procedure", "");
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_SERIES;
    request.series = &series;
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (&cli, &client, &request, &reply);
    if (rc == 0) {
        const Motcua__V1__Series *s = reply->series;
        json_t json;
        if (cli.json) {
            json_begin (&json, stdout);
            json_object (&json, NULL);
            json_array (&json, "months");
        }
        else
            printf ("Tháng    Trực tuyến  Trực tiếp  Bưu chính  Đúng hạn  Quá hạn  Tỷ lệ trực tuyến  Tỷ lệ đúng hạn\n");
        for (size_t i = 0; i < s->n_points; i++) {
            const Motcua__V1__SeriesPoint *p = s->points [i];
            if (cli.json) {
                json_object (&json, NULL);
                json_string (&json, "month", p->label);
                s_json_counts (&json, p->counts);
                json_object (&json, "rates");
                s_json_rates (&json, p->rates);
                json_end_object (&json);
                json_end_object (&json);
            }
            else
                printf ("%-8s %10lld %10lld %10lld %9lld %8lld %16.2f%% %14.2f%%\n", p->label,
                        (long long) p->counts->received_online, (long long) p->counts->received_direct,
                        (long long) p->counts->received_postal,
                        (long long) (p->counts->resolved_early + p->counts->resolved_on_time),
                        (long long) p->counts->resolved_late, p->rates->online_intake->percent,
                        p->rates->on_time->percent);
        }
        if (cli.json) {
            json_end_array (&json);
            json_end_object (&json);
            json_finish (&json);
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_report_logbook (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__PeriodRequest book = MOTCUA__V1__PERIOD_REQUEST__INIT;
    if (s_start (&cli, argc, argv, PERIOD_OPTIONS ",csv,xlsx", "calendar", &period))
        return EXIT_USAGE;
    book.period = &period;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_LOG_BOOK;
    request.log_book = &book;
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (&cli, &client, &request, &reply);
    if (rc == 0) {
        const Motcua__V1__DossierList *list = reply->dossiers;
        char from [16], to [16], title [96];
        s_day (list->from, from, sizeof from);
        s_day (list->to - 1, to, sizeof to);
        snprintf (title, sizeof title, "Từ ngày %s đến ngày %s", from, to);
        if (cli_option (&cli, "xlsx") && report_out_log_xlsx (cli_option (&cli, "xlsx"), list, title)) {
            fprintf (stderr, "motcua: cannot write %s\n", cli_option (&cli, "xlsx"));
            rc = EXIT_USAGE;
        }
        const char *csv = cli_option (&cli, "csv");
        if (csv && !rc) {
            FILE *out = streq (csv, "-") ? stdout : fopen (csv, "w");
            if (!out || report_out_log_csv (out, list) || (out != stdout && fclose (out))) {
                fprintf (stderr, "motcua: cannot write %s\n", csv);
                rc = EXIT_USAGE;
            }
        }
        if (cli.json) {
            json_t json;
            json_begin (&json, stdout);
            json_object (&json, NULL);
            s_json_list (&json, list);
            json_end_object (&json);
            json_finish (&json);
        }
        else
        if (!csv || !streq (csv, "-"))
            printf ("SỔ THEO DÕI HỒ SƠ (Mẫu số 06) — %s: %lld hồ sơ\n", title, (long long) list->total);
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
