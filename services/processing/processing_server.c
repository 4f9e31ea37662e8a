/*  processing_server — the desk and counter commands of processing (queue,
    resolve, return at the counter, supplement request, delay letter); the
    events it consumes are in processing_events.c.                          */
#include "processing_server.h"
#include "processing_moves.h"
#include "processing_steps.h"
#include "api.h"
#include "audit.h"
#include "idempotency.h"
#include "legal_clock.h"
#include "lifecycle.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define DELAY_HORIZON_MS (731LL * MS_PER_DAY)     //  two years
#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

typedef struct {
    service_t *service;
    const principal_t *who;
    const char *code;
    Motcua__V1__Outcome outcome;
    const char *reason;
    char **missing;
    size_t n_missing;
    int64_t new_due_at;
} command_t;

//  Resolve: approve or reject, emit DossierResolved (+ ResultReady by post).
static zchunk_t *
s_resolve (void *context, api_error_t *error)
{
    command_t *command = (command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    if (processing_load (db, command->code, &row, error)
    ||  service_allow_dossier (command->service, command->who, command->code, row.procedure_code, row.agency_code,
                               "resolve dossiers", error))
        return NULL;
    row.outcome = command->outcome;
    row.resolved_at = vn_now_ms ();
    snprintf (row.reason, sizeof row.reason, "%s", command->reason);
    if (processing_move (db, &row, ACTION_RESOLVE, command->who->name, command->who->role, error))
        return NULL;
    //  The last step is handed back with the decision, then the decision:
    //  events of one instant leave in the order they happened.
    if (processing_steps_finish (command->service, &row, command->who->name)
    ||  processing_emit_resolved (db, &row, command->who->name))
        return NULL;
    if (row.return_method == MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL) {
        Motcua__V1__Applicant recipient = MOTCUA__V1__APPLICANT__INIT;
        recipient.name = row.applicant_name;
        recipient.id_number = row.applicant_id;
        recipient.phone = row.phone;
        recipient.address = row.address;
        Motcua__V1__ResultReady ready = MOTCUA__V1__RESULT_READY__INIT;
        ready.dossier_code = row.dossier_code;
        ready.recipient = &recipient;
        ready.ready_at = row.resolved_at;
        ready.procedure_name = row.procedure_name;
        ready.rule_set = row.rule_set;
        ready.outcome = row.outcome;
        ready.procedure_code = row.procedure_code;
        ready.agency_code = row.agency_code;
        Motcua__V1__Event ready_event = MOTCUA__V1__EVENT__INIT;
        ready_event.occurred_at = row.resolved_at;
        ready_event.body_case = MOTCUA__V1__EVENT__BODY_RESULT_READY;
        ready_event.result_ready = &ready;
        if (processing_emit (db, &ready_event, row.dossier_code, command->who->name))
            return NULL;
    }
    log_info ("resolved %s (%s) by %s", row.dossier_code,
              command->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "approved" : "rejected",
              command->who->name);
    return processing_packed_item (&row);
}

//  Return at the counter: only for results collected at the counter.
static zchunk_t *
s_return_at_counter (void *context, api_error_t *error)
{
    command_t *command = (command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    if (processing_load (db, command->code, &row, error)
    ||  service_allow_dossier (command->service, command->who, command->code, row.procedure_code, "",
                               "return results", error))
        return NULL;
    if (row.return_method != MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "the result of %s goes back by post, not at the counter", row.dossier_code);
        return NULL;
    }
    if (processing_steps_require_result (db, &row, error))
        return NULL;
    row.returned_at = vn_now_ms ();
    if (processing_move (db, &row, ACTION_RETURN, command->who->name, command->who->role, error)
    ||  processing_emit_returned (db, &row, command->who->name))
        return NULL;
    log_info ("returned %s at the counter by %s", row.dossier_code, command->who->name);
    return processing_packed_item (&row);
}

//  Ask for what is missing, once, in one go.
static zchunk_t *
s_request_supplement (void *context, api_error_t *error)
{
    command_t *command = (command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    if (processing_load (db, command->code, &row, error)
    ||  service_allow_dossier (command->service, command->who, command->code, row.procedure_code, row.agency_code,
                               "request supplements", error))
        return NULL;
    worktime_rules_t rules;
    rules_id_t id = processing_rules (command->service, &row, &rules);
    int64_t now = vn_now_ms ();
    int64_t by = legal_clock_supplement_by (id, &rules, row.received_at);
    if (row.supplements > 0) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "dossier %s already had its one supplement request (rules of %s)", row.dossier_code, row.rule_set);
        return NULL;
    }
    if (by && now > by) {
        char when [40];
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "under the rules of 2025 (NĐ 118/2025 Điều 19.5) a supplement had to be asked by %s",
                  vn_format_form (by, when, sizeof when));
        return NULL;
    }
    snprintf (row.reason, sizeof row.reason, "%s", command->reason);
    row.supplement_requested_at = now;
    row.supplement_close_at = legal_clock_close_at (id, now);
    row.supplements++;
    if (processing_move (db, &row, ACTION_REQUEST_SUPPLEMENT, command->who->name, command->who->role, error)
    ||  processing_sheet_set_missing (db, row.dossier_code, command->missing, command->n_missing))
        return NULL;
    Motcua__V1__SupplementRequested asked = MOTCUA__V1__SUPPLEMENT_REQUESTED__INIT;
    asked.dossier_code = row.dossier_code;
    asked.missing = command->missing;
    asked.n_missing = command->n_missing;
    asked.reason = (char *) command->reason;
    asked.requested_at = now;
    asked.close_at = row.supplement_close_at;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = now;
    event.body_case = MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED;
    event.supplement_requested = &asked;
    if (processing_emit (db, &event, row.dossier_code, command->who->name))
        return NULL;
    return processing_packed_item (&row);
}

