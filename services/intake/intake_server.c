/*  intake_server — request handling of the intake service. See intake_server.h. */
#include "intake_server.h"
#include "intake_store.h"
#include "intake_check.h"
#include "intake_routing.h"
#include "intake_postal.h"
#include "intake_import.h"
#include "intake_lookup.h"
#include "api.h"
#include "audit.h"
#include "dossier_code.h"
#include "idempotency.h"
#include "log.h"
#include "outbox.h"
#include "rule_set.h"
#include "vntime.h"
#include "worktime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

typedef struct {
    service_t *service;
    const principal_t *who;
    const Motcua__V1__SubmitDossier *req;
    int64_t received_at;        //  0: now; postal: when the hand-over record was signed
} submit_t;

//  Receive a dossier inside the command's transaction: code, due time, the
//  dossier row and its DossierReceived event. Returns the packed receipt.
static zchunk_t *
s_receive (void *context, api_error_t *error)
{
    submit_t *submit = (submit_t *) context;
    const Motcua__V1__SubmitDossier *req = submit->req;
    db_t *db = service_db (submit->service);
    int64_t received_at = submit->received_at ? submit->received_at : vn_now_ms ();
    received_at -= received_at % 1000;          //  the receipt shows whole seconds
    procedure_row_t procedure;                  //  the version in force at receipt
    int found = intake_store_procedure (db, req->procedure_code, received_at, &procedure);
    if (api_found (error, found, db_error (db), "procedure_code",
                   "unknown procedure code '%s' (see `motcua catalog list`)", req->procedure_code))
        return NULL;
    //  Any centre takes any procedure of the province (2025): the grant
    //  limits procedures, not the competent agency.
    if (service_allow_dossier (submit->service, submit->who, procedure.code, "",
                               "submit dossiers", error))
        return NULL;
    worktime_rules_t rules;
    service_rules (submit->service, procedure.office_hours, &rules);

    int64_t due_at = worktime_due (&rules, received_at, procedure.time_limit_value,
                                   procedure.time_limit_unit);
    const char *rule_set = rule_set_for (received_at);
    intake_routing_t routing;
    if (intake_routing_plan (submit->service, req, procedure.agency_code, procedure.office_hours, received_at,
                             &routing, error))
        return NULL;
    char limit [64], code [DOSSIER_CODE_MAX];
    limit_text (procedure.time_limit_value, procedure.time_limit_unit, limit, sizeof limit);
    long sequence = intake_store_next_sequence (db, procedure.agency_code, dossier_code_day (received_at));
    if (sequence < 0
    ||  dossier_code_format (code, sizeof code, procedure.agency_code,
                             dossier_code_day (received_at), sequence))
        return NULL;

    Motcua__V1__Receipt receipt = MOTCUA__V1__RECEIPT__INIT;
    receipt.dossier_code = code;
    receipt.procedure_code = procedure.code;
    receipt.procedure_name = procedure.name;
    receipt.applicant = req->applicant;
    receipt.received_at = received_at;
    receipt.due_at = due_at;
    receipt.channel = req->channel;
    receipt.return_method = req->return_method;
    receipt.n_components = req->n_components;
    receipt.components = req->components;
    receipt.time_limit_text = limit;
    receipt.agency_code = procedure.agency_code;
    receipt.receiving_agency = (char *) routing.receiving_agency;
    receipt.online_answer_by = routing.online_answer_by;
    receipt.route_by = routing.route_by;
    receipt.rule_set = (char *) rule_set;

    Motcua__V1__DossierReceived received = MOTCUA__V1__DOSSIER_RECEIVED__INIT;
    received.dossier_code = code;
    received.procedure_code = procedure.code;
    received.procedure_name = procedure.name;
    received.agency_code = procedure.agency_code;
    received.field = procedure.field;
    received.division = procedure.division;
    received.channel = req->channel;
    received.return_method = req->return_method;
    received.applicant = req->applicant;
    received.n_components = req->n_components;
    received.components = req->components;
    received.received_at = received_at;
    received.due_at = due_at;
    received.rule_set = (char *) rule_set;
    received.time_limit_value = procedure.time_limit_value;
    received.time_limit_unit = (char *) limit_unit_name (procedure.time_limit_unit);
    received.office_hours = procedure.office_hours;
    received.receiving_agency = (char *) routing.receiving_agency;
    received.filed_at = routing.filed_at;
    received.online_answer_by = routing.online_answer_by;
    received.route_by = routing.route_by;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = received_at;
    event.actor = (char *) submit->who->name;
    event.dossier_code = code;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED;
    event.dossier_received = &received;

    char due_text [40], change [512];
    audit_json (change, sizeof change, "procedure", procedure.code, "channel",
                (req->channel == MOTCUA__V1__CHANNEL__CHANNEL_ONLINE ? "online"
                : req->channel == MOTCUA__V1__CHANNEL__CHANNEL_POSTAL ? "postal" : "direct"), "due_at", vn_format_iso (due_at, due_text, sizeof due_text),
                "rule_set", rule_set, NULL);
    if (intake_store_insert (db, &receipt, rule_set, submit->who->name, req->idempotency_key,
                             procedure.version)
    ||  intake_routing_store (db, code, &routing)
    ||  outbox_append (db, "intake", "intake", &event)
    ||  audit_change (db, "intake", submit->who->name, submit->who->role, "receive", code, NULL, change))
        return NULL;
    log_info ("received %s (%s) from %s", code, procedure.code, submit->who->name);
    return api_pack (&receipt.base);
}

