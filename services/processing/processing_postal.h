/*  processing_postal — a result the post brought back to the agency (after
    two invitations, TT 17/2017 art. 5.2.h) waits at the counter: the
    dossier's return method becomes the counter, so `motcua counter return`
    hands it over and the dossier is returned as any other.                  */
#ifndef PROCESSING_POSTAL_H
#define PROCESSING_POSTAL_H
#include "service.h"
#include "motcua/v1/events.pb-c.h"

//  Apply a ShipmentMoved event (others are ignored) inside the consumer's
//  transaction. 0 or -1.
int processing_postal_apply (service_t *service, const Motcua__V1__Event *event);

#endif
