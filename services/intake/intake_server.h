/*  intake_server — the intake service: the catalogue for counters, and dossier
    submission that answers with a receipt only once the dossier and its
    DossierReceived event are committed together.                           */
#ifndef INTAKE_SERVER_H
#define INTAKE_SERVER_H
#include "service.h"

extern const service_handlers_t intake_handlers;
//  Who may call which operation (intake_operations.c), ended by { NULL }.
extern const service_op_t intake_operations [];

#endif