//  Submit: checks, then the receipt exactly once per idempotency key.
static Motcua__V1__Receipt *
s_submit (service_t *service, const principal_t *who, const Motcua__V1__SubmitDossier *req,
          api_error_t *error)
{
    if (intake_check_submit (req, error))
        return NULL;
    submit_t submit = { service, who, req, 0 };
    zchunk_t *body = idempotency_run (service_db (service), "intake", req->idempotency_key,
                                      s_receive, &submit, error);
    if (!body)
        return NULL;
    service_kick (service);
    Motcua__V1__Receipt *receipt = motcua__v1__receipt__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return receipt;
}

//  A counter-side command on an existing dossier (supplement, withdrawal).
typedef struct {
    service_t *service;
    const principal_t *who;
    const char *code;
    const char *reason;
    char **components;
    size_t n_components;
} dossier_command_t;

static int
s_view (db_t *db, const char *code, intake_view_t *view, api_error_t *error)
{
    int found = intake_store_view (db, code, view);
    if (found < 0)
        return api_db_fail (error, db_error (db));
    if (!found)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                         "no dossier %s was received here", code);
    return 0;
}

static zchunk_t *
s_packed_view (const char *code, const intake_view_t *view, const char *status)
{
    Motcua__V1__CounterView out = MOTCUA__V1__COUNTER_VIEW__INIT;
    out.dossier_code = (char *) code;
    out.status = (char *) status;
    out.received_at = view->received_at;
    out.due_at = view->due_at;
    return api_pack (&out.base);
}

//  The applicant hands in what was asked for: the clock's rule is processing's.
static zchunk_t *
s_hand_in (void *context, api_error_t *error)
{
    dossier_command_t *command = (dossier_command_t *) context;
    db_t *db = service_db (command->service);
    intake_view_t view;
    if (s_view (db, command->code, &view, error))
        return NULL;
    if (!streq (view.status, "supplement_requested")) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "dossier %s is %s: no supplement was asked for", command->code, view.status);
        return NULL;
    }
    int64_t now = vn_now_ms ();
    Motcua__V1__SupplementReceived supplied = MOTCUA__V1__SUPPLEMENT_RECEIVED__INIT;
    supplied.dossier_code = (char *) command->code;
    supplied.components = command->components;
    supplied.n_components = command->n_components;
    supplied.received_at = now;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = now;
    event.actor = (char *) command->who->name;
    event.dossier_code = (char *) command->code;
    event.body_case = MOTCUA__V1__EVENT__BODY_SUPPLEMENT_RECEIVED;
    event.supplement_received = &supplied;
    char *components = intake_store_array (command->components, command->n_components);
    char change [2300];
    audit_json (change, sizeof change, "status", "in_process", "supplement", components, NULL);
    free (components);
    if (intake_store_set_status (db, command->code, "in_process", NULL, 0)
    ||  outbox_append (db, "intake", "intake", &event)
    ||  audit_change (db, "intake", command->who->name, command->who->role, "hand in supplement",
                      command->code, "{\"status\":\"supplement_requested\"}", change))
        return NULL;
    return s_packed_view (command->code, &view, "in_process");
}

