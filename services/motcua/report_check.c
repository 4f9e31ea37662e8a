/*  report_check — `motcua report check`: form II.06a's identities
    (received = online + direct + postal, …), on a report reporting serves
    for a period (and its rows summing to the total) or on a filed one read
    back from its 13-column CSV; --rate N/D=P recomputes stated rates.     */
#include <czmq.h>
#include "report.h"
#include "report_out.h"
#include "csv.h"
#include "form06a.h"

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

//  A filed report read back from its CSV: each row's identities, and each
//  year's carry-over against the year before. The exit code.
static int
s_check_csv (cli_t *cli, const char *path)
{
    const char *at;
    char *text = cli_read_file (path, &at);
    if (!text) {
        fprintf (stderr, "motcua: cannot read %s\n", path);
        return EXIT_USAGE;
    }
    int line = 0, rows = 0, broken = 0, bad = 0, previous_year = 0;
    form06a_filed_t previous;
    json_t json;
    if (cli->json) {
        json_document (&json, stdout);
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
        json_end_document (&json);
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

//  The served report's rows checked as a filed one would be, and their sum
//  against the total. The exit code (wrong rates count too).
static int
s_show (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) cli;
    int wrong_rates = *(int *) arg;
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
    return broken || wrong_rates ? EXIT_REFUSED : 0;
}

int
report_check (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, REPORT_CLI_PERIOD_OPTIONS ",by,rate", "calendar,facts"))
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
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__Grouping groups [4] = { MOTCUA__V1__GROUPING__GROUPING_PROCEDURE };
    size_t n_groups = 1;
    if (report_cli_period (&cli, &report) || (cli_option (&cli, "by") && report_cli_groups (&cli, groups, &n_groups))) {
        cli_cleanup (&cli);
        return EXIT_USAGE;
    }
    return report_cli_run_06a (&cli, &report, groups, n_groups, s_show, &wrong_rates);
}
