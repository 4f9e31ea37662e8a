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

#endif
