/*  consumer — the subscriber half of the delivery contract (DESIGN §4): read a
    delivery from the `events` ROUTER, apply it and record its id in the
    schema's inbox in one transaction, then ack. A duplicate is acked and
    ignored; a failure is nacked so the producer retries; an unreadable event
    is refused for good (INVALID_ARGUMENT).                                  */
#ifndef CONSUMER_H
#define CONSUMER_H
#include <czmq.h>
#include "auth.h"
#include "db.h"
#include "motcua/v1/events.pb-c.h"

//  Apply one event inside the open transaction. 0, or -1 to roll back.
typedef int (consumer_apply_fn) (void *service, const Motcua__V1__Event *event);

//  Handle one delivery waiting on router. Returns 1 if an event was newly
//  applied, 0 if it was a duplicate or refused, -1 on failure.
int consumer_handle (zsock_t *router, auth_t *auth, db_t *db, const char *schema,
                     consumer_apply_fn *apply, void *service);

#endif
