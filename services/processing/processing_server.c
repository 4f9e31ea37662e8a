/*  processing_server — request and event handling of processing.            */
#include "processing_server.h"
#include "processing_store.h"
#include "api.h"
#include "idempotency.h"
#include "lifecycle.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

struct processing_server_t {
    service_t *service;
};

static zchunk_t *
s_error_reply (void *self, const char *request_id, Motcua__V1__ErrorCode code,
               const char *field, const char *message)
{
    (void) self;
    Motcua__V1__ProcessingReply reply = MOTCUA__V1__PROCESSING_REPLY__INIT;
    Motcua__V1__Error error = MOTCUA__V1__ERROR__INIT;
    error.code = code;
    error.field = (char *) field;
    error.message = (char *) message;
    reply.request_id = (char *) request_id;
    reply.error = &error;
    return api_pack (&reply.base);
}

//  Move row by action (the lifecycle table decides), record it. 0 or -1.
static int
s_move (db_t *db, work_row_t *row, dossier_action_t action, const char *actor, api_error_t *error)
{
    dossier_state_t from, to;
    if (lifecycle_state_parse (row->status, &from) || lifecycle_next (from, action, &to))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                         "dossier %s is %s; it cannot %s now", row->dossier_code, row->status,
                         lifecycle_action_name (action));
    snprintf (row->status, sizeof row->status, "%s", lifecycle_state_name (to));
    if (processing_store_save (db, row)
    ||  processing_store_trail (db, row->dossier_code, lifecycle_state_name (from),
                                row->status, lifecycle_action_name (action), actor))
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
    processing_server_t *self;
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
    db_t *db = service_db (command->self->service);
    work_row_t row;
    if (s_load (db, command->code, &row, error))
        return NULL;
    row.outcome = command->outcome;
    row.resolved_at = vn_now_ms ();
    snprintf (row.reason, sizeof row.reason, "%s", command->reason);
    if (s_move (db, &row, ACTION_RESOLVE, command->who->name, error))
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
    db_t *db = service_db (command->self->service);
    work_row_t row;
    if (s_load (db, command->code, &row, error))
        return NULL;
    if (row.return_method != MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "the result of %s goes back by post, not at the counter", row.dossier_code);
        return NULL;
    }
    row.returned_at = vn_now_ms ();
    if (s_move (db, &row, ACTION_RETURN, command->who->name, error)
    ||  s_emit_returned (db, &row, command->who->name))
        return NULL;
    log_info ("returned %s at the counter by %s", row.dossier_code, command->who->name);
    return s_packed_item (&row);
}

static Motcua__V1__WorkItem *
s_run_command (processing_server_t *self, const char *key, idempotent_fn *work,
               command_t *command, api_error_t *error)
{
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", command->code, 64, true)
    ||  api_check_text (error, "reason", command->reason, 2000, false))
        return NULL;
    zchunk_t *body = idempotency_run (service_db (self->service), "processing", key, work, command, error);
    if (!body)
        return NULL;
    service_kick (self->service);
    Motcua__V1__WorkItem *item = motcua__v1__work_item__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return item;
}

