/*  processing_server — request and event handling of processing.            */
#include "processing_server.h"
#include "processing_store.h"
#include "api.h"
#include "audit.h"
#include "idempotency.h"
#include "lifecycle.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  Move row by action (the lifecycle table decides), record it in the trail
//  and the audit. 0 or -1.
static int
s_move (db_t *db, work_row_t *row, dossier_action_t action, const char *actor, const char *role,
        api_error_t *error)
{
    dossier_state_t from, to;
    if (lifecycle_state_parse (row->status, &from) || lifecycle_next (from, action, &to))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                         "dossier %s is %s; it cannot %s now", row->dossier_code, row->status,
                         lifecycle_action_name (action));
    snprintf (row->status, sizeof row->status, "%s", lifecycle_state_name (to));
    char old_value [128], new_value [1400];
    audit_json (old_value, sizeof old_value, "status", lifecycle_state_name (from), NULL);
    audit_json (new_value, sizeof new_value, "status", row->status,
                "outcome", row->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "approved"
                         : row->outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED ? "rejected" : "",
                "reason", row->reason, NULL);
    if (processing_store_save (db, row)
    ||  processing_store_trail (db, row->dossier_code, lifecycle_state_name (from),
                                row->status, lifecycle_action_name (action), actor)
    ||  audit_change (db, "processing", actor, role, lifecycle_action_name (action),
                      row->dossier_code, old_value, new_value))
        return api_db_fail (error, db_error (db));
    return 0;
}

static int
s_emit (db_t *db, Motcua__V1__Event *event, const char *code, const char *actor)
{
    event->dossier_code = (char *) code;
    event->actor = (char *) actor;
    return outbox_append (db, "processing", "processing", event);
}

static int
s_emit_returned (db_t *db, const work_row_t *row, const char *actor)
{
    Motcua__V1__DossierReturned returned = MOTCUA__V1__DOSSIER_RETURNED__INIT;
    returned.dossier_code = (char *) row->dossier_code;
    returned.returned_at = row->returned_at;
    returned.via = (Motcua__V1__ReturnMethod) row->return_method;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = row->returned_at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED;
    event.dossier_returned = &returned;
    return s_emit (db, &event, row->dossier_code, actor);
}

typedef struct {
    service_t *service;
    const principal_t *who;
    const char *code;
    Motcua__V1__Outcome outcome;
    const char *reason;
} command_t;

//  Load the command's dossier, locked. 0 or -1 with error.
static int
s_load (db_t *db, const char *code, work_row_t *row, api_error_t *error)
{
    int found = processing_store_load (db, code, row);
    if (found < 0)
        return api_db_fail (error, db_error (db));
    if (!found)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                         "no dossier %s in processing", code);
    return 0;
}

static zchunk_t *
s_packed_item (work_row_t *row)
{
    Motcua__V1__WorkItem item = MOTCUA__V1__WORK_ITEM__INIT;
    processing_row_to_pb (row, &item);
    return api_pack (&item.base);
}

//  Resolve: approve or reject, emit DossierResolved (+ ResultReady by post).
static zchunk_t *
s_resolve (void *context, api_error_t *error)
{
    command_t *command = (command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    if (s_load (db, command->code, &row, error)
    ||  service_allow_dossier (command->service, command->who, row.procedure_code, row.agency_code,
                               "resolve dossiers", error))
        return NULL;
    row.outcome = command->outcome;
    row.resolved_at = vn_now_ms ();
    snprintf (row.reason, sizeof row.reason, "%s", command->reason);
    if (s_move (db, &row, ACTION_RESOLVE, command->who->name, command->who->role, error))
        return NULL;
    Motcua__V1__DossierResolved resolved = MOTCUA__V1__DOSSIER_RESOLVED__INIT;
    resolved.dossier_code = row.dossier_code;
    resolved.outcome = command->outcome;
    resolved.reason = row.reason;
    resolved.resolved_at = row.resolved_at;
    resolved.due_at = row.due_at;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = row.resolved_at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED;
    event.dossier_resolved = &resolved;
    if (s_emit (db, &event, row.dossier_code, command->who->name))
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
        Motcua__V1__Event ready_event = MOTCUA__V1__EVENT__INIT;
        ready_event.occurred_at = row.resolved_at;
        ready_event.body_case = MOTCUA__V1__EVENT__BODY_RESULT_READY;
        ready_event.result_ready = &ready;
        if (s_emit (db, &ready_event, row.dossier_code, command->who->name))
            return NULL;
    }
    log_info ("resolved %s (%s) by %s", row.dossier_code,
              command->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "approved" : "rejected",
              command->who->name);
    return s_packed_item (&row);
}

