/*  reporting_client — the reporting API for dashboards, counters and tests.
    Each call returns the reply (check reply->error; free with
    reporting_reply_destroy) or NULL when reporting did not answer.         */
#ifndef REPORTING_CLIENT_H
#define REPORTING_CLIENT_H
#include <stdint.h>
#include "client.h"
#include "motcua/v1/reporting.pb-c.h"

typedef Motcua__V1__ReportingReply reporting_reply_t;

reporting_reply_t *reporting_client_health (client_t *client);
reporting_reply_t *reporting_client_trace (client_t *client, const char *code);
//  The II.06a totals of the window [from, to) in ms since the epoch.
reporting_reply_t *reporting_client_report (client_t *client, int64_t from, int64_t to);
//  Postal (BCCI) figures over [from, to).
reporting_reply_t *reporting_client_postal_report (client_t *client, int64_t from, int64_t to);
//  Any request (request_id is set by the call).
reporting_reply_t *reporting_client_send (client_t *client, Motcua__V1__ReportingRequest *request);
void               reporting_reply_destroy (reporting_reply_t **reply_p);

#endif
