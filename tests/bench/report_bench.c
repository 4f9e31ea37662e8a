/*  report_bench — times II.06a through the real reporting service (CURVE, the
    dashboard's key) for tests/bench/report_bench.sh:
      report_bench YEAR REQUESTS [facts]
    asks REQUESTS times (after one warm-up) for the year's II.06a by field —
    from the rollups, or with `facts` counted over the facts by the service —
    and prints `requests=N p50_ms=… p99_ms=… rows=R received_total=T
    carried_over=C in_progress_total=P from_rollups=0|1`.                   */
#include <czmq.h>
#include "config.h"
#include "log.h"
#include "reporting_client.h"

static int
s_cmp (const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
    if (argc < 3) {
        fprintf (stderr, "usage: report_bench YEAR REQUESTS [facts]\n");
        return 2;
    }
    log_init ("report_bench", "warn");
    int year = atoi (argv [1]), requests = atoi (argv [2]);
    bool facts = argc > 3 && streq (argv [3], "facts");
    config_t *config = config_new (NULL);
    client_t *client = config ? client_new (config, "reporting", "dashboard") : NULL;
    if (!client || requests < 1)
        return 1;
    client_set_timeout (client, 600000, 1);
    Motcua__V1__Grouping by [1] = { MOTCUA__V1__GROUPING__GROUPING_FIELD };
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    report.period = MOTCUA__V1__PERIOD_KIND__PERIOD_YEAR;
    report.year = year;
    report.n_group_by = 1;
    report.group_by = by;
    report.from_facts = facts;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = &report;
    double *ms = calloc ((size_t) requests, sizeof *ms);
    reporting_reply_t *reply = NULL;
    int rc = 0;
    for (int i = -1; i < requests && !rc; i++) {
        reporting_reply_destroy (&reply);
        int64_t start = zclock_usecs ();
        reply = reporting_client_send (client, &request);
        if (i >= 0)
            ms [i] = (double) (zclock_usecs () - start) / 1000.0;
        if (!reply || reply->error || !reply->report) {
            fprintf (stderr, "report_bench: %s\n", reply && reply->error ? reply->error->message : "no answer");
            rc = 1;
        }
    }
    if (!rc) {
        qsort (ms, (size_t) requests, sizeof *ms, s_cmp);
        const Motcua__V1__Report06a *r = reply->report;
        printf ("requests=%d p50_ms=%.3f p99_ms=%.3f rows=%zu received_total=%lld carried_over=%lld"
                " resolved_total=%lld in_progress_total=%lld in_progress_overdue=%lld from_rollups=%d\n",
                requests, ms [requests / 2], ms [(int) ((requests - 1) * 0.99)], r->n_rows,
                (long long) r->received_total, (long long) r->carried_over, (long long) r->resolved_total,
                (long long) r->in_progress_total, (long long) r->in_progress_overdue, r->from_rollups);
    }
    reporting_reply_destroy (&reply);
    free (ms);
    client_destroy (&client);
    config_destroy (&config);
    return rc;
}
