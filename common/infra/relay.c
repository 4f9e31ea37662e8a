/*  relay — outbox deliveries over DEALER → ROUTER with acks. See relay.h.  */
#include "relay.h"
#include "keystore.h"
#include "log.h"
#include "motcua/v1/events.pb-c.h"

#define RELAY_BATCH 200
#define RELAY_REDIAL_MS 3000       //  a subscriber unreachable this long: dial anew
//  Deliveries sent to one subscriber and not yet acknowledged, at most: more
//  than it can apply within a lease would only expire and be sent again,
//  and the copies would crowd out new work (congestion collapse).
#define RELAY_WINDOW 512
static const char *s_subscribers [] = { "intake", "processing", "postal", "reporting" };
#define SUBSCRIBER_COUNT 4

struct relay_t {
    db_t *db;
    const config_t *config;
    zcert_t *cert;                              //  borrowed from the service
    zpoller_t *poller;                          //  borrowed, once attached
    char schema [32];
    zsock_t *dealers [SUBSCRIBER_COUNT];       //  NULL for ourselves
    int64_t unreachable_since [SUBSCRIBER_COUNT];   //  0: writable when last looked
    char claim_sql [1024];
    char done_sql [256];
    char dead_sql [256];
    char error_sql [256];
    char unsent_sql [256];
    bool unsent;                //  the last flush found a peer not connected
    int in_flight [SUBSCRIBER_COUNT];           //  sent, not yet acknowledged
    int64_t window_since [SUBSCRIBER_COUNT];    //  first sent into an empty window
};

//  A DEALER to subscriber i's events socket, or NULL.
static zsock_t *
s_dial (relay_t *self, int i)
{
    char endpoint [128], server_name [64], server_key [41];
    config_endpoint (self->config, s_subscribers [i], "events", endpoint, sizeof endpoint);
    snprintf (server_name, sizeof server_name, "service-%s", s_subscribers [i]);
    if (keystore_public_key (self->config->var_dir, server_name, server_key)) {
        log_error ("no public key for %s", server_name);
        return NULL;
    }
    zsock_t *dealer = zsock_new (ZMQ_DEALER);
    if (!dealer)
        return NULL;
    zcert_apply (self->cert, dealer);
    zsock_set_curve_serverkey (dealer, server_key);
    zsock_set_immediate (dealer, 1);     //  never queue for a peer that is down
    zsock_set_linger (dealer, 0);
    zsock_set_sndhwm (dealer, 10000);
    //  Acks must never stop the socket's input: libzmq 4.3 with CURVE takes
    //  the peer's going away while input is stopped for a protocol error,
    //  and never reconnects. Acks are small and no more than we sent.
    zsock_set_rcvhwm (dealer, 0);
    zsock_connect (dealer, "%s", endpoint);
    return dealer;
}

relay_t *
relay_new (db_t *db, const config_t *config, const char *producer, zcert_t *cert)
{
    relay_t *self = (relay_t *) zmalloc (sizeof (relay_t));
    self->db = db;
    self->config = config;
    self->cert = cert;
    snprintf (self->schema, sizeof self->schema, "%s", producer);
    for (int i = 0; i < SUBSCRIBER_COUNT; i++) {
        if (streq (s_subscribers [i], producer))
            continue;
        self->dealers [i] = s_dial (self, i);
        if (!self->dealers [i]) {
            relay_destroy (&self);
            return NULL;
        }
    }
    //  Lease due rows of reachable subscribers ($4 lists the others): push
    //  their next attempt back, park them after too many.
    snprintf (self->claim_sql, sizeof self->claim_sql,
        "WITH due AS (SELECT event_id, subscriber FROM %1$s.outbox_delivery"
        "  WHERE state = 'pending' AND next_attempt_at <= now() AND subscriber <> ALL ($4::text[])"
        "  ORDER BY next_attempt_at LIMIT %2$d FOR UPDATE SKIP LOCKED)"
        " , claimed AS (UPDATE %1$s.outbox_delivery d SET attempts = d.attempts + 1,"
        "  state = CASE WHEN d.attempts + 1 > $3::int THEN 'dead' ELSE 'pending' END,"
        "  next_attempt_at = now() + least ($1::bigint * (2 ^ least (d.attempts, 20)), $2::bigint)"
        "   * interval '1 millisecond',"
        "  last_error = CASE WHEN d.attempts > 0"
        "   THEN coalesce (d.last_error, 'no acknowledgement from ' || d.subscriber) END"
        " FROM due, %1$s.outbox o"
        " WHERE d.event_id = due.event_id AND d.subscriber = due.subscriber AND o.event_id = d.event_id"
        " RETURNING d.subscriber, d.state, o.payload, o.id, o.event_id, o.event_type, d.last_error)"
        " SELECT subscriber, state, payload, event_id, event_type, last_error FROM claimed ORDER BY id",
        self->schema, RELAY_BATCH);
    snprintf (self->done_sql, sizeof self->done_sql,
        "UPDATE %s.outbox_delivery SET state = 'done', delivered_at = now()"
        " WHERE event_id = ANY ($1::uuid[]) AND subscriber = $2 AND state <> 'done'", self->schema);
    snprintf (self->unsent_sql, sizeof self->unsent_sql,
        "UPDATE %s.outbox_delivery SET attempts = attempts - 1,"
        " next_attempt_at = now () + interval '50 milliseconds'"
        " WHERE event_id = $1 AND subscriber = $2 AND state = 'pending'", self->schema);
    snprintf (self->error_sql, sizeof self->error_sql,
        "UPDATE %s.outbox_delivery SET last_error = $3"
        " WHERE event_id = $1 AND subscriber = $2 AND state = 'pending'", self->schema);
    snprintf (self->dead_sql, sizeof self->dead_sql,
        "UPDATE %s.outbox_delivery SET state = 'dead', last_error = $3"
        " WHERE event_id = $1 AND subscriber = $2 AND state = 'pending'", self->schema);
    return self;
}

