/*  postal_server — request and event handling of postal.                    */
#include "postal_server.h"
#include "postal_store.h"
#include "api.h"
#include "audit.h"
#include "idempotency.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

typedef struct {
    service_t *service;
    const principal_t *who;
    const char *code;
} deliver_t;

static zchunk_t *
s_deliver (void *context, api_error_t *error)
{
    deliver_t *command = (deliver_t *) context;
    db_t *db = service_db (command->service);
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
    if (postal_store_delivered (db, &row) || outbox_append (db, "postal", "postal", &event)
    ||  audit_change (db, "postal", command->who->name, command->who->role, "deliver", row.dossier_code,
                      "{\"status\":\"created\"}", "{\"status\":\"delivered\"}"))
        return NULL;
    log_info ("delivered %s by %s", row.dossier_code, command->who->name);
    Motcua__V1__Shipment shipment = MOTCUA__V1__SHIPMENT__INIT;
    postal_row_to_pb (&row, &shipment);
    return api_pack (&shipment.base);
}

static zchunk_t *
s_handle (service_t *service, const principal_t *who, const ProtobufCMessage *message)
{
    const Motcua__V1__PostalRequest *request = (const Motcua__V1__PostalRequest *) message;
    Motcua__V1__PostalReply reply = MOTCUA__V1__POSTAL_REPLY__INIT;
    reply.request_id = request->request_id;
    api_error_t error = { 0 };
    Motcua__V1__ShipmentList list = MOTCUA__V1__SHIPMENT_LIST__INIT;
    Motcua__V1__Shipment *shipment = NULL;
    shipment_row_t *rows = NULL;

    switch (request->body_case) {
        case MOTCUA__V1__POSTAL_REQUEST__BODY_LIST: {
            if (service_allow (service, who, "postal,dashboard", "list shipments", &error))
                break;
            int count = postal_store_open (service_db (service), &rows);
            if (count < 0) {
                api_db_fail (&error, db_error (service_db (service)));
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
            if (service_allow (service, who, "postal", "record deliveries", &error)
            ||  api_check_text (&error, "idempotency_key", request->deliver->idempotency_key, 128, true)
            ||  api_check_text (&error, "dossier_code", request->deliver->dossier_code, 64, true))
                break;
            deliver_t command = { service, who, request->deliver->dossier_code };
            zchunk_t *body = idempotency_run (service_db (service), "postal",
                                              request->deliver->idempotency_key, s_deliver, &command, &error);
            if (!body)
                break;
            service_kick (service);
            shipment = motcua__v1__shipment__unpack (NULL, zchunk_size (body), zchunk_data (body));
            zchunk_destroy (&body);
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SHIPMENT;
            reply.shipment = shipment;
            break;
        }
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    for (size_t i = 0; i < list.n_shipments; i++)
        free (list.shipments [i]);
    free (list.shipments);
    free (rows);
    if (shipment)
        motcua__v1__shipment__free_unpacked (shipment, NULL);
    return packed;
}

static int
s_apply (void *service_data, const Motcua__V1__Event *event)
{
    service_t *service = (service_t *) service_data;
    if (event->body_case != MOTCUA__V1__EVENT__BODY_RESULT_READY)
        return 0;
    db_t *db = service_db (service);
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
    char change [160];
    audit_json (change, sizeof change, "status", "created", "shipment_id", row.shipment_id, NULL);
    return outbox_append (db, "postal", "postal", &created_event)
        || audit_change (db, "postal", event->actor, event->producer, "create shipment",
                         row.dossier_code, NULL, change) ? -1 : 0;
}

const service_handlers_t postal_handlers = {
    .name = "postal",
    .summary = "The postal-return (BCCI) service: shipments of results and their delivery.",
    .produces_events = true,
    .handle = s_handle,
    .request_type = &motcua__v1__postal_request__descriptor,
    .reply_type = &motcua__v1__postal_reply__descriptor,
    .apply = s_apply,
};
