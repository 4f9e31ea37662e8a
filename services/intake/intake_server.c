/*  intake_server — request handling of the intake service. See intake_server.h. */
#include "intake_server.h"
#include "intake_store.h"
#include "intake_check.h"
#include "intake_routing.h"
#include "intake_postal.h"
#include "intake_receive.h"
#include "intake_import.h"
#include "intake_lookup.h"
#include "lifecycle.h"
#include "api.h"
#include "audit.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  Submit: checks, then the receipt exactly once per idempotency key.
static Motcua__V1__Receipt *
s_submit (service_t *service, const principal_t *who, const Motcua__V1__SubmitDossier *req,
          api_error_t *error)
{
    if (intake_check_submit (req, error))
        return NULL;
    intake_submit_t submit = { service, who, req, 0 };
    zchunk_t *body = service_run_once (service, req->idempotency_key, intake_receive, &submit, error);
    if (!body)
        return NULL;
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

//  The counter's view of the command's dossier, if the caller's grant
//  covers it (what: the refusal's words). 0, or -1 with error set.
static int
s_view (dossier_command_t *command, const char *what, intake_view_t *view, api_error_t *error)
{
    db_t *db = service_db (command->service);
    int found = intake_store_view (db, command->code, view);
    if (found < 0)
        return api_db_fail (error, db_error (db));
    if (!found)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                         "no dossier %s was received here", command->code);
    //  As at submit: any centre serves any procedure of the province (2025),
    //  so the grant's procedures decide, not its agency.
    return service_allow_dossier (command->service, command->who, command->code, view->procedure_code,
                                  "", what, error);
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

//  May a dossier intake holds as `status` undergo `action`? The lifecycle
//  table decides; intake's own "withdrawal_requested" (processing has not
//  answered yet) is no state of the table and allows nothing.
static bool
s_may (const char *status, dossier_action_t action)
{
    dossier_state_t state, next;
    return lifecycle_state_parse (status, &state) == 0 && lifecycle_next (state, action, &next) == 0;
}

//  The applicant hands in what was asked for: the clock's rule is processing's.
static zchunk_t *
s_hand_in (void *context, api_error_t *error)
{
    dossier_command_t *command = (dossier_command_t *) context;
    db_t *db = service_db (command->service);
    intake_view_t view;
    if (s_view (command, "take supplements", &view, error))
        return NULL;
    if (!s_may (view.status, ACTION_SUPPLEMENT_RECEIVED)) {
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
    if (s_view (command, "take withdrawals", &view, error))
        return NULL;
    if (!s_may (view.status, ACTION_WITHDRAW)) {
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
    zchunk_t *body = service_run_once (service, key, work, command, error);
    if (!body)
        return NULL;
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
            intake_refuse_t command = { service, who, req };
            zchunk_t *body = service_run_once (service, req->idempotency_key, intake_refuse, &command, &error);
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
            if (refusal && service_allow_dossier (service, who, "", refusal->procedure_code, "",
                                                  "read refusal notices", &error))
                break;
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
