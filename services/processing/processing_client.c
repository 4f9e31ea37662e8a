/*  processing_client — typed calls to processing. See processing_client.h.  */
#include <stdlib.h>
#include "processing_client.h"

static processing_reply_t *
s_call (client_t *client, Motcua__V1__ProcessingRequest *request)
{
    return (processing_reply_t *) client_call (client, &request->base, &request->request_id,
                                               &motcua__v1__processing_reply__descriptor);
}

processing_reply_t *
processing_client_health (client_t *client)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_HEALTH;
    request.health = &health;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_queue (client_t *client, const char *division)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__QueueRequest queue = MOTCUA__V1__QUEUE_REQUEST__INIT;
    queue.division = (char *) (division ? division : "");
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_QUEUE;
    request.queue = &queue;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_resolve (client_t *client, const char *idempotency_key, const char *code,
                           Motcua__V1__Outcome outcome, const char *reason)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__ResolveDossier resolve = MOTCUA__V1__RESOLVE_DOSSIER__INIT;
    resolve.idempotency_key = (char *) idempotency_key;
    resolve.dossier_code = (char *) code;
    resolve.outcome = outcome;
    resolve.reason = (char *) (reason ? reason : "");
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_RESOLVE;
    request.resolve = &resolve;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_return (client_t *client, const char *idempotency_key, const char *code)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__ReturnAtCounter ret = MOTCUA__V1__RETURN_AT_COUNTER__INIT;
    ret.idempotency_key = (char *) idempotency_key;
    ret.dossier_code = (char *) code;
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_RETURN_AT_COUNTER;
    request.return_at_counter = &ret;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_request_supplement (client_t *client, const char *idempotency_key, const char *code,
                                      char **missing, size_t n_missing, const char *reason)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__RequestSupplement ask = MOTCUA__V1__REQUEST_SUPPLEMENT__INIT;
    ask.idempotency_key = (char *) idempotency_key;
    ask.dossier_code = (char *) code;
    ask.missing = missing;
    ask.n_missing = n_missing;
    ask.reason = (char *) (reason ? reason : "");
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_REQUEST_SUPPLEMENT;
    request.request_supplement = &ask;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_delay_letter (client_t *client, const char *idempotency_key, const char *code,
                                int64_t new_due_at, const char *reason)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__IssueDelayLetter letter = MOTCUA__V1__ISSUE_DELAY_LETTER__INIT;
    letter.idempotency_key = (char *) idempotency_key;
    letter.dossier_code = (char *) code;
    letter.new_due_at = new_due_at;
    letter.reason = (char *) (reason ? reason : "");
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_DELAY_LETTER;
    request.delay_letter = &letter;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_replay_dead (client_t *client)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__ReplayDeadRequest replay = MOTCUA__V1__REPLAY_DEAD_REQUEST__INIT;
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_REPLAY_DEAD;
    request.replay_dead = &replay;
    return s_call (client, &request);
}

void
processing_reply_destroy (processing_reply_t **reply_p)
{
    if (*reply_p) {
        motcua__v1__processing_reply__free_unpacked (*reply_p, NULL);
        *reply_p = NULL;
    }
}

processing_reply_t *
processing_client_hand_over (client_t *client, const char *idempotency_key, const char *code,
                             const char *to_division, const char *receiver, const char *note)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__HandOver hand = MOTCUA__V1__HAND_OVER__INIT;
    hand.idempotency_key = (char *) idempotency_key;
    hand.dossier_code = (char *) code;
    hand.to_division = (char *) (to_division ? to_division : "");
    hand.receiver = (char *) (receiver ? receiver : "");
    hand.note = (char *) (note ? note : "");
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_HAND_OVER;
    request.hand_over = &hand;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_attach_result (client_t *client, const char *idempotency_key, const char *code,
                                 const char *kind, const char *reference, const char *sha256, const char *note)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__AttachResult attach = MOTCUA__V1__ATTACH_RESULT__INIT;
    attach.idempotency_key = (char *) idempotency_key;
    attach.dossier_code = (char *) code;
    attach.kind = (char *) (kind ? kind : "");
    attach.reference = (char *) (reference ? reference : "");
    attach.sha256 = (char *) (sha256 ? sha256 : "");
    attach.note = (char *) (note ? note : "");
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_ATTACH_RESULT;
    request.attach_result = &attach;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_route (client_t *client, const char *idempotency_key, const char *code)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__RouteDossier route = MOTCUA__V1__ROUTE_DOSSIER__INIT;
    route.idempotency_key = (char *) idempotency_key;
    route.dossier_code = (char *) code;
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_ROUTE;
    request.route = &route;
    return s_call (client, &request);
}

processing_reply_t *
processing_client_sheet (client_t *client, const char *code)
{
    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    Motcua__V1__SheetRequest sheet = MOTCUA__V1__SHEET_REQUEST__INIT;
    sheet.dossier_code = (char *) code;
    request.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_SHEET;
    request.sheet = &sheet;
    return s_call (client, &request);
}
