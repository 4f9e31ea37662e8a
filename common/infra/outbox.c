/*  outbox — events into the producer's outbox, with their deliveries.      */
#include <czmq.h>
#include "outbox.h"
#include "rpc.h"
#include "vntime.h"

//  Who consumes what. A new subscriber is one line here.
static const struct { const char *type; const char *subscribers; } s_routes [] = {
    { "dossier_received",     "processing,reporting" },
    { "dossier_resolved",     "reporting,intake" },
    { "result_ready",         "postal,reporting" },
    { "dossier_returned",     "reporting,intake" },
    { "shipment_created",     "reporting" },
    { "shipment_delivered",   "processing,reporting" },
    { "supplement_requested", "intake,reporting" },
    { "supplement_received",  "processing,reporting" },
    { "dossier_withdrawn",    "processing,reporting" },
    { "due_time_changed",     "reporting" },
    { "dossier_handed_over",  "reporting" },
    { "result_attached",      "reporting,postal" },
    { "dossier_routed",       "reporting" },
    { "handover_signed",      "intake" },
    { "postal_intake_answered", "postal,reporting" },
    { "shipment_moved",       "reporting,processing" },
    { "dossier_imported",     "processing" },
};

const char *
outbox_event_type (const Motcua__V1__Event *event)
{
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field (
        &motcua__v1__event__descriptor, (unsigned) event->body_case);
    return field ? field->name : "";
}

const char *
outbox_subscribers (const char *event_type)
{
    for (size_t i = 0; i < sizeof s_routes / sizeof s_routes [0]; i++)
        if (streq (s_routes [i].type, event_type))
            return s_routes [i].subscribers;
    return "";
}

//  Is name one of the comma-separated names of list (NULL: none)?
static bool
s_named (const char *list, const char *name)
{
    char names [128];
    snprintf (names, sizeof names, "%s", list ? list : "");
    char *save = NULL;
    for (char *each = strtok_r (names, ",", &save); each; each = strtok_r (NULL, ",", &save))
        if (streq (each, name))
            return true;
    return false;
}

//  Into list ("{a,b}"), the event type's subscribers but the producer and
//  those listed in except.
static void
s_subscribers (const char *type, const char *producer, const char *except, char *list, size_t size)
{
    char routed [128];
    snprintf (routed, sizeof routed, "%s", outbox_subscribers (type));
    size_t at = (size_t) snprintf (list, size, "{");
    char *save = NULL;
    for (char *name = strtok_r (routed, ",", &save); name; name = strtok_r (NULL, ",", &save))
        if (!streq (name, producer) && !s_named (except, name) && at < size)
            at += (size_t) snprintf (list + at, size - at, "%s%s", at > 1 ? "," : "", name);
    if (at < size)
        snprintf (list + at, size - at, "}");
}

int
outbox_append (db_t *db, const char *schema, const char *producer, Motcua__V1__Event *event)
{
    return outbox_append_except (db, schema, producer, event, NULL);
}

int
outbox_append_except (db_t *db, const char *schema, const char *producer, Motcua__V1__Event *event,
                      const char *except)
{
    char event_id [40];
    rpc_new_id (event_id, sizeof event_id);
    event->event_id = event_id;
    event->producer = (char *) producer;
    if (!event->occurred_at)
        event->occurred_at = vn_now_ms ();
    size_t size = motcua__v1__event__get_packed_size (event);
    uint8_t *payload = (uint8_t *) malloc (size ? size : 1);
    motcua__v1__event__pack (event, payload);

    const char *type = outbox_event_type (event);
    char subscribers [128];
    s_subscribers (type, producer, except, subscribers, sizeof subscribers);
    char sql [512];
    snprintf (sql, sizeof sql,
        "WITH e AS (INSERT INTO %s.outbox (event_id, event_type, dossier_code, payload)"
        " VALUES ($1, $2, $3, $4) RETURNING event_id)"
        " INSERT INTO %s.outbox_delivery (event_id, subscriber)"
        " SELECT e.event_id, s FROM e, unnest ($5::text[]) AS s", schema, schema);
    const char *params [5] = { event_id, type, event->dossier_code, (const char *) payload, subscribers };
    int lengths [5] = { 0, 0, 0, (int) size, 0 };
    int formats [5] = { 0, 0, 0, 1, 0 };
    int rc = db_exec_bin (db, sql, 5, params, lengths, formats);
    free (payload);
    event->event_id = NULL;         //  the caller's event must not keep our stack
    event->producer = NULL;
    return rc;
}
