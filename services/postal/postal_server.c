/*  postal_server — request and event handling of postal.                    */
#include "postal_server.h"
#include "postal_store.h"
#include "api.h"
#include "idempotency.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

struct postal_server_t {
    service_t *service;
};

static zchunk_t *
s_error_reply (void *self, const char *request_id, Motcua__V1__ErrorCode code,
               const char *field, const char *message)
{
    (void) self;
    Motcua__V1__PostalReply reply = MOTCUA__V1__POSTAL_REPLY__INIT;
    Motcua__V1__Error error = MOTCUA__V1__ERROR__INIT;
    error.code = code;
    error.field = (char *) field;
    error.message = (char *) message;
    reply.request_id = (char *) request_id;
    reply.error = &error;
    return api_pack (&reply.base);
}

typedef struct {
    postal_server_t *self;
    const principal_t *who;
    const char *code;
} deliver_t;

static zchunk_t *
s_deliver (void *context, api_error_t *error)
{
    deliver_t *command = (deliver_t *) context;
    db_t *db = service_db (command->self->service);
    shipment_row_t row;
    int found = postal_store_load (db, command->code, &row);
    if (found < 0) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    if (!found) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                  "no shipment for dossier %s (is its result ready, and going by post?)", command->code);
        return NULL;
    }
    if (!streq (row.status, "created")) {
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                  "the shipment of %s is already %s", command->code, row.status);
        return NULL;
    }
    row.delivered_at = vn_now_ms ();
    snprintf (row.status, sizeof row.status, "delivered");
    Motcua__V1__ShipmentDelivered delivered = MOTCUA__V1__SHIPMENT_DELIVERED__INIT;
    delivered.dossier_code = row.dossier_code;
    delivered.shipment_id = row.shipment_id;
    delivered.delivered_at = row.delivered_at;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = row.delivered_at;
    event.actor = (char *) command->who->name;
    event.dossier_code = row.dossier_code;
    event.body_case = MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED;
    event.shipment_delivered = &delivered;
    if (postal_store_delivered (db, &row) || outbox_append (db, "postal", "postal", &event))
        return NULL;
    log_info ("delivered %s by %s", row.dossier_code, command->who->name);
    Motcua__V1__Shipment shipment = MOTCUA__V1__SHIPMENT__INIT;
    postal_row_to_pb (&row, &shipment);
    return api_pack (&shipment.base);
}

