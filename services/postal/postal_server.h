/*  postal_server — the postal-return (BCCI) service: a result ready to go by
    post becomes a shipment; the postal clerk records its delivery, which
    tells processing the result is back with the applicant.                 */
#ifndef POSTAL_SERVER_H
#define POSTAL_SERVER_H
#include "service.h"

extern const service_handlers_t postal_handlers;

#endif
