/*  intake_postal — dossiers that came by public post (BCCI). When postal
    reports a signed hand-over record (HandoverSigned), intake receives each
    complete dossier through the counter's own path, at the signing time
    (the legal submission time, Decision 45/2016 art. 7), with channel
    postal; each incomplete one gets a refusal notice with its reason. Each
    answer goes back to postal (PostalIntakeAnswered), which shows the
    receipt codes and appointments on the batch.                            */
#ifndef INTAKE_POSTAL_H
#define INTAKE_POSTAL_H
#include "service.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/intake.pb-c.h"

//  Apply a HandoverSigned event inside the consumer's transaction. 0 or -1.
int       intake_postal_apply (service_t *service, const Motcua__V1__Event *event);

//  The counter's receipt path (intake_server.c) at a given instant, inside
//  the caller's transaction: the packed Receipt, or NULL with error set.
zchunk_t *intake_receive_at (service_t *service, const principal_t *who,
                             const Motcua__V1__SubmitDossier *req, int64_t received_at,
                             api_error_t *error);
//  The counter's refusal path: the packed RefusalNotice, or NULL with error.
zchunk_t *intake_refuse_now (service_t *service, const principal_t *who,
                             const Motcua__V1__RefuseDossier *req, api_error_t *error);

#endif
