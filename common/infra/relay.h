/*  relay — sends a producer's outbox deliveries to their subscribers over
    CURVE DEALER → ROUTER and records the acks (DESIGN §4).
    Claiming is a lease: due rows are taken with FOR UPDATE SKIP LOCKED and
    their next attempt pushed back (retry_ms doubled per try, capped), so
    several relays can share one outbox and an unacked row comes round again.
    After max_attempts a delivery is parked as 'dead' until an operator
    replays it. The service kicks the relay after each commit; a slow poll is
    the fallback. Rows for a subscriber that is not connected are left alone
    (not claimed) until it is; a connection that stays down is dialled anew.  */
#ifndef RELAY_H
#define RELAY_H
#include <czmq.h>
#include "db.h"
#include "config.h"
#include "motcua/v1/common.pb-c.h"

typedef struct relay_t relay_t;

//  producer is this service's name; its schema holds the outbox. cert is the
//  service's own key pair (borrowed). NULL on failure.
relay_t *relay_new (db_t *db, const config_t *config, const char *producer, zcert_t *cert);
void     relay_destroy (relay_t **self_p);

//  Add the relay's sockets to a poller (kept, borrowed: a socket dialled
//  anew replaces the old one in it).
void     relay_attach (relay_t *self, zpoller_t *poller);

//  Claim due deliveries and send them. Returns how many were sent, or -1.
int      relay_flush (relay_t *self);

//  Did the last flush leave deliveries unsent because a subscriber was not
//  connected, or had RELAY_WINDOW deliveries unacknowledged? (Then flush
//  again soon rather than at the slow poll.)
bool     relay_unsent (relay_t *self);

//  The same for every subscriber's socket. Returns how many acks were read.
int      relay_read_acks (relay_t *self);

//  Deliveries not yet acked, parked as dead, and the operator's replay.
int64_t  relay_backlog (db_t *db, const char *schema);
int64_t  relay_dead (db_t *db, const char *schema);
int64_t  relay_replay_dead (db_t *db, const char *schema);

//  Deliveries in state ("" = all not done), newest first, at most 1000,
//  into list (free with relay_deliveries_free). 0 or -1.
int      relay_deliveries (db_t *db, const char *schema, const char *state,
                           Motcua__V1__DeliveryList *list);
void     relay_deliveries_free (Motcua__V1__DeliveryList *list);

#endif