//  The applicant asks to stop; processing, which owns the state, decides.
static zchunk_t *
s_withdraw (void *context, api_error_t *error)
{
    dossier_command_t *command = (dossier_command_t *) context;
    db_t *db = service_db (command->service);
    intake_view_t view;
    if (s_view (db, command->code, &view, error))
        return NULL;
    if (!streq (view.status, "received") && !streq (view.status, "in_process")
    &&  !streq (view.status, "supplement_requested")) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "dossier %s is %s: it can no longer be withdrawn", command->code, view.status);
        return NULL;
    }
    int64_t now = vn_now_ms ();
    Motcua__V1__DossierWithdrawn withdrawn = MOTCUA__V1__DOSSIER_WITHDRAWN__INIT;
    withdrawn.dossier_code = (char *) command->code;
    withdrawn.reason = (char *) command->reason;
    withdrawn.withdrawn_at = now;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = now;
    event.actor = (char *) command->who->name;
    event.dossier_code = (char *) command->code;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_WITHDRAWN;
    event.dossier_withdrawn = &withdrawn;
    char old_value [64], new_value [1200];
    audit_json (old_value, sizeof old_value, "status", view.status, NULL);
    audit_json (new_value, sizeof new_value, "status", "withdrawal_requested", "reason", command->reason, NULL);
    if (intake_store_set_status (db, command->code, "withdrawal_requested", NULL, 0)
    ||  outbox_append (db, "intake", "intake", &event)
    ||  audit_change (db, "intake", command->who->name, command->who->role, "withdraw",
                      command->code, old_value, new_value))
        return NULL;
    return s_packed_view (command->code, &view, "withdrawal_requested");
}

typedef struct {
    service_t *service;
    const principal_t *who;
    const Motcua__V1__RefuseDossier *req;
} refuse_t;

//  Not taken in: a numbered refusal notice with its reason, never a dossier.
static zchunk_t *
s_refuse (void *context, api_error_t *error)
{
    refuse_t *refuse = (refuse_t *) context;
    db_t *db = service_db (refuse->service);
    int64_t now = vn_now_ms ();
    now -= now % 1000;
    procedure_row_t procedure;
    int found = intake_store_procedure (db, refuse->req->procedure_code, now, &procedure);
    if (api_found (error, found, db_error (db), "procedure_code",
                   "unknown procedure code '%s'", refuse->req->procedure_code))
        return NULL;
    char series [80], number [DOSSIER_CODE_MAX], sequence_text [DOSSIER_CODE_MAX];
    snprintf (series, sizeof series, "%s/TC", procedure.agency_code);
    long sequence = intake_store_next_sequence (db, series, dossier_code_day (now));
    if (sequence < 0 || dossier_code_format (sequence_text, sizeof sequence_text, procedure.agency_code,
                                             dossier_code_day (now), sequence))
        return NULL;
    //  <agency>-YYMMDD-TCnnnn: the day's refusals, apart from its dossiers.
    char *last_dash = strrchr (sequence_text, '-');
    snprintf (number, sizeof number, "%.*s-TC%s", (int) (last_dash - sequence_text), sequence_text, last_dash + 1);
    Motcua__V1__RefusalNotice notice = MOTCUA__V1__REFUSAL_NOTICE__INIT;
    notice.number = number;
    notice.procedure_code = procedure.code;
    notice.procedure_name = procedure.name;
    notice.applicant = refuse->req->applicant;
    notice.reason = refuse->req->reason;
    notice.refused_at = now;
    notice.rule_set = (char *) rule_set_for (now);
    if (intake_routing_refusal_plan (refuse->service, refuse->req->filed_at, procedure.office_hours, &notice, error))
        return NULL;
    char change [1200];
    char filed [40] = "", answer_by [40] = "";
    if (notice.online_answer_by) {
        vn_format_iso (notice.filed_at, filed, sizeof filed);
        vn_format_iso (notice.online_answer_by, answer_by, sizeof answer_by);
    }
    audit_json (change, sizeof change, "procedure", procedure.code, "reason", refuse->req->reason,
                "filed_at", filed, "online_answer_by", answer_by, NULL);
    if (intake_store_refusal (db, &notice, refuse->who->name, refuse->req->idempotency_key)
    ||  audit_change (db, "intake", refuse->who->name, refuse->who->role, "refuse", number, NULL, change))
        return NULL;
    return api_pack (&notice.base);
}