static zchunk_t *
s_handle (void *self_data, const principal_t *who, const uint8_t *data, size_t size)
{
    postal_server_t *self = (postal_server_t *) self_data;
    Motcua__V1__PostalRequest *request = motcua__v1__postal_request__unpack (NULL, size, data);
    if (!request)
        return s_error_reply (self, "", INVALID, "", "the request is not a readable PostalRequest");
    Motcua__V1__PostalReply reply = MOTCUA__V1__POSTAL_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__Health health = MOTCUA__V1__HEALTH__INIT;
    Motcua__V1__ShipmentList list = MOTCUA__V1__SHIPMENT_LIST__INIT;
    Motcua__V1__ReplayDeadResult replayed = MOTCUA__V1__REPLAY_DEAD_RESULT__INIT;
    Motcua__V1__Shipment *shipment = NULL;
    shipment_row_t *rows = NULL;

    switch (request->body_case) {
        case MOTCUA__V1__POSTAL_REQUEST__BODY_HEALTH:
            service_health (self->service, &health);
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_HEALTH;
            reply.health = &health;
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_LIST: {
            if (service_allow (self->service, who, "postal,dashboard", "list shipments", &error))
                break;
            int count = postal_store_open (service_db (self->service), &rows);
            if (count < 0) {
                api_db_fail (&error, db_error (service_db (self->service)));
                break;
            }
            list.n_shipments = (size_t) count;
            list.shipments = (Motcua__V1__Shipment **) calloc ((size_t) count + 1, sizeof (void *));
            for (int i = 0; i < count; i++) {
                list.shipments [i] = (Motcua__V1__Shipment *) malloc (sizeof (Motcua__V1__Shipment));
                motcua__v1__shipment__init (list.shipments [i]);
                postal_row_to_pb (&rows [i], list.shipments [i]);
            }
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SHIPMENTS;
            reply.shipments = &list;
            break;
        }
        case MOTCUA__V1__POSTAL_REQUEST__BODY_DELIVER: {
            if (service_allow (self->service, who, "postal", "record deliveries", &error)
            ||  api_check_text (&error, "idempotency_key", request->deliver->idempotency_key, 128, true)
            ||  api_check_text (&error, "dossier_code", request->deliver->dossier_code, 64, true))
                break;
            deliver_t command = { self, who, request->deliver->dossier_code };
            zchunk_t *body = idempotency_run (service_db (self->service), "postal",
                                              request->deliver->idempotency_key, s_deliver, &command, &error);
            if (!body)
                break;
            service_kick (self->service);
            shipment = motcua__v1__shipment__unpack (NULL, zchunk_size (body), zchunk_data (body));
            zchunk_destroy (&body);
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SHIPMENT;
            reply.shipment = shipment;
            break;
        }
        case MOTCUA__V1__POSTAL_REQUEST__BODY_REPLAY_DEAD:
            if (service_allow (self->service, who, "admin", "replay dead deliveries", &error))
                break;
            replayed.replayed = service_replay_dead (self->service);
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_REPLAYED;
            reply.replayed = &replayed;
            break;
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    Motcua__V1__Error error_pb = MOTCUA__V1__ERROR__INIT;
    if (error.code) {
        api_error_to_pb (&error, &error_pb);
        reply.error = &error_pb;
        reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY__NOT_SET;
    }
    zchunk_t *packed = api_pack (&reply.base);
    for (size_t i = 0; i < list.n_shipments; i++)
        free (list.shipments [i]);
    free (list.shipments);
    free (rows);
    if (shipment)
        motcua__v1__shipment__free_unpacked (shipment, NULL);
    motcua__v1__postal_request__free_unpacked (request, NULL);
    return packed;
}

static int
s_apply (void *self_data, const Motcua__V1__Event *event)
{
    postal_server_t *self = (postal_server_t *) self_data;
    if (event->body_case != MOTCUA__V1__EVENT__BODY_RESULT_READY)
        return 0;
    db_t *db = service_db (self->service);
    shipment_row_t row;
    int created = postal_store_create (db, event->result_ready, &row);
    if (created <= 0)
        return created;
    Motcua__V1__ShipmentCreated shipment = MOTCUA__V1__SHIPMENT_CREATED__INIT;
    shipment.dossier_code = row.dossier_code;
    shipment.shipment_id = row.shipment_id;
    shipment.created_at = row.created_at;
    Motcua__V1__Event created_event = MOTCUA__V1__EVENT__INIT;
    created_event.occurred_at = row.created_at;
    created_event.actor = (char *) "postal";
    created_event.dossier_code = row.dossier_code;
    created_event.body_case = MOTCUA__V1__EVENT__BODY_SHIPMENT_CREATED;
    created_event.shipment_created = &shipment;
    return outbox_append (db, "postal", "postal", &created_event);
}

const service_handlers_t postal_handlers = {
    .name = "postal",
    .summary = "The postal-return (BCCI) service: shipments of results and their delivery.",
    .produces_events = true,
    .handle = s_handle,
    .error_reply = s_error_reply,
    .apply = s_apply,
};

postal_server_t *
postal_server_new (config_t *config)
{
    postal_server_t *self = (postal_server_t *) zmalloc (sizeof (postal_server_t));
    self->service = service_new (config, &postal_handlers, self);
    if (!self->service)
        postal_server_destroy (&self);
    return self;
}

void
postal_server_destroy (postal_server_t **self_p)
{
    postal_server_t *self = *self_p;
    if (self) {
        service_destroy (&self->service);
        free (self);
        *self_p = NULL;
    }
}

int
postal_server_run (postal_server_t *self)
{
    return service_run (self->service);
}
