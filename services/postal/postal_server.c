/*  postal_server — request and event handling of postal.                    */
#include "postal_server.h"
#include "postal_store.h"
#include "postal_ops.h"
#include "api.h"
#include "audit.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

static Motcua__V1__Shipment *
s_unpack_shipment (zchunk_t *body)
{
    Motcua__V1__Shipment *shipment = body
        ? motcua__v1__shipment__unpack (NULL, zchunk_size (body), zchunk_data (body)) : NULL;
    zchunk_destroy (&body);
    return shipment;
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
    zchunk_t *body = NULL;
    Motcua__V1__Slip *slip = NULL;
    Motcua__V1__Batch *batch = NULL;
    Motcua__V1__ShipmentList *overdue = NULL;

    switch (request->body_case) {
        case MOTCUA__V1__POSTAL_REQUEST__BODY_LIST: {
            auth_scope_t scope;
            auth_scope (who, &scope);
            int count = postal_store_open (service_db (service), 0, &scope, &rows);
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
        case MOTCUA__V1__POSTAL_REQUEST__BODY_DELIVER:
            shipment = s_unpack_shipment (postal_deliver (service, who, request->deliver, &error));
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SHIPMENT;
            reply.shipment = shipment;
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_MOVE:
            shipment = s_unpack_shipment (postal_move (service, who, request->move, &error));
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SHIPMENT;
            reply.shipment = shipment;
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_COLLECT:
            body = postal_collect (service, who, request->collect, &error);
            slip = body ? motcua__v1__slip__unpack (NULL, zchunk_size (body), zchunk_data (body)) : NULL;
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SLIP;
            reply.slip = slip;
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_HAND_OVER:
            body = postal_hand_over (service, who, request->hand_over, &error);
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_DISPATCH:
            body = postal_dispatch (service, who, request->dispatch, &error);
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_SIGN:
            body = postal_sign (service, who, request->sign, &error);
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_SHOW_BATCH:
            body = postal_show_batch (service, request->show_batch, &error);
            break;
        case MOTCUA__V1__POSTAL_REQUEST__BODY_OVERDUE:
            body = postal_overdue (service, who, &error);
            overdue = body ? motcua__v1__shipment_list__unpack (NULL, zchunk_size (body), zchunk_data (body)) : NULL;
            reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_SHIPMENTS;
            reply.shipments = overdue;
            break;
        default:
            api_fail (&error, INVALID, "body", "the request names no operation");
    }
    if (body && !slip && !overdue) {         //  the operations that answer a batch
        batch = motcua__v1__batch__unpack (NULL, zchunk_size (body), zchunk_data (body));
        reply.body_case = MOTCUA__V1__POSTAL_REPLY__BODY_BATCH;
        reply.batch = batch;
    }
    zchunk_destroy (&body);
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    if (slip)
        motcua__v1__slip__free_unpacked (slip, NULL);
    if (batch)
        motcua__v1__batch__free_unpacked (batch, NULL);
    if (overdue)
        motcua__v1__shipment_list__free_unpacked (overdue, NULL);
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
    if (event->body_case == MOTCUA__V1__EVENT__BODY_POSTAL_INTAKE_ANSWERED)
        return postal_intake_apply (service, event);
    if (event->body_case == MOTCUA__V1__EVENT__BODY_RESULT_ATTACHED) {
        const Motcua__V1__ResultAttached *attached = event->result_attached;
        char change [700];
        audit_json (change, sizeof change, "result", attached->kind, "reference", attached->reference, NULL);
        return postal_store_attached (service_db (service), attached)
            || audit_change (service_db (service), "postal", event->actor, event->producer, "result attached",
                             attached->dossier_code, NULL, change) ? -1 : 0;
    }
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
    .summary = "The postal (BCCI) service: dossiers collected and handed over, results shipped and delivered.",
    .produces_events = true,
    .handle = s_handle,
    .request_type = &motcua__v1__postal_request__descriptor,
    .reply_type = &motcua__v1__postal_reply__descriptor,
    .operations = postal_operations,
    .apply = s_apply,
    .audit_more = postal_intake_audit,
};
