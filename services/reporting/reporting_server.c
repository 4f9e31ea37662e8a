/*  reporting_server — request and event handling of reporting.              */
#include "reporting_server.h"
#include "reporting_store.h"
#include "reporting_postal.h"
#include "api.h"
#include "log.h"
#include "vntime.h"
#include "worktime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  Status and timeliness as the facts show them.
static void
s_judge (Motcua__V1__Trace *trace)
{
    trace->status = (char *) (trace->returned_at ? "returned"
                            : trace->resolved_at && trace->outcome == MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN ? "withdrawn"
                            : trace->resolved_at && trace->outcome == MOTCUA__V1__OUTCOME__OUTCOME_CLOSED ? "closed"
                            : trace->resolved_at ? "resolved"
                            : trace->waiting_supplement ? "supplement_requested"
                            : trace->received_at ? "in_process" : "unknown");
    trace->timeliness = (char *) (trace->resolved_at && trace->due_at
        ? timeliness_name (worktime_timeliness (trace->due_at, trace->resolved_at)) : "");
}

static zchunk_t *
s_handle (service_t *service, const principal_t *who, const ProtobufCMessage *message)
{
    db_t *db = service_db (service);
    const Motcua__V1__ReportingRequest *request = (const Motcua__V1__ReportingRequest *) message;
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__Trace trace = MOTCUA__V1__TRACE__INIT;
    Motcua__V1__Report06a totals = MOTCUA__V1__REPORT06A__INIT;
    Motcua__V1__PostalReport postal = MOTCUA__V1__POSTAL_REPORT__INIT;
    Motcua__V1__PostalRouteFigures routes [REPORTING_POSTAL_ROUTES], *route_pointers [REPORTING_POSTAL_ROUTES];
    char location [400] = "";

    switch (request->body_case) {
        case MOTCUA__V1__REPORTING_REQUEST__BODY_TRACE: {
            const char *code = request->trace->dossier_code;
            if (service_allow (service, who, "dashboard,counter,desk,postal", "trace dossiers", &error)
            ||  api_check_text (&error, "dossier_code", code, 64, true))
                break;
            int found = reporting_store_trace (db, code, &trace);
            if (found < 0)
                api_db_fail (&error, db_error (db));
            else
            if (!found)
                api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                          "no dossier %s is known to reporting", code);
            if (found > 0 && reporting_postal_location (db, code, location, sizeof location))
                api_db_fail (&error, db_error (db));
            trace.result_location = location;
            s_judge (&trace);
            reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_TRACE;
            reply.trace = &trace;
            break;
        }
        case MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT: {
            if (service_allow (service, who, "dashboard,desk", "read reports", &error))
                break;
            if (request->report->to <= request->report->from) {
                api_fail (&error, INVALID, "to", "the period must end after it starts");
                break;
            }
            int64_t earliest = vn_instant (1900, 1, 1, 0), latest = vn_instant (10000, 1, 1, 0);
            if (request->report->from < earliest || request->report->to > latest) {
                api_fail (&error, INVALID, request->report->from < earliest ? "from" : "to",
                          "the period must lie between the years 1900 and 9999");
                break;
            }
            report06a_t report;
            report06a_init (&report, request->report->from, request->report->to);
            if (reporting_store_report (db, &report)) {
                api_db_fail (&error, db_error (db));
                break;
            }
            if (!report06a_consistent (&report))
                log_error ("II.06a identities broken for [%lld, %lld)",
                           (long long) report.from, (long long) report.to);
            totals.from = report.from;
            totals.to = report.to;
            totals.received_total = report.received_total;
            totals.received_online = report.received_online;
            totals.received_direct = report.received_direct;
            totals.received_postal = report.received_postal;
            totals.carried_over = report.carried_over;
            totals.resolved_total = report.resolved_total;
            totals.resolved_early = report.resolved_early;
            totals.resolved_on_time = report.resolved_on_time;
            totals.resolved_late = report.resolved_late;
            totals.in_progress_total = report.in_progress_total;
            totals.in_progress_within = report.in_progress_within;
            totals.in_progress_overdue = report.in_progress_overdue;
            reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_REPORT;
            reply.report = &totals;
            break;
        }
        case MOTCUA__V1__REPORTING_REQUEST__BODY_POSTAL_REPORT: {
            const Motcua__V1__PostalReportRequest *req = request->postal_report;
            if (service_allow (service, who, "dashboard,desk", "read reports", &error))
                break;
            if (req->to <= req->from || req->from < vn_instant (1900, 1, 1, 0) || req->to > vn_instant (10000, 1, 1, 0)) {
                api_fail (&error, INVALID, req->to <= req->from ? "to" : "from",
                          "the period must end after it starts, between the years 1900 and 9999");
                break;
            }
            postal.from = req->from;
            postal.to = req->to;
            if (reporting_postal_report (db, &postal, routes, route_pointers)) {
                api_db_fail (&error, db_error (db));
                break;
            }
            reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_POSTAL_REPORT;
            reply.postal_report = &postal;
            break;
        }
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    reporting_store_free_trace (&trace);
    return packed;
}

static int
s_apply (void *service_data, const Motcua__V1__Event *event)
{
    service_t *service = (service_t *) service_data;
    return reporting_store_apply (service_db (service), event);
}

const service_handlers_t reporting_handlers = {
    .name = "reporting",
    .summary = "The reporting service: dossier facts from every event, traces and II.06a totals.",
    .produces_events = false,
    .handle = s_handle,
    .request_type = &motcua__v1__reporting_request__descriptor,
    .reply_type = &motcua__v1__reporting_reply__descriptor,
    .apply = s_apply,
};