static Motcua__V1__CounterView *
s_run (service_t *service, const char *key, idempotent_fn *work, dossier_command_t *command,
       api_error_t *error)
{
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", command->code, 64, true)
    ||  api_check_text (error, "reason", command->reason, 2000, false))
        return NULL;
    for (size_t i = 0; i < command->n_components; i++)
        if (api_check_text (error, "components", command->components [i], 300, true))
            return NULL;
    zchunk_t *body = idempotency_run (service_db (service), "intake", key, work, command, error);
    if (!body)
        return NULL;
    service_kick (service);
    Motcua__V1__CounterView *view = motcua__v1__counter_view__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return view;
}

static zchunk_t *
s_handle (service_t *service, const principal_t *who, const ProtobufCMessage *message)
{
    const Motcua__V1__IntakeRequest *request = (const Motcua__V1__IntakeRequest *) message;
    Motcua__V1__IntakeReply reply = MOTCUA__V1__INTAKE_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__ProcedureList procedures = MOTCUA__V1__PROCEDURE_LIST__INIT;
    Motcua__V1__Receipt *receipt = NULL;
    Motcua__V1__CounterView *view = NULL;
    Motcua__V1__RefusalNotice *refusal = NULL;
    Motcua__V1__ImportResult *imported = NULL;
    Motcua__V1__LookupResult *dossiers = NULL;

    switch (request->body_case) {
        case MOTCUA__V1__INTAKE_REQUEST__BODY_LIST_PROCEDURES:
            if (request->list_procedures->at < 0 || request->list_procedures->at >= vn_instant (10000, 1, 1, 0)) {
                api_fail (&error, INVALID, "at", "at must be a time between 1970 and the year 10000");
                break;
            }
            if (intake_store_procedures (service_db (service), request->list_procedures->at > 0
                                         ? request->list_procedures->at : vn_now_ms (), &procedures))
                api_db_fail (&error, db_error (service_db (service)));
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_PROCEDURES;
            reply.procedures = &procedures;
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT:
            receipt = s_submit (service, who, request->submit, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_RECEIPT;
            reply.receipt = receipt;
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_HAND_IN_SUPPLEMENT: {
            const Motcua__V1__HandInSupplement *req = request->hand_in_supplement;
            if (req->n_components == 0 || req->n_components > 50) {
                api_fail (&error, INVALID, "components", "list the documents handed in (1 to 50)");
                break;
            }
            dossier_command_t command = { service, who, req->dossier_code, "", req->components, req->n_components };
            view = s_run (service, req->idempotency_key, s_hand_in, &command, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_VIEW;
            reply.view = view;
            break;
        }
        case MOTCUA__V1__INTAKE_REQUEST__BODY_REFUSE: {
            const Motcua__V1__RefuseDossier *req = request->refuse;
            if (api_check_text (&error, "idempotency_key", req->idempotency_key, 128, true)
            ||  api_check_text (&error, "procedure_code", req->procedure_code, 64, true)
            ||  api_check_text (&error, "reason", req->reason, 2000, true))
                break;
            if (!req->applicant) {
                api_fail (&error, INVALID, "applicant", "applicant is required");
                break;
            }
            if (api_check_text (&error, "applicant.name", req->applicant->name, 200, true)
            ||  api_check_text (&error, "applicant.id_number", req->applicant->id_number, 32, false)
            ||  api_check_text (&error, "applicant.phone", req->applicant->phone, 32, false)
            ||  api_check_text (&error, "applicant.address", req->applicant->address, 500, false))
                break;
            refuse_t command = { service, who, req };
            zchunk_t *body = idempotency_run (service_db (service), "intake", req->idempotency_key,
                                              s_refuse, &command, &error);
            if (!body)
                break;
            refusal = motcua__v1__refusal_notice__unpack (NULL, zchunk_size (body), zchunk_data (body));
            zchunk_destroy (&body);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_REFUSAL;
            reply.refusal = refusal;
            break;
        }
        case MOTCUA__V1__INTAKE_REQUEST__BODY_WITHDRAW: {
            const Motcua__V1__Withdraw *req = request->withdraw;
            dossier_command_t command = { service, who, req->dossier_code, req->reason, NULL, 0 };
            view = s_run (service, req->idempotency_key, s_withdraw, &command, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_VIEW;
            reply.view = view;
            break;
        }
        case MOTCUA__V1__INTAKE_REQUEST__BODY_REFUSAL_LOOKUP:
            refusal = intake_routing_refusal (service_db (service), request->refusal_lookup->number, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_REFUSAL;
            reply.refusal = refusal;
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_IMPORT_DOSSIERS:
            imported = intake_import (service, who, request->import_dossiers, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_IMPORTED;
            reply.imported = imported;
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_LOOKUP:
            dossiers = intake_lookup (service, who, request->lookup, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_DOSSIERS;
            reply.dossiers = dossiers;
            break;
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    intake_import_free (&imported);
    intake_lookup_free (&dossiers);
    intake_store_free_list (&procedures);
    if (receipt)
        motcua__v1__receipt__free_unpacked (receipt, NULL);
    if (view)
        motcua__v1__counter_view__free_unpacked (view, NULL);
    if (refusal)
        motcua__v1__refusal_notice__free_unpacked (refusal, NULL);
    return packed;
}

//  The counter's view follows processing: supplements asked, ends, returns.
static int
s_apply (void *service_data, const Motcua__V1__Event *event)
{
    db_t *db = service_db ((service_t *) service_data);
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED:
            return intake_store_set_status (db, event->dossier_code, "supplement_requested",
                                            event->supplement_requested->missing,
                                            event->supplement_requested->n_missing);
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED: {
            Motcua__V1__Outcome outcome = event->dossier_resolved->outcome;
            return intake_store_set_status (db, event->dossier_code,
                outcome == MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN ? "withdrawn"
              : outcome == MOTCUA__V1__OUTCOME__OUTCOME_CLOSED ? "closed" : "resolved", NULL, 0);
        }
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED:
            return intake_store_set_status (db, event->dossier_code, "returned", NULL, 0);
        case MOTCUA__V1__EVENT__BODY_HANDOVER_SIGNED:
            return intake_postal_apply ((service_t *) service_data, event);
        default:
            return 0;
    }
}

zchunk_t *
intake_receive_at (service_t *service, const principal_t *who, const Motcua__V1__SubmitDossier *req,
                   int64_t received_at, api_error_t *error)
{
    submit_t submit = { service, who, req, received_at };
    return s_receive (&submit, error);
}

zchunk_t *
intake_refuse_now (service_t *service, const principal_t *who, const Motcua__V1__RefuseDossier *req,
                   api_error_t *error)
{
    refuse_t refuse = { service, who, req };
    return s_refuse (&refuse, error);
}

const service_handlers_t intake_handlers = {
    .name = "intake",
    .summary = "The intake service: procedure catalogue and dossier submission (receipts).",
    .produces_events = true,
    .group_commit = true,
    .handle = s_handle,
    .request_type = &motcua__v1__intake_request__descriptor,
    .reply_type = &motcua__v1__intake_reply__descriptor,
    .operations = intake_operations,
    .apply = s_apply,
};