//  Return at the counter: only for results collected at the counter.
static zchunk_t *
s_return_at_counter (void *context, api_error_t *error)
{
    command_t *command = (command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    if (s_load (db, command->code, &row, error)
    ||  service_allow_dossier (command->service, command->who, row.procedure_code, "",
                               "return results", error))
        return NULL;
    if (row.return_method != MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "the result of %s goes back by post, not at the counter", row.dossier_code);
        return NULL;
    }
    row.returned_at = vn_now_ms ();
    if (s_move (db, &row, ACTION_RETURN, command->who->name, command->who->role, error)
    ||  s_emit_returned (db, &row, command->who->name))
        return NULL;
    log_info ("returned %s at the counter by %s", row.dossier_code, command->who->name);
    return s_packed_item (&row);
}

static Motcua__V1__WorkItem *
s_run_command (service_t *service, const char *key, idempotent_fn *work,
               command_t *command, api_error_t *error)
{
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", command->code, 64, true)
    ||  api_check_text (error, "reason", command->reason, 2000, false))
        return NULL;
    zchunk_t *body = idempotency_run (service_db (service), "processing", key, work, command, error);
    if (!body)
        return NULL;
    service_kick (service);
    Motcua__V1__WorkItem *item = motcua__v1__work_item__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return item;
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
    command_t command = { service, who, "", 0, "" };

    switch (request->body_case) {
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_QUEUE: {
            if (service_allow (service, who, "desk,counter,dashboard", "see the queue", &error)
            ||  api_check_text (&error, "division", request->queue->division, 64, false))
                break;
            int count = processing_store_queue (service_db (service), request->queue->division, &rows);
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
            if (service_allow (service, who, "desk", "resolve dossiers", &error))
                break;
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
            if (service_allow (service, who, "counter", "return results at the counter", &error))
                break;
            command.code = request->return_at_counter->dossier_code;
            item = s_run_command (service, request->return_at_counter->idempotency_key,
                                  s_return_at_counter, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    for (size_t i = 0; i < queue.n_items; i++)
        free (queue.items [i]);
    free (queue.items);
    free (rows);
    if (item)
        motcua__v1__work_item__free_unpacked (item, NULL);
    return packed;
}

//  Delivered by post: the result is back with the applicant.
static int
s_on_delivered (service_t *service, const Motcua__V1__ShipmentDelivered *delivered, const char *actor)
{
    db_t *db = service_db (service);
    work_row_t row;
    api_error_t error = { 0 };
    if (s_load (db, delivered->dossier_code, &row, &error))
        return error.code == MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND ? 0 : -1;
    row.returned_at = delivered->delivered_at;
    if (s_move (db, &row, ACTION_RETURN, actor, "postal", &error)) {
        if (error.code != MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION)
            return -1;
        log_warn ("shipment delivered for %s, which is %s: noted, no change", row.dossier_code, row.status);
        return 0;
    }
    return s_emit_returned (db, &row, actor);
}

static int
s_apply (void *service_data, const Motcua__V1__Event *event)
{
    service_t *service = (service_t *) service_data;
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED: {
            const Motcua__V1__DossierReceived *received = event->dossier_received;
            char change [256];
            audit_json (change, sizeof change, "status", "received", "division", received->division, NULL);
            return processing_store_receive (service_db (service), received)
                || audit_change (service_db (service), "processing", event->actor, event->producer, "enqueue",
                                 received->dossier_code, NULL, change) ? -1 : 0;
        }
        case MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED:
            return s_on_delivered (service, event->shipment_delivered, event->actor);
        default:
            return 0;       //  not ours to act on
    }
}

const service_handlers_t processing_handlers = {
    .name = "processing",
    .summary = "The processing service: division queues, decisions, results and returns.",
    .produces_events = true,
    .handle = s_handle,
    .request_type = &motcua__v1__processing_request__descriptor,
    .reply_type = &motcua__v1__processing_reply__descriptor,
    .apply = s_apply,
};
