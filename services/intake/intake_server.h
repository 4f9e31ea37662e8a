/*  intake_server — the intake service: the catalogue for counters, and dossier
    submission that answers with a receipt only once the dossier and its
    DossierReceived event are committed together.                           */
#ifndef INTAKE_SERVER_H
#define INTAKE_SERVER_H
#include "service.h"

typedef struct intake_server_t intake_server_t;

intake_server_t *intake_server_new (config_t *config);
void             intake_server_destroy (intake_server_t **self_p);
int              intake_server_run (intake_server_t *self);

extern const service_handlers_t intake_handlers;

#endif
