/*  report_cli — what the report commands share. See report_cli.h.           */
#include <czmq.h>
#include "report_cli.h"
#include "vntime.h"
#include "period.h"

#define PERIOD_USAGE "--from YYYY-MM-DD --to YYYY-MM-DD | --period month:YYYY-MM|quarter:YYYY-Q|half:YYYY|nine:YYYY|year:YYYY [--calendar]"

int
report_cli_period (cli_t *cli, Motcua__V1__ReportRequest *request)
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

int
report_cli_start (cli_t *cli, int argc, char **argv, const char *options, const char *flags,
                  Motcua__V1__ReportRequest *period)
{
    if (cli_parse (cli, argc, argv, options, flags))
        return -1;
    if (report_cli_period (cli, period)) {
        cli_cleanup (cli);
        return -1;
    }
    return 0;
}

int
report_cli_groups (cli_t *cli, Motcua__V1__Grouping *groups, size_t *n)
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

//  Send request to reporting as identity (unless --as). rc as cli_outcome.
static int
s_ask (cli_t *cli, const char *identity, Motcua__V1__ReportingRequest *request,
       client_t **client, reporting_reply_t **reply)
{
    *client = cli_client (cli, "reporting", identity);
    *reply = *client ? reporting_client_send (*client, request) : NULL;
    return cli_outcome (cli, "reporting", (ProtobufCMessage *) *reply);
}

int
report_cli_run (cli_t *cli, const char *identity, Motcua__V1__ReportingRequest *request,
                report_cli_show_fn *show, void *arg)
{
    client_t *client;
    reporting_reply_t *reply;
    int rc = s_ask (cli, identity, request, &client, &reply);
    if (rc == 0)
        rc = show (cli, reply, arg);
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

int
report_cli_run_06a (cli_t *cli, Motcua__V1__ReportRequest *period, Motcua__V1__Grouping *groups,
                    size_t n_groups, report_cli_show_fn *show, void *arg)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    period->n_group_by = n_groups;
    period->group_by = groups;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = period;
    return report_cli_run (cli, "dashboard", &request, show, arg);
}

void
report_cli_day (int64_t at, char *buf, size_t size)
{
    vn_civil_t c;
    vn_civil (at, &c);
    snprintf (buf, size, "%04d-%02d-%02d", c.year, c.month, c.day);
}

FILE *
report_cli_open (const char *path)
{
    FILE *out = streq (path, "-") ? stdout : fopen (path, "w");
    if (!out)
        fprintf (stderr, "motcua: cannot write %s: %s\n", path, strerror (errno));
    return out;
}

int
report_cli_close (const char *path, FILE *out, int rc)
{
    if (out != stdout)
        rc |= fclose (out);
    if (rc)
        fprintf (stderr, "motcua: cannot write %s\n", path);
    return rc ? -1 : 0;
}
