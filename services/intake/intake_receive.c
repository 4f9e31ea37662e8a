/*  intake_receive — the counter's two answers to a dossier handed in. See
    intake_receive.h.                                                       */
#include "intake_receive.h"
#include "intake_store.h"
#include "intake_routing.h"
#include "api.h"
#include "audit.h"
#include "dossier_code.h"
#include "legal_clock.h"
#include "log.h"
#include "outbox.h"
#include "rule_set.h"
#include "vntime.h"
#include "worktime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  Receive a dossier inside the command's transaction: code, due time, the
//  dossier row and its DossierReceived event. Returns the packed receipt.
zchunk_t *
intake_receive (void *context, api_error_t *error)
{
    intake_submit_t *submit = (intake_submit_t *) context;
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
    if (service_allow_dossier (submit->service, submit->who, "", procedure.code, "",
                               "submit dossiers", error))
        return NULL;
    worktime_rules_t rules;
    service_rules (submit->service, procedure.office_hours, &rules);

    rules_id_t rules_id = rule_set_at (received_at);
    clock_change_t first;
    legal_clock_receive (rules_id, &rules, received_at, procedure.time_limit_value,
                         procedure.time_limit_unit, &first);
    int64_t due_at = first.due_at;
    const char *rule_set = rule_set_name (rules_id);
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

//  Not taken in: a numbered refusal notice with its reason, never a dossier.
zchunk_t *
intake_refuse (void *context, api_error_t *error)
{
    intake_refuse_t *refuse = (intake_refuse_t *) context;
    db_t *db = service_db (refuse->service);
    int64_t now = vn_now_ms ();
    now -= now % 1000;
    procedure_row_t procedure;
    int found = intake_store_procedure (db, refuse->req->procedure_code, now, &procedure);
    if (api_found (error, found, db_error (db), "procedure_code",
                   "unknown procedure code '%s'", refuse->req->procedure_code))
        return NULL;
    if (service_allow_dossier (refuse->service, refuse->who, "", procedure.code, "", "refuse dossiers", error))
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
    notice.rule_set = (char *) rule_set_name (rule_set_at (now));
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
