/*  processing_import — a dossier of the past (DossierImported, from intake's
    history import) filed in the state its history reached: created as
    received, then moved through the one transition table (resolve, withdraw,
    or supplement-and-close; then return), each move in the trail and the
    audit. A finished one never enters a desk queue; an open one joins its
    division's queue like any received dossier. Processing emits nothing for
    it: intake told reporting the same history. Replayed, it changes nothing. */
#ifndef PROCESSING_IMPORT_H
#define PROCESSING_IMPORT_H
#include "service.h"
#include "motcua/v1/events.pb-c.h"

//  Apply one DossierImported inside the consumer's transaction. 0 or -1.
int processing_on_imported (service_t *service, const Motcua__V1__DossierImported *imported,
                            const char *actor);

#endif