void
relay_destroy (relay_t **self_p)
{
    relay_t *self = *self_p;
    if (self) {
        for (int i = 0; i < SUBSCRIBER_COUNT; i++)
            zsock_destroy (&self->dealers [i]);
        free (self);
        *self_p = NULL;
    }
}

void
relay_attach (relay_t *self, zpoller_t *poller)
{
    self->poller = poller;
    for (int i = 0; i < SUBSCRIBER_COUNT; i++)
        if (self->dealers [i])
            zpoller_add (poller, self->dealers [i]);
}

static int
s_subscriber_index (const char *name)
{
    for (int i = 0; i < SUBSCRIBER_COUNT; i++)
        if (streq (s_subscribers [i], name))
            return i;
    return -1;
}

//  Which subscribers cannot take a delivery now (not connected, or full)?
//  Into unreachable as a text[] literal; true if there is any. A dealer
//  unreachable for RELAY_REDIAL_MS is dialled anew: libzmq gives up on a
//  connection that ended in a protocol error, and the peer may be back.
static bool
s_unreachable (relay_t *self, char *unreachable, size_t size)
{
    int64_t now = zclock_mono ();
    bool any = false;
    snprintf (unreachable, size, "{");
    for (int i = 0; i < SUBSCRIBER_COUNT; i++) {
        if (!self->dealers [i])
            continue;
        //  Leases of what is in flight have run out by now: those rows are
        //  due again and will be claimed anew, so the window is open again.
        if (self->in_flight [i] && now - self->window_since [i] > self->config->relay_retry_ms)
            self->in_flight [i] = 0;
        if (self->in_flight [i] >= RELAY_WINDOW) {
            size_t len = strlen (unreachable);
            snprintf (unreachable + len, size - len, "%s%s", any ? "," : "", s_subscribers [i]);
            any = true;
            continue;
        }
        if (zsock_events (self->dealers [i]) & ZMQ_POLLOUT) {
            self->unreachable_since [i] = 0;
            continue;
        }
        if (!self->unreachable_since [i])
            self->unreachable_since [i] = now;
        else
        if (now - self->unreachable_since [i] > RELAY_REDIAL_MS) {
            zsock_t *dealer = s_dial (self, i);
            if (dealer) {
                log_warn ("%s unreachable for %d ms: dialling it anew", s_subscribers [i], RELAY_REDIAL_MS);
                if (self->poller)
                    zpoller_remove (self->poller, self->dealers [i]);
                zsock_destroy (&self->dealers [i]);
                self->dealers [i] = dealer;
                if (self->poller)
                    zpoller_add (self->poller, dealer);
            }
            self->unreachable_since [i] = now;
        }
        size_t len = strlen (unreachable);
        snprintf (unreachable + len, size - len, "%s%s", any ? "," : "", s_subscribers [i]);
        any = true;
    }
    size_t len = strlen (unreachable);
    snprintf (unreachable + len, size - len, "}");
    return any;
}

