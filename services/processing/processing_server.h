/*  processing_server — the processing service: each received dossier lands in
    its division's queue; desk officers resolve it; results go back at the
    counter or, via postal's ShipmentDelivered, by post. Every move is checked
    against the lifecycle table and recorded in the trail.                  */
#ifndef PROCESSING_SERVER_H
#define PROCESSING_SERVER_H
#include "service.h"

extern const service_handlers_t processing_handlers;
//  Who may call which operation (processing_operations.c), ended by { NULL }.
extern const service_op_t processing_operations [];

#endif
