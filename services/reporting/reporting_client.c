/*  reporting_client — typed calls to reporting. See reporting_client.h.     */
#include <stdlib.h>
#include "reporting_client.h"

static reporting_reply_t *
s_call (client_t *client, Motcua__V1__ReportingRequest *request)
{
    return (reporting_reply_t *) client_call (client, &request->base, &request->request_id,
                                              &motcua__v1__reporting_reply__descriptor);
}

reporting_reply_t *
reporting_client_health (client_t *client)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_HEALTH;
    request.health = &health;
    return s_call (client, &request);
}

reporting_reply_t *
reporting_client_trace (client_t *client, const char *code)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__TraceRequest trace = MOTCUA__V1__TRACE_REQUEST__INIT;
    trace.dossier_code = (char *) code;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_TRACE;
    request.trace = &trace;
    return s_call (client, &request);
}

reporting_reply_t *
reporting_client_report (client_t *client, int64_t from, int64_t to)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    report.from = from;
    report.to = to;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = &report;
    return s_call (client, &request);
}

reporting_reply_t *
reporting_client_postal_report (client_t *client, int64_t from, int64_t to)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__PostalReportRequest report = MOTCUA__V1__POSTAL_REPORT_REQUEST__INIT;
    report.from = from;
    report.to = to;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_POSTAL_REPORT;
    request.postal_report = &report;
    return s_call (client, &request);
}

reporting_reply_t *
reporting_client_send (client_t *client, Motcua__V1__ReportingRequest *request)
{
    return s_call (client, request);
}

void
reporting_reply_destroy (reporting_reply_t **reply_p)
{
    if (*reply_p) {
        motcua__v1__reporting_reply__free_unpacked (*reply_p, NULL);
        *reply_p = NULL;
    }
}
