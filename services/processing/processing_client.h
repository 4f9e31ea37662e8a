/*  processing_client — the processing API for desks, counters and tests. Each
    call returns the reply (check reply->error; free with
    processing_reply_destroy) or NULL when processing did not answer.       */
#ifndef PROCESSING_CLIENT_H
#define PROCESSING_CLIENT_H
#include "client.h"
#include "motcua/v1/processing.pb-c.h"

typedef Motcua__V1__ProcessingReply processing_reply_t;

processing_reply_t *processing_client_health (client_t *client);
processing_reply_t *processing_client_queue (client_t *client, const char *division);
processing_reply_t *processing_client_resolve (client_t *client, const char *idempotency_key,
                                               const char *code, Motcua__V1__Outcome outcome,
                                               const char *reason);
processing_reply_t *processing_client_return (client_t *client, const char *idempotency_key,
                                              const char *code);
processing_reply_t *processing_client_request_supplement (client_t *client, const char *idempotency_key,
                                                          const char *code, char **missing, size_t n_missing,
                                                          const char *reason);
processing_reply_t *processing_client_delay_letter (client_t *client, const char *idempotency_key,
                                                    const char *code, int64_t new_due_at, const char *reason);
processing_reply_t *processing_client_replay_dead (client_t *client);
//  The step in hand is done: to the next step's division (control sheet).
processing_reply_t *processing_client_hand_over (client_t *client, const char *idempotency_key, const char *code,
                                                 const char *to_division, const char *receiver, const char *note);
//  The result: kind document (reference + SHA-256) or certificate, banner, medal.
processing_reply_t *processing_client_attach_result (client_t *client, const char *idempotency_key,
                                                     const char *code, const char *kind, const char *reference,
                                                     const char *sha256, const char *note);
//  Sent on from the receiving centre to the competent body.
processing_reply_t *processing_client_route (client_t *client, const char *idempotency_key, const char *code);
//  Everything the printed forms say of a dossier.
processing_reply_t *processing_client_sheet (client_t *client, const char *code);
void                processing_reply_destroy (processing_reply_t **reply_p);

#endif