static zchunk_t *
s_handle (void *self_data, const principal_t *who, const uint8_t *data, size_t size)
{
    processing_server_t *self = (processing_server_t *) self_data;
    Motcua__V1__ProcessingRequest *request = motcua__v1__processing_request__unpack (NULL, size, data);
    if (!request)
        return s_error_reply (self, "", INVALID, "", "the request is not a readable ProcessingRequest");
    Motcua__V1__ProcessingReply reply = MOTCUA__V1__PROCESSING_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__Health health = MOTCUA__V1__HEALTH__INIT;
    Motcua__V1__Queue queue = MOTCUA__V1__QUEUE__INIT;
    Motcua__V1__ReplayDeadResult replayed = MOTCUA__V1__REPLAY_DEAD_RESULT__INIT;
    Motcua__V1__WorkItem *item = NULL;
    work_row_t *rows = NULL;
    command_t command = { self, who, "", 0, "" };

    switch (request->body_case) {
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_HEALTH:
            service_health (self->service, &health);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_HEALTH;
            reply.health = &health;
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_QUEUE: {
            if (service_allow (self->service, who, "desk,counter,dashboard", "see the queue", &error)
            ||  api_check_text (&error, "division", request->queue->division, 64, false))
                break;
            int count = processing_store_queue (service_db (self->service), request->queue->division, &rows);
            if (count < 0) {
                api_db_fail (&error, db_error (service_db (self->service)));
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
            if (service_allow (self->service, who, "desk", "resolve dossiers", &error))
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
            item = s_run_command (self, request->resolve->idempotency_key, s_resolve, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_RETURN_AT_COUNTER:
            if (service_allow (self->service, who, "counter", "return results at the counter", &error))
                break;
            command.code = request->return_at_counter->dossier_code;
            item = s_run_command (self, request->return_at_counter->idempotency_key,
                                  s_return_at_counter, &command, &error);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
            reply.item = item;
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_REPLAY_DEAD:
            if (service_allow (self->service, who, "admin", "replay dead deliveries", &error))
                break;
            replayed.replayed = service_replay_dead (self->service);
            reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_REPLAYED;
            reply.replayed = &replayed;
            break;
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    Motcua__V1__Error error_pb = MOTCUA__V1__ERROR__INIT;
    if (error.code) {
        api_error_to_pb (&error, &error_pb);
        reply.error = &error_pb;
        reply.body_case = MOTCUA__V1__PROCESSING_REPLY__BODY__NOT_SET;
    }
    zchunk_t *packed = api_pack (&reply.base);
    for (size_t i = 0; i < queue.n_items; i++)
        free (queue.items [i]);
    free (queue.items);
    free (rows);
    if (item)
        motcua__v1__work_item__free_unpacked (item, NULL);
    motcua__v1__processing_request__free_unpacked (request, NULL);
    return packed;
}

//  Delivered by post: the result is back with the applicant.
static int
s_on_delivered (processing_server_t *self, const Motcua__V1__ShipmentDelivered *delivered, const char *actor)
{
    db_t *db = service_db (self->service);
    work_row_t row;
    api_error_t error = { 0 };
    if (s_load (db, delivered->dossier_code, &row, &error))
        return error.code == MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND ? 0 : -1;
    row.returned_at = delivered->delivered_at;
    if (s_move (db, &row, ACTION_RETURN, actor, &error)) {
        if (error.code != MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION)
            return -1;
        log_warn ("shipment delivered for %s, which is %s: noted, no change", row.dossier_code, row.status);
        return 0;
    }
    return s_emit_returned (db, &row, actor);
}

static int
s_apply (void *self_data, const Motcua__V1__Event *event)
{
    processing_server_t *self = (processing_server_t *) self_data;
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED:
            return processing_store_receive (service_db (self->service), event->dossier_received);
        case MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED:
            return s_on_delivered (self, event->shipment_delivered, event->actor);
        default:
            return 0;       //  not ours to act on
    }
}

const service_handlers_t processing_handlers = {
    .name = "processing",
    .summary = "The processing service: division queues, decisions, results and returns.",
    .produces_events = true,
    .handle = s_handle,
    .error_reply = s_error_reply,
    .apply = s_apply,
};

processing_server_t *
processing_server_new (config_t *config)
{
    processing_server_t *self = (processing_server_t *) zmalloc (sizeof (processing_server_t));
    self->service = service_new (config, &processing_handlers, self);
    if (!self->service)
        processing_server_destroy (&self);
    return self;
}

void
processing_server_destroy (processing_server_t **self_p)
{
    processing_server_t *self = *self_p;
    if (self) {
        service_destroy (&self->service);
        free (self);
        *self_p = NULL;
    }
}

int
processing_server_run (processing_server_t *self)
{
    return service_run (self->service);
}
