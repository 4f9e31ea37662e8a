/*  intake_server — request handling of the intake service. See intake_server.h. */
#include "intake_server.h"
#include "intake_store.h"
#include "intake_check.h"
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
} submit_t;

//  Receive a dossier inside the command's transaction: code, due time, the
//  dossier row and its DossierReceived event. Returns the packed receipt.
static zchunk_t *
s_receive (void *context, api_error_t *error)
{
    submit_t *submit = (submit_t *) context;
    const Motcua__V1__SubmitDossier *req = submit->req;
    db_t *db = service_db (submit->service);
    procedure_row_t procedure;
    int found = intake_store_procedure (db, req->procedure_code, &procedure);
    if (found < 0) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    if (!found) {
        api_fail (error, INVALID, "procedure_code",
                  "unknown procedure code '%s' (see `motcua catalog list`)", req->procedure_code);
        return NULL;
    }
    //  Any centre takes any procedure of the province (2025): the grant
    //  limits procedures, not the competent agency.
    if (service_allow_dossier (submit->service, submit->who, procedure.code, "",
                               "submit dossiers", error))
        return NULL;
    worktime_rules_t rules;
    service_rules (submit->service, procedure.office_hours, &rules);

    int64_t received_at = vn_now_ms ();
    received_at -= received_at % 1000;          //  the receipt shows whole seconds
    int64_t due_at = worktime_due (&rules, received_at, procedure.time_limit_value,
                                   procedure.time_limit_unit);
    const char *rule_set = rule_set_for (received_at);
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
    if (intake_store_insert (db, &receipt, rule_set, submit->who->name, req->idempotency_key)
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
    submit_t submit = { service, who, req };
    zchunk_t *body = idempotency_run (service_db (service), "intake", req->idempotency_key,
                                      s_receive, &submit, error);
    if (!body)
        return NULL;
    service_kick (service);
    Motcua__V1__Receipt *receipt = motcua__v1__receipt__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return receipt;
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

    switch (request->body_case) {
        case MOTCUA__V1__INTAKE_REQUEST__BODY_LIST_PROCEDURES:
            if (intake_store_procedures (service_db (service), &procedures))
                api_db_fail (&error, db_error (service_db (service)));
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_PROCEDURES;
            reply.procedures = &procedures;
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT:
            if (service_allow (service, who, "counter,postal", "submit dossiers", &error))
                break;
            receipt = s_submit (service, who, request->submit, &error);
            reply.body_case = MOTCUA__V1__INTAKE_REPLY__BODY_RECEIPT;
            reply.receipt = receipt;
            break;
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    intake_store_free_list (&procedures);
    if (receipt)
        motcua__v1__receipt__free_unpacked (receipt, NULL);
    return packed;
}

const service_handlers_t intake_handlers = {
    .name = "intake",
    .summary = "The intake service: procedure catalogue and dossier submission (receipts).",
    .produces_events = true,
    .handle = s_handle,
    .request_type = &motcua__v1__intake_request__descriptor,
    .reply_type = &motcua__v1__intake_reply__descriptor,
    .apply = NULL,
};
