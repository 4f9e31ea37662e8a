/*  reporting_server — the reporting service: consumes every event into its own
    facts and timeline, and answers dossier traces and the II.06a totals.  */
#ifndef REPORTING_SERVER_H
#define REPORTING_SERVER_H
#include "service.h"

typedef struct reporting_server_t reporting_server_t;

reporting_server_t *reporting_server_new (config_t *config);
void                reporting_server_destroy (reporting_server_t **self_p);
int                 reporting_server_run (reporting_server_t *self);

extern const service_handlers_t reporting_handlers;

#endif
