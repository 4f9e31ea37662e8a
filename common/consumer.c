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

int
consumer_handle (zsock_t *router, auth_t *auth, db_t *db, const char *schema,
                 consumer_apply_fn *apply, void *service)
{
    rpc_request_t request;
    if (rpc_server_recv (router, &request))
        return -1;
    principal_t who;
    if (auth_principal (auth, request.payload, &who) || !auth_role_in (&who, "service")) {
        log_warn ("event from a non-service key %s refused", who.key);
        s_ack (router, &request, "", false, MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED,
               "only services deliver events");
        return 0;
    }
    Motcua__V1__Event *event = motcua__v1__event__unpack (
        NULL, zframe_size (request.payload), zframe_data (request.payload));
    if (!event || !*event->event_id || event->body_case == MOTCUA__V1__EVENT__BODY__NOT_SET) {
        log_warn ("unreadable event from %s refused", who.name);
        s_ack (router, &request, event ? event->event_id : "", false,
               MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "unreadable event");
        if (event)
            motcua__v1__event__free_unpacked (event, NULL);
        return 0;
    }
    char sql [256];
    snprintf (sql, sizeof sql,
              "INSERT INTO %s.inbox (event_id, event_type, producer) VALUES ($1, $2, $3)"
              " ON CONFLICT DO NOTHING", schema);
    const char *params [3] = { event->event_id, outbox_event_type (event), event->producer };
    int outcome = -1;
    if (db_begin (db) == 0) {
        PGresult *result = db_query (db, sql, 3, params);
        if (result) {
            bool fresh = atoi (PQcmdTuples (result)) == 1;
            PQclear (result);
            if (!fresh)
                outcome = 0;
            else
            if (apply (service, event) == 0)
                outcome = 1;
        }
        if (outcome >= 0 && db_commit (db) == 0) {
            s_ack (router, &request, event->event_id, true, 0, NULL);
            motcua__v1__event__free_unpacked (event, NULL);
            return outcome;
        }
        db_rollback (db);
    }
    log_warn ("event %s (%s) not applied: %s", event->event_id, params [1], db_error (db));
    s_ack (router, &request, event->event_id, false, MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE,
           *db_error (db) ? db_error (db) : "not applied");
    motcua__v1__event__free_unpacked (event, NULL);
    return -1;
}
