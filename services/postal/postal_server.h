/*  postal_server — the postal-return (BCCI) service: a result ready to go by
    post becomes a shipment; the postal clerk records its delivery, which
    tells processing the result is back with the applicant.                 */
#ifndef POSTAL_SERVER_H
#define POSTAL_SERVER_H
#include "service.h"

typedef struct postal_server_t postal_server_t;

postal_server_t *postal_server_new (config_t *config);
void             postal_server_destroy (postal_server_t **self_p);
int              postal_server_run (postal_server_t *self);

extern const service_handlers_t postal_handlers;

#endif