int
relay_flush (relay_t *self)
{
    char retry [16], max_retry [16], max_attempts [16], unreachable [128];
    snprintf (retry, sizeof retry, "%d", self->config->relay_retry_ms);
    snprintf (max_retry, sizeof max_retry, "%d", self->config->relay_max_retry_ms);
    snprintf (max_attempts, sizeof max_attempts, "%d", self->config->relay_max_attempts);
    const char *params [4] = { retry, max_retry, max_attempts, unreachable };
    int sent = 0;
    self->unsent = false;
    for (int round = 0; round < 50; round++) {
        //  A subscriber still connecting, down or full keeps its rows as
        //  they are, and we look again soon: no attempt spent, nothing written.
        if (s_unreachable (self, unreachable, sizeof unreachable))
            self->unsent = true;
        PGresult *result = db_query_lazy (self->db, self->claim_sql, 4, params);
        if (!result) {
            log_warn ("relay cannot claim deliveries: %s", db_error (self->db));
            return -1;
        }
        int rows = PQntuples (result);
        for (int row = 0; row < rows; row++) {
            const char *subscriber = PQgetvalue (result, row, 0);
            if (streq (PQgetvalue (result, row, 1), "dead")) {
                log_error ("delivery of %s %s to %s parked as dead after %d attempts: %s",
                           PQgetvalue (result, row, 4), PQgetvalue (result, row, 3), subscriber,
                           self->config->relay_max_attempts, PQgetvalue (result, row, 5));
                continue;
            }
            int index = s_subscriber_index (subscriber);
            if (index < 0 || !self->dealers [index])
                continue;
            size_t size;
            unsigned char *payload = PQunescapeBytea (
                (const unsigned char *) PQgetvalue (result, row, 2), &size);
            if (payload && zmq_send (zsock_resolve (self->dealers [index]), payload, size, ZMQ_DONTWAIT) >= 0) {
                sent++;
                if (self->in_flight [index]++ == 0)
                    self->window_since [index] = zclock_mono ();
            }
            else {
                //  Full since we looked: that was no attempt; look again soon.
                const char *params [2] = { PQgetvalue (result, row, 3), subscriber };
                db_exec_lazy (self->db, self->unsent_sql, 2, params);
                self->unsent = true;
            }
            PQfreemem (payload);
        }
        PQclear (result);
        if (rows < RELAY_BATCH)
            break;
    }
    return sent;
}

bool
relay_unsent (relay_t *self)
{
    return self->unsent;
}

//  Mark the acked deliveries done, in one statement. ids is "{id,id,…}".
static void
s_mark_done (relay_t *self, const char *subscriber, zchunk_t *ids)
{
    if (zchunk_size (ids) <= 1)
        return;
    zchunk_extend (ids, "}", 2);
    const char *params [2] = { (const char *) zchunk_data (ids), subscriber };
    db_exec_lazy (self->db, self->done_sql, 2, params);
    zchunk_set (ids, "{", 1);
}

//  Read the acks waiting on socket and record them.
static int
s_on_acks (relay_t *self, void *socket)
{
    const char *subscriber = NULL;
    int index = -1;
    for (int i = 0; i < SUBSCRIBER_COUNT; i++)
        if (socket == (void *) self->dealers [i]) {
            subscriber = s_subscribers [i];
            index = i;
        }
    //  Acks waiting now are recorded together: one commit, not one each.
    zchunk_t *done = zchunk_new ("{", 1);
    int batched = 0, acks = 0;
    zframe_t *frame;
    while ((frame = zframe_recv_nowait (socket))) {
        acks++;
        Motcua__V1__EventAck *ack = motcua__v1__event_ack__unpack (
            NULL, zframe_size (frame), zframe_data (frame));
        zframe_destroy (&frame);
        if (index >= 0 && self->in_flight [index] > 0 && --self->in_flight [index] > 0)
            self->window_since [index] = zclock_mono ();   //  still moving
        if (!ack) {
            log_warn ("unreadable ack from %s", subscriber);
            continue;
        }
        const char *params [3] = { ack->event_id, subscriber,
                                   ack->error ? ack->error->message : "" };
        if (ack->applied && strlen (ack->event_id) == 36) {
            if (zchunk_size (done) > 1)
                zchunk_extend (done, ",", 1);
            zchunk_extend (done, ack->event_id, 36);
            if (++batched == RELAY_BATCH) {
                s_mark_done (self, subscriber, done);
                batched = 0;
            }
        }
        else
        if (ack->error && ack->error->code == MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT) {
            log_error ("%s refused event %s for good: %s", subscriber, ack->event_id, params [2]);
            db_exec_lazy (self->db, self->dead_sql, 3, params);
        }
        else {
            log_warn ("%s could not apply event %s (%s); it will be retried",
                      subscriber, ack->event_id, params [2]);
            db_exec_lazy (self->db, self->error_sql, 3, params);
        }
        motcua__v1__event_ack__free_unpacked (ack, NULL);
    }
    s_mark_done (self, subscriber, done);
    zchunk_destroy (&done);
    return acks;
}

