/*  processing_server — the processing service: each received dossier lands in
    its division's queue; desk officers resolve it; results go back at the
    counter or, via postal's ShipmentDelivered, by post. Every move is checked
    against the lifecycle table and recorded in the trail.                  */
#ifndef PROCESSING_SERVER_H
#define PROCESSING_SERVER_H
#include "service.h"

typedef struct processing_server_t processing_server_t;

processing_server_t *processing_server_new (config_t *config);
void                 processing_server_destroy (processing_server_t **self_p);
int                  processing_server_run (processing_server_t *self);

extern const service_handlers_t processing_handlers;

#endif
