/*  consumer — apply-and-record-in-inbox, then ack. See consumer.h.         */
#include "consumer.h"
#include "log.h"
#include "outbox.h"
#include "rpc.h"

static void
s_ack (zsock_t *router, rpc_request_t *request, const char *event_id, bool applied,
       Motcua__V1__ErrorCode code, const char *message)
{
    Motcua__V1__EventAck ack = MOTCUA__V1__EVENT_ACK__INIT;
    Motcua__V1__Error error = MOTCUA__V1__ERROR__INIT;
    ack.event_id = (char *) (event_id ? event_id : "");
    ack.applied = applied;
    if (!applied) {
        error.code = code;
        error.message = (char *) message;
        ack.error = &error;
    }
    uint8_t buffer [1024];
    size_t size = motcua__v1__event_ack__get_packed_size (&ack);
    if (size > sizeof buffer) {
        error.message = (char *) "failed";
        size = motcua__v1__event_ack__get_packed_size (&ack);
    }
    motcua__v1__event_ack__pack (&ack, buffer);
    rpc_server_reply (router, request, buffer, size);
}

typedef struct {
    rpc_request_t request;
    Motcua__V1__Event *event;
    int outcome;                //  1 applied, 0 duplicate, -1 failed
} delivery_t;

//  Read one delivery; refuse it at once if it is not a readable event from a
//  service. 0 and the delivery, or -1 (nothing to apply).
static int
s_receive (zsock_t *router, auth_t *auth, delivery_t *delivery)
{
    if (rpc_server_recv (router, &delivery->request))
        return -1;
    principal_t who;
    if (auth_principal (auth, delivery->request.payload, &who) || !auth_role_in (&who, "service")) {
        log_warn ("event from a non-service key %s refused", who.key);
        s_ack (router, &delivery->request, "", false, MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED,
               "only services deliver events");
        return -1;
    }
    delivery->event = motcua__v1__event__unpack (
        NULL, zframe_size (delivery->request.payload), zframe_data (delivery->request.payload));
    Motcua__V1__Event *event = delivery->event;
    if (!event || !*event->event_id || event->body_case == MOTCUA__V1__EVENT__BODY__NOT_SET) {
        log_warn ("unreadable event from %s refused", who.name);
        s_ack (router, &delivery->request, event ? event->event_id : "", false,
               MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "unreadable event");
        if (event)
            motcua__v1__event__free_unpacked (event, NULL);
        return -1;
    }
    return 0;
}

//  Inside the batch's transaction, behind a savepoint: record the event in
//  the inbox and, if it is new, apply it. Returns the delivery's outcome;
//  *broken is set when the transaction itself is lost.
static int
s_apply_one (db_t *db, const char *inbox_sql, Motcua__V1__Event *event,
             consumer_apply_fn *apply, void *service, bool *broken)
{
    if (db_exec (db, "SAVEPOINT delivery", 0, NULL)) {
        *broken = true;
        return -1;
    }
    const char *params [3] = { event->event_id, outbox_event_type (event), event->producer };
    PGresult *result = db_query (db, inbox_sql, 3, params);
    int outcome = -1;
    if (result) {
        bool fresh = atoi (PQcmdTuples (result)) == 1;
        PQclear (result);
        outcome = !fresh ? 0 : apply (service, event) == 0 ? 1 : -1;
    }
    if (outcome < 0) {
        log_warn ("event %s (%s) not applied: %s", event->event_id, params [1], db_error (db));
        if (db_exec (db, "ROLLBACK TO SAVEPOINT delivery", 0, NULL))
            *broken = true;
    }
    else
    if (db_exec (db, "RELEASE SAVEPOINT delivery", 0, NULL))
        *broken = true;
    return outcome;
}

static int s_ack_all (zsock_t *router, db_t *db, delivery_t *batch, int count);

//  Did the inbox statement return this event id (it was new)?
static bool
s_took (PGresult *fresh, const char *event_id)
{
    for (int row = 0; row < PQntuples (fresh); row++)
        if (streq (PQgetvalue (fresh, row, 0), event_id))
            return true;
    return false;
}

