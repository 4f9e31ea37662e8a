/*  intake_client — typed calls to intake. See intake_client.h.              */
#include <stdlib.h>
#include "intake_client.h"

static intake_reply_t *
s_call (client_t *client, Motcua__V1__IntakeRequest *request)
{
    return (intake_reply_t *) client_call (client, &request->base, &request->request_id,
                                           &motcua__v1__intake_reply__descriptor);
}

intake_reply_t *
intake_client_health (client_t *client)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_HEALTH;
    request.health = &health;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_list_procedures (client_t *client)
{
    return intake_client_list_procedures_at (client, 0);
}

intake_reply_t *
intake_client_list_procedures_at (client_t *client, int64_t at_ms)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__ListProcedures list = MOTCUA__V1__LIST_PROCEDURES__INIT;
    list.at = at_ms;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_LIST_PROCEDURES;
    request.list_procedures = &list;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_submit (client_t *client, Motcua__V1__SubmitDossier *submit)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT;
    request.submit = submit;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_hand_in_supplement (client_t *client, const char *idempotency_key, const char *code,
                                  char **components, size_t n_components)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__HandInSupplement hand_in = MOTCUA__V1__HAND_IN_SUPPLEMENT__INIT;
    hand_in.idempotency_key = (char *) idempotency_key;
    hand_in.dossier_code = (char *) code;
    hand_in.components = components;
    hand_in.n_components = n_components;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_HAND_IN_SUPPLEMENT;
    request.hand_in_supplement = &hand_in;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_withdraw (client_t *client, const char *idempotency_key, const char *code, const char *reason)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__Withdraw withdraw = MOTCUA__V1__WITHDRAW__INIT;
    withdraw.idempotency_key = (char *) idempotency_key;
    withdraw.dossier_code = (char *) code;
    withdraw.reason = (char *) (reason ? reason : "");
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_WITHDRAW;
    request.withdraw = &withdraw;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_refuse (client_t *client, const char *idempotency_key, const char *procedure,
                      Motcua__V1__Applicant *applicant, const char *reason)
{
    return intake_client_refuse_online (client, idempotency_key, procedure, applicant, reason, 0);
}

intake_reply_t *
intake_client_refuse_online (client_t *client, const char *idempotency_key, const char *procedure,
                             Motcua__V1__Applicant *applicant, const char *reason, int64_t filed_at)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__RefuseDossier refuse = MOTCUA__V1__REFUSE_DOSSIER__INIT;
    refuse.idempotency_key = (char *) idempotency_key;
    refuse.procedure_code = (char *) procedure;
    refuse.applicant = applicant;
    refuse.reason = (char *) (reason ? reason : "");
    refuse.filed_at = filed_at;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_REFUSE;
    request.refuse = &refuse;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_replay_dead (client_t *client)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__ReplayDeadRequest replay = MOTCUA__V1__REPLAY_DEAD_REQUEST__INIT;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_REPLAY_DEAD;
    request.replay_dead = &replay;
    return s_call (client, &request);
}

void
intake_reply_destroy (intake_reply_t **reply_p)
{
    if (*reply_p) {
        motcua__v1__intake_reply__free_unpacked (*reply_p, NULL);
        *reply_p = NULL;
    }
}

intake_reply_t *
intake_client_refusal (client_t *client, const char *number)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__RefusalLookup lookup = MOTCUA__V1__REFUSAL_LOOKUP__INIT;
    lookup.number = (char *) number;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_REFUSAL_LOOKUP;
    request.refusal_lookup = &lookup;
    return s_call (client, &request);
}
