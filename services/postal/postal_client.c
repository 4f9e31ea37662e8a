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
postal_client_deliver (client_t *client, const char *idempotency_key, const char *code,
                       const char *recipient_id_number)
{
    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT;
    Motcua__V1__DeliverShipment deliver = MOTCUA__V1__DELIVER_SHIPMENT__INIT;
    deliver.idempotency_key = (char *) idempotency_key;
    deliver.dossier_code = (char *) code;
    deliver.recipient_id_number = (char *) recipient_id_number;
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

#define POSTAL_CALL(member, CASE, value) \
    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT; \
    request.body_case = MOTCUA__V1__POSTAL_REQUEST__BODY_##CASE; \
    request.member = value; \
    return s_call (client, &request)

postal_reply_t *
postal_client_collect (client_t *client, Motcua__V1__CollectDossier *collect)
{
    POSTAL_CALL (collect, COLLECT, collect);
}

postal_reply_t *
postal_client_hand_over (client_t *client, Motcua__V1__HandOverSlips *hand_over)
{
    POSTAL_CALL (hand_over, HAND_OVER, hand_over);
}

postal_reply_t *
postal_client_dispatch (client_t *client, Motcua__V1__DispatchResults *dispatch)
{
    POSTAL_CALL (dispatch, DISPATCH, dispatch);
}

postal_reply_t *
postal_client_sign (client_t *client, Motcua__V1__SignBatch *sign)
{
    POSTAL_CALL (sign, SIGN, sign);
}

postal_reply_t *
postal_client_show_batch (client_t *client, int64_t batch_no)
{
    Motcua__V1__ShowBatch show = MOTCUA__V1__SHOW_BATCH__INIT;
    show.batch_no = batch_no;
    POSTAL_CALL (show_batch, SHOW_BATCH, &show);
}

postal_reply_t *
postal_client_move (client_t *client, const char *idempotency_key, const char *code,
                    const char *state, const char *note)
{
    Motcua__V1__MoveShipment move = MOTCUA__V1__MOVE_SHIPMENT__INIT;
    move.idempotency_key = (char *) idempotency_key;
    move.dossier_code = (char *) code;
    move.state = (char *) state;
    move.note = (char *) note;
    POSTAL_CALL (move, MOVE, &move);
}

postal_reply_t *
postal_client_overdue (client_t *client)
{
    Motcua__V1__ListOverdue overdue = MOTCUA__V1__LIST_OVERDUE__INIT;
    POSTAL_CALL (overdue, OVERDUE, &overdue);
}

void
postal_reply_destroy (postal_reply_t **reply_p)
{
    if (*reply_p) {
        motcua__v1__postal_reply__free_unpacked (*reply_p, NULL);
        *reply_p = NULL;
    }
}
