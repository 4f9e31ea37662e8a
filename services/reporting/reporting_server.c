/*  reporting_server — request and event handling of reporting.              */
#include "reporting_server.h"
#include "reporting_store.h"
#include "reporting_forms.h"
#include "reporting_citizen.h"
#include "reporting_rollup.h"
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
    zchunk_t *form = reporting_forms_handle (service, who, request);
    if (!form)
        form = reporting_citizen_handle (service, who, request);
    if (form)
        return form;
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__Trace trace = MOTCUA__V1__TRACE__INIT;
    Motcua__V1__PostalReport postal = MOTCUA__V1__POSTAL_REPORT__INIT;
    Motcua__V1__PostalRouteFigures routes [REPORTING_POSTAL_ROUTES], *route_pointers [REPORTING_POSTAL_ROUTES];
    char location [400] = "";

    switch (request->body_case) {
        case MOTCUA__V1__REPORTING_REQUEST__BODY_TRACE: {
            const char *code = request->trace->dossier_code;
            if (api_check_text (&error, "dossier_code", code, 64, true))
                break;
            int found = reporting_store_trace (db, code, &trace);
            if (found < 0)
                api_db_fail (&error, db_error (db));
            else
            if (!found)
                api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                          "no dossier %s is known to reporting", code);
            reporting_scope_t scope;
            if (found > 0 && reporting_store_scope (db, code, &scope) < 0)
                found = api_db_fail (&error, db_error (db));
            if (found > 0 && service_allow_dossier (service, who, code, scope.procedure, scope.agency,
                                                    "trace dossiers", &error))
                found = -1;
            if (found > 0 && reporting_postal_location (db, code, location, sizeof location))
                api_db_fail (&error, db_error (db));
            trace.result_location = location;
            s_judge (&trace);
            reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_TRACE;
            reply.trace = &trace;
            break;
        }
        case MOTCUA__V1__REPORTING_REQUEST__BODY_POSTAL_REPORT: {
            const Motcua__V1__PostalReportRequest *req = request->postal_report;
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

//  Rollups out of step with the facts (an upgrade over old facts, a bulk
//  load) are rebuilt before reports rely on them; until then reports count
//  over the facts.
static void
s_tick (service_t *service)
{
    db_t *db = service_db (service);
    if (reporting_rollup_built (db) != 0)
        return;
    int64_t facts = reporting_rollup_rebuild (db);
    if (facts < 0)
        log_error ("could not rebuild the rollups: %s", db_error (db));
    else
        log_info ("rollups rebuilt from %lld facts", (long long) facts);
}

const service_handlers_t reporting_handlers = {
    .name = "reporting",
    .summary = "The reporting service: dossier facts and rollups from every event, traces, II.06a and the other forms.",
    .produces_events = false,
    .handle = s_handle,
    .request_type = &motcua__v1__reporting_request__descriptor,
    .reply_type = &motcua__v1__reporting_reply__descriptor,
    .operations = reporting_operations,
    .apply = s_apply,
    .tick = s_tick,
};