//  The apology with a new appointment (2018) / the extension request (2025).
static zchunk_t *
s_delay_letter (void *context, api_error_t *error)
{
    command_t *command = (command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    if (processing_load (db, command->code, &row, error)
    ||  service_allow_dossier (command->service, command->who, command->code, row.procedure_code, row.agency_code,
                               "issue delay letters", error))
        return NULL;
    dossier_state_t state, next;
    if (lifecycle_state_parse (row.status, &state) || lifecycle_next (state, ACTION_DELAY, &next)) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "dossier %s is %s (rules of %s); a delay letter is for a dossier in process",
                  row.dossier_code, row.status, row.rule_set);
        return NULL;
    }
    worktime_rules_t rules;
    rules_id_t id = processing_rules (command->service, &row, &rules);
    clock_change_t change;
    char why [256];
    int64_t previous = row.due_at;
    if (legal_clock_delay (id, row.due_at, vn_now_ms (), command->new_due_at, row.delay_letters,
                           &change, why, sizeof why)) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "new_due_at",
                  "dossier %s is %s (rules of %s): %s", row.dossier_code, row.status, row.rule_set, why);
        return NULL;
    }
    if (*command->reason)
        snprintf (change.reason, sizeof change.reason, "%s", command->reason);
    row.delay_letters++;
    char old_value [64], new_value [512], due_text [40];
    audit_json (old_value, sizeof old_value, "delay_letters", row.delay_letters == 1 ? "0" : "1+", NULL);
    audit_json (new_value, sizeof new_value, "appointment", vn_format_iso (change.due_at, due_text, sizeof due_text),
                "rule", change.rule, "reason", change.reason, NULL);
    if (processing_emit_due_change (db, &row, previous, &change, true, command->who->name)
    ||  processing_store_save (db, &row)
    ||  audit_change (db, "processing", command->who->name, command->who->role, "delay letter",
                      row.dossier_code, old_value, new_value))
        return NULL;
    return processing_packed_item (&row);
}

static Motcua__V1__WorkItem *
s_run_command (service_t *service, const char *key, idempotent_fn *work,
               command_t *command, api_error_t *error)
{
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", command->code, 64, true)
    ||  api_check_text (error, "reason", command->reason, 2000, false))
        return NULL;
    return processing_run (service, key, work, command, error);
}

