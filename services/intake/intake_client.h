/*  intake_client — the intake API for counters and tests. Each call returns
    the reply (free with motcua__v1__intake_reply__free_unpacked; check
    reply->error) or NULL when intake did not answer.                      */
#ifndef INTAKE_CLIENT_H
#define INTAKE_CLIENT_H
#include "client.h"
#include "motcua/v1/intake.pb-c.h"

typedef Motcua__V1__IntakeReply intake_reply_t;

intake_reply_t *intake_client_health (client_t *client);
intake_reply_t *intake_client_list_procedures (client_t *client);
//  The catalogue as it stood at at_ms (0: now), e.g. before 1/7/2025.
intake_reply_t *intake_client_list_procedures_at (client_t *client, int64_t at_ms);
//  submit->idempotency_key must be set by the caller (same key on a retry).
intake_reply_t *intake_client_submit (client_t *client, Motcua__V1__SubmitDossier *submit);
intake_reply_t *intake_client_hand_in_supplement (client_t *client, const char *idempotency_key,
                                                  const char *code, char **components, size_t n_components);
intake_reply_t *intake_client_withdraw (client_t *client, const char *idempotency_key,
                                        const char *code, const char *reason);
//  Refuse a dossier at the counter (never received, never counted).
intake_reply_t *intake_client_refuse (client_t *client, const char *idempotency_key, const char *procedure,
                                      Motcua__V1__Applicant *applicant, const char *reason);
//  The same for an online filing sent back, filed on the portal at filed_at.
intake_reply_t *intake_client_refuse_online (client_t *client, const char *idempotency_key, const char *procedure,
                                             Motcua__V1__Applicant *applicant, const char *reason, int64_t filed_at);
intake_reply_t *intake_client_replay_dead (client_t *client);
//  A refusal notice already issued, by its number (to print it again).
intake_reply_t *intake_client_refusal (client_t *client, const char *number);
void            intake_reply_destroy (intake_reply_t **reply_p);

#endif
