/*  postal_client — the postal (BCCI) API for postal clerks and tests. Each
    call returns the reply (check reply->error; free with postal_reply_destroy)
    or NULL when postal did not answer.                                     */
#ifndef POSTAL_CLIENT_H
#define POSTAL_CLIENT_H
#include "client.h"
#include "motcua/v1/postal.pb-c.h"

typedef Motcua__V1__PostalReply postal_reply_t;

postal_reply_t *postal_client_health (client_t *client);
postal_reply_t *postal_client_shipments (client_t *client);
postal_reply_t *postal_client_deliver (client_t *client, const char *idempotency_key, const char *code);
postal_reply_t *postal_client_replay_dead (client_t *client);
void            postal_reply_destroy (postal_reply_t **reply_p);

#endif
