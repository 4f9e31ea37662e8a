/*  consumer — the subscriber half of the delivery contract (DESIGN §4): read a
    delivery from the `events` ROUTER, apply it and record its id in the
    schema's inbox in one transaction, then ack. The deliveries waiting at
    once share that transaction (one commit), each behind a savepoint. A
    duplicate is acked and ignored; a failure is nacked so the producer
    retries; an unreadable event is refused for good (INVALID_ARGUMENT).    */
#ifndef CONSUMER_H
#define CONSUMER_H
#include <czmq.h>
#include "auth.h"
#include "db.h"
#include "motcua/v1/events.pb-c.h"

//  Apply one event inside the open transaction. 0, or -1 to roll back.
typedef int (consumer_apply_fn) (void *service, const Motcua__V1__Event *event);

#define CONSUMER_BATCH 64       //  deliveries applied under one commit, at most

//  Handle the deliveries waiting on router (at least one): each is applied
//  and recorded in the inbox behind its own savepoint, all under one commit,
//  then acked (or nacked if it failed). Returns how many were newly applied.
int consumer_handle (zsock_t *router, auth_t *auth, db_t *db, const char *schema,
                     consumer_apply_fn *apply, void *service);

#endif
