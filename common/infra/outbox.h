/*  outbox — the producer half of the delivery contract (DESIGN §4): an event is
    written to the producing service's outbox in the caller's transaction, with
    one delivery row per subscriber. The relay (relay.h) sends those rows; the
    routes below say who subscribes to what.                                 */
#ifndef OUTBOX_H
#define OUTBOX_H
#include "db.h"
#include "motcua/v1/events.pb-c.h"

//  The event's type name, e.g. "dossier_received" ("" if it has no body).
const char *outbox_event_type (const Motcua__V1__Event *event);

//  Comma-separated subscribers of an event type ("" if none).
const char *outbox_subscribers (const char *event_type);

//  Stamp event (event_id, producer, occurred_at if 0) and append it to
//  schema.outbox with its deliveries. Must run inside a transaction. 0 or -1.
int         outbox_append (db_t *db, const char *schema, const char *producer,
                           Motcua__V1__Event *event);

//  The same, leaving out the subscribers listed in except (comma-separated,
//  NULL for none). A producer never delivers to itself.
int         outbox_append_except (db_t *db, const char *schema, const char *producer,
                                  Motcua__V1__Event *event, const char *except);

#endif
