/*  postal_client — typed calls to postal. See postal_client.h.              */
#include <stdlib.h>
#include "postal_client.h"

static postal_reply_t *
s_call (client_t *client, Motcua__V1__PostalRequest *request)
{
    return (postal_reply_t *) client_call (client, &request->base, &request->request_id,
                                           &motcua__v1__postal_reply__descriptor);
}

postal_reply_t *
postal_client_health (client_t *client)
{
    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT;
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    request.body_case = MOTCUA__V1__POSTAL_REQUEST__BODY_HEALTH;
    request.health = &health;
    return s_call (client, &request);
}

postal_reply_t *
postal_client_shipments (client_t *client)
{
    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT;
    Motcua__V1__ListShipments list = MOTCUA__V1__LIST_SHIPMENTS__INIT;
    request.body_case = MOTCUA__V1__POSTAL_REQUEST__BODY_LIST;
    request.list = &list;
    return s_call (client, &request);
}

postal_reply_t *
postal_client_deliver (client_t *client, const char *idempotency_key, const char *code)
{
    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT;
    Motcua__V1__DeliverShipment deliver = MOTCUA__V1__DELIVER_SHIPMENT__INIT;
    deliver.idempotency_key = (char *) idempotency_key;
    deliver.dossier_code = (char *) code;
    request.body_case = MOTCUA__V1__POSTAL_REQUEST__BODY_DELIVER;
    request.deliver = &deliver;
    return s_call (client, &request);
}

postal_reply_t *
postal_client_replay_dead (client_t *client)
{
    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT;
    Motcua__V1__ReplayDeadRequest replay = MOTCUA__V1__REPLAY_DEAD_REQUEST__INIT;
    request.body_case = MOTCUA__V1__POSTAL_REQUEST__BODY_REPLAY_DEAD;
    request.replay_dead = &replay;
    return s_call (client, &request);
}

void
postal_reply_destroy (postal_reply_t **reply_p)
{
    if (*reply_p) {
        motcua__v1__postal_reply__free_unpacked (*reply_p, NULL);
        *reply_p = NULL;
    }
}