//  Is an earlier delivery of the batch the same event?
static bool
s_copy_before (delivery_t *batch, int i)
{
    for (int j = 0; j < i; j++)
        if (streq (batch [j].event->event_id, batch [i].event->event_id))
            return true;
    return false;
}

//  The fast way for a batch: one transaction in pipeline mode (db_group_*),
//  the inbox rows of the whole batch in one statement, and each new event
//  applied with its writes queued, no savepoints. Any failure spoils it all
//  and returns -1: nothing was kept, and the caller applies the batch again
//  one savepoint at a time, which puts each failure on its own delivery.
static int
s_apply_grouped (db_t *db, const char *schema, delivery_t *batch, int count,
                 consumer_apply_fn *apply, void *service)
{
    char *ids [CONSUMER_BATCH], *types [CONSUMER_BATCH], *producers [CONSUMER_BATCH];
    for (int i = 0; i < count; i++) {
        ids [i] = batch [i].event->event_id;
        types [i] = (char *) outbox_event_type (batch [i].event);
        producers [i] = batch [i].event->producer;
    }
    char sql [320];
    snprintf (sql, sizeof sql,
              "INSERT INTO %s.inbox (event_id, event_type, producer)"
              " SELECT * FROM unnest ($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING"
              " RETURNING event_id", schema);
    char *lists [3] = { db_text_array (ids, (size_t) count), db_text_array (types, (size_t) count),
                        db_text_array (producers, (size_t) count) };
    int rc = db_group_begin (db);
    PGresult *fresh = rc ? NULL : db_query (db, sql, 3, (const char *const *) lists);
    for (int i = 0; i < 3; i++)
        free (lists [i]);
    if (!fresh)
        rc = -1;
    for (int i = 0; rc == 0 && i < count; i++) {
        //  New if the inbox took it, applied at its first copy in the batch.
        batch [i].outcome = s_took (fresh, batch [i].event->event_id) && !s_copy_before (batch, i);
        if (batch [i].outcome == 1 && apply (service, batch [i].event))
            rc = -1;
    }
    PQclear (fresh);
    if (db_in_group (db) && db_group_end (db))
        rc = -1;
    return rc;
}

int
consumer_handle (zsock_t *router, auth_t *auth, db_t *db, const char *schema,
                 consumer_apply_fn *apply, void *service)
{
    //  The deliveries waiting now, applied in one transaction: one commit for
    //  the batch, a savepoint each so one failure costs only itself.
    delivery_t batch [CONSUMER_BATCH];
    int count = 0;
    do {
        memset (&batch [count], 0, sizeof batch [count]);
        if (s_receive (router, auth, &batch [count]) == 0)
            count++;
    } while (count < CONSUMER_BATCH && (zsock_events (router) & ZMQ_POLLIN));
    if (count == 0)
        return 0;

    if (count > 1 && s_apply_grouped (db, schema, batch, count, apply, service) == 0)
        return s_ack_all (router, db, batch, count);
    char inbox_sql [256];
    snprintf (inbox_sql, sizeof inbox_sql,
              "INSERT INTO %s.inbox (event_id, event_type, producer) VALUES ($1, $2, $3)"
              " ON CONFLICT DO NOTHING", schema);
    bool broken = db_begin (db) != 0;
    for (int i = 0; i < count; i++)
        batch [i].outcome = broken ? -1
                          : s_apply_one (db, inbox_sql, batch [i].event, apply, service, &broken);
    if (broken || db_commit (db)) {
        db_rollback (db);
        for (int i = 0; i < count; i++)
            batch [i].outcome = -1;
    }
    return s_ack_all (router, db, batch, count);
}

//  Acknowledge each delivery of the batch by its outcome; free the events.
static int
s_ack_all (zsock_t *router, db_t *db, delivery_t *batch, int count)
{
    int applied = 0;
    for (int i = 0; i < count; i++) {
        Motcua__V1__Event *event = batch [i].event;
        if (batch [i].outcome >= 0)
            s_ack (router, &batch [i].request, event->event_id, true, 0, NULL);
        else
            s_ack (router, &batch [i].request, event->event_id, false, MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE,
                   *db_error (db) ? db_error (db) : "not applied");
        applied += batch [i].outcome == 1;
        motcua__v1__event__free_unpacked (event, NULL);
    }
    return applied;
}
