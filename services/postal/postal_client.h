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
//  Delivery on the recipient's ID (it must be the applicant's).
postal_reply_t *postal_client_deliver (client_t *client, const char *idempotency_key, const char *code,
                                       const char *recipient_id_number);
//  Postal intake and return (requests built by the caller; the client sets
//  request ids). A reply's slip, batch, shipment or shipments.
postal_reply_t *postal_client_collect (client_t *client, Motcua__V1__CollectDossier *collect);
postal_reply_t *postal_client_hand_over (client_t *client, Motcua__V1__HandOverSlips *hand_over);
postal_reply_t *postal_client_dispatch (client_t *client, Motcua__V1__DispatchResults *dispatch);
postal_reply_t *postal_client_sign (client_t *client, Motcua__V1__SignBatch *sign);
postal_reply_t *postal_client_show_batch (client_t *client, int64_t batch_no);
postal_reply_t *postal_client_move (client_t *client, const char *idempotency_key, const char *code,
                                    const char *state, const char *note);
postal_reply_t *postal_client_overdue (client_t *client);
postal_reply_t *postal_client_replay_dead (client_t *client);
void            postal_reply_destroy (postal_reply_t **reply_p);

#endif