static zchunk_t *
s_handle (service_t *service, const principal_t *who, const ProtobufCMessage *message)
{
    const Motcua__V1__ProcessingRequest *request = (const Motcua__V1__ProcessingRequest *) message;
    Motcua__V1__ProcessingReply reply = MOTCUA__V1__PROCESSING_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__Queue queue = MOTCUA__V1__QUEUE__INIT;
    Motcua__V1__WorkItem *item = NULL;
    work_row_t *rows = NULL;
    command_t command = { service, who, "", 0, "", NULL, 0, 0 };
    processing_steps_reply_t steps = { NULL, NULL };

    switch (request->body_case) {
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_QUEUE: {
            if (api_check_text (&error, "division", request->queue->division, 64, false))
                break;
            auth_scope_t scope;
            auth_scope (who, &scope);
            int count = processing_store_queue (service_db (service), request->queue->division, &scope, &rows);
            if (count < 0) {
                api_db_fail (&error, db_error (service_db (service)));
                break;
            }
            queue.n_items = (size_t) count;
            queue.items = (Motcua__V1__WorkItem **) calloc ((size_t) count + 1, sizeof (void *));
            for (int i = 0; i < count; i++) {
                queue.items [i] = (Motcua__V1__WorkItem *) malloc (sizeof (Motcua__V1__WorkItem));
                motcua__v1__work_item__init (queue.items [i]);
                processing_row_to_pb (&rows [i], queue.items [i]);
            }
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_QUEUE;
            reply.queue = &queue;
            break;
        }
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_RESOLVE:
            command.code = request->resolve->dossier_code;
            command.outcome = request->resolve->outcome;
            command.reason = request->resolve->reason;
            if (command.outcome != MOTCUA__V1__OUTCOME__OUTCOME_APPROVED
            &&  command.outcome != MOTCUA__V1__OUTCOME__OUTCOME_REJECTED) {
                api_fail (&error, INVALID, "outcome", "outcome must be approved or rejected");
                break;
            }
            if (command.outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED
            &&  api_check_text (&error, "reason", command.reason, 2000, true))
                break;      //  a refusal must say why
            item = s_run_command (service, request->resolve->idempotency_key, s_resolve, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_RETURN_AT_COUNTER:
            command.code = request->return_at_counter->dossier_code;
            item = s_run_command (service, request->return_at_counter->idempotency_key,
                                  s_return_at_counter, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_REQUEST_SUPPLEMENT: {
            const Motcua__V1__RequestSupplement *req = request->request_supplement;
            if (req->n_missing == 0 || req->n_missing > 50) {
                api_fail (&error, INVALID, "missing", "list everything that is missing, in one go (1 to 50 items)");
                break;
            }
            bool bad = false;
            for (size_t i = 0; i < req->n_missing && !bad; i++)
                bad = api_check_text (&error, "missing", req->missing [i], 300, true) != 0;
            if (bad)
                break;
            command.code = req->dossier_code;
            command.reason = req->reason;
            command.missing = req->missing;
            command.n_missing = req->n_missing;
            item = s_run_command (service, req->idempotency_key, s_request_supplement, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        }
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_DELAY_LETTER:
            //  A new appointment within two years: a later one is a typing
            //  error (and near INT64_MAX civil-time arithmetic would overflow).
            if (api_check_time (&error, "new_due_at", request->delay_letter->new_due_at,
                                vn_instant (2000, 1, 1, 0), vn_now_ms () + DELAY_HORIZON_MS))
                break;
            command.code = request->delay_letter->dossier_code;
            command.reason = request->delay_letter->reason;
            command.new_due_at = request->delay_letter->new_due_at;
            item = s_run_command (service, request->delay_letter->idempotency_key, s_delay_letter, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        default:
            if (!processing_steps_handle (service, who, request, &reply, &steps, &error))
                api_fail (&error, INVALID, "body", "the request names no operation");
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    processing_steps_release (&steps);
    for (size_t i = 0; i < queue.n_items; i++)
        free (queue.items [i]);
    free (queue.items);
    free (rows);
    if (item)
        motcua__v1__work_item__free_unpacked (item, NULL);
    return packed;
}

const service_handlers_t processing_handlers = {
    .name = "processing",
    .summary = "The processing service: division queues, decisions, results and returns.",
    .produces_events = true,
    .handle = s_handle,
    .request_type = &motcua__v1__processing_request__descriptor,
    .reply_type = &motcua__v1__processing_reply__descriptor,
    .operations = processing_operations,
    .apply = processing_apply,
    .tick = processing_tick,
};
