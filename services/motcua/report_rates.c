/*  report_rates — the report commands on rates:
      motcua report rates PERIOD     online intake, digitisation, postal, on-time rates
      motcua report series PERIOD [--agency A --field F --level L --procedure P]
                                     counts and rates month by month      */
#include <czmq.h>
#include "report.h"

//  Each rate with its label, numerator and denominator.
static int
s_show_rates (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__Rates *r = reply->rates;
    if (cli->json) {
        json_t json;
        json_document (&json, stdout);
        report_json_rates (&json, r);
        json_end_document (&json);
        return 0;
    }
    const Motcua__V1__Rate *all [7] = { r->online_intake, r->online_intake_capable, r->result_digitised,
                                        r->dossier_digitised, r->postal_intake, r->postal_return, r->on_time };
    for (int i = 0; i < 7; i++) {
        cli_pad (all [i]->label, 72);
        printf (" %7lld / %-7lld = %6.2f%%\n", (long long) all [i]->numerator,
                (long long) all [i]->denominator, all [i]->percent);
    }
    return 0;
}

int
report_rates (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__PeriodRequest rates = MOTCUA__V1__PERIOD_REQUEST__INIT;
    if (report_cli_start (&cli, argc, argv, REPORT_CLI_PERIOD_OPTIONS, "calendar,facts", &period))
        return EXIT_USAGE;
    rates.period = &period;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_RATES;
    request.rates = &rates;
    return report_cli_run (&cli, "dashboard", &request, s_show_rates, NULL);
}

//  A month a line (or a JSON array of months): counts and the two main rates.
static int
s_show_series (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__Series *s = reply->series;
    json_t json;
    if (cli->json) {
        json_document (&json, stdout);
        json_array (&json, "months");
    }
    else
        printf ("Tháng    Trực tuyến  Trực tiếp  Bưu chính  Đúng hạn  Quá hạn  Tỷ lệ trực tuyến  Tỷ lệ đúng hạn\n");
    for (size_t i = 0; i < s->n_points; i++) {
        const Motcua__V1__SeriesPoint *p = s->points [i];
        if (cli->json) {
            json_object (&json, NULL);
            json_string (&json, "month", p->label);
            report_json_counts (&json, p->counts);
            json_object (&json, "rates");
            report_json_rates (&json, p->rates);
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
    if (cli->json) {
        json_end_array (&json);
        json_end_document (&json);
    }
    return 0;
}

int
report_series (int argc, char **argv)
{
    cli_t cli;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__SeriesRequest series = MOTCUA__V1__SERIES_REQUEST__INIT;
    if (report_cli_start (&cli, argc, argv, REPORT_CLI_PERIOD_OPTIONS ",agency,field,level,procedure",
                          "calendar,facts", &period))
        return EXIT_USAGE;
    series.period = &period;
    series.agency_code = (char *) cli_option_or (&cli, "agency", "");
    series.field = (char *) cli_option_or (&cli, "field", "");
    series.level = (char *) cli_option_or (&cli, "level", "");
    series.procedure_code = (char *) cli_option_or (&cli, "procedure", "");
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_SERIES;
    request.series = &series;
    return report_cli_run (&cli, "dashboard", &request, s_show_series, NULL);
}