int
relay_read_acks (relay_t *self)
{
    int acks = 0;
    for (int i = 0; i < SUBSCRIBER_COUNT; i++)
        if (self->dealers [i] && (zsock_events (self->dealers [i]) & ZMQ_POLLIN))
            acks += s_on_acks (self, self->dealers [i]);
    return acks;
}

static int64_t
s_count (db_t *db, const char *sql_format, const char *schema)
{
    char sql [256];
    snprintf (sql, sizeof sql, sql_format, schema);
    PGresult *result = db_query (db, sql, 0, NULL);
    if (!result)
        return -1;
    int64_t count = PQntuples (result) ? atoll (PQgetvalue (result, 0, 0)) : 0;
    PQclear (result);
    return count;
}

int64_t
relay_backlog (db_t *db, const char *schema)
{
    return s_count (db, "SELECT count(*) FROM %s.outbox_delivery WHERE state = 'pending'", schema);
}

int64_t
relay_dead (db_t *db, const char *schema)
{
    return s_count (db, "SELECT count(*) FROM %s.outbox_delivery WHERE state = 'dead'", schema);
}

int64_t
relay_replay_dead (db_t *db, const char *schema)
{
    return s_count (db, "WITH r AS (UPDATE %s.outbox_delivery SET state = 'pending', attempts = 0,"
                        " next_attempt_at = now() WHERE state = 'dead' RETURNING 1)"
                        " SELECT count(*) FROM r", schema);
}

int
relay_deliveries (db_t *db, const char *schema, const char *state, Motcua__V1__DeliveryList *list)
{
    char sql [640];
    snprintf (sql, sizeof sql,
        "SELECT d.event_id, o.event_type, o.dossier_code, d.subscriber, d.state, d.attempts,"
        " (extract (epoch FROM d.next_attempt_at) * 1000)::bigint, coalesce (d.last_error, ''),"
        " (extract (epoch FROM o.created_at) * 1000)::bigint"
        " FROM %1$s.outbox_delivery d JOIN %1$s.outbox o USING (event_id)"
        " WHERE ($1 = '' AND d.state <> 'done') OR d.state = $1 ORDER BY o.id DESC LIMIT 1000", schema);
    const char *params [1] = { state ? state : "" };
    PGresult *result = db_query (db, sql, 1, params);
    if (!result)
        return -1;
    int rows = PQntuples (result);
    list->deliveries = (Motcua__V1__Delivery **) calloc ((size_t) rows + 1, sizeof (void *));
    for (int r = 0; r < rows; r++) {
        Motcua__V1__Delivery *d = (Motcua__V1__Delivery *) malloc (sizeof *d);
        motcua__v1__delivery__init (d);
        d->event_id = strdup (PQgetvalue (result, r, 0));
        d->event_type = strdup (PQgetvalue (result, r, 1));
        d->dossier_code = strdup (PQgetvalue (result, r, 2));
        d->subscriber = strdup (PQgetvalue (result, r, 3));
        d->state = strdup (PQgetvalue (result, r, 4));
        d->attempts = atoi (PQgetvalue (result, r, 5));
        d->next_attempt_at = atoll (PQgetvalue (result, r, 6));
        d->last_error = strdup (PQgetvalue (result, r, 7));
        d->created_at = atoll (PQgetvalue (result, r, 8));
        list->deliveries [list->n_deliveries++] = d;
    }
    PQclear (result);
    return 0;
}

void
relay_deliveries_free (Motcua__V1__DeliveryList *list)
{
    for (size_t i = 0; i < list->n_deliveries; i++) {
        Motcua__V1__Delivery *d = list->deliveries [i];
        free (d->event_id); free (d->event_type); free (d->dossier_code);
        free (d->subscriber); free (d->state); free (d->last_error);
        free (d);
    }
    free (list->deliveries);
    list->deliveries = NULL;
    list->n_deliveries = 0;
}
