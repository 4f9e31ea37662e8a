/*  reporting_server — the reporting service: consumes every event into its own
    facts and timeline, and answers dossier traces and the II.06a totals.  */
#ifndef REPORTING_SERVER_H
#define REPORTING_SERVER_H
#include "service.h"

extern const service_handlers_t reporting_handlers;
//  Who may call which operation (reporting_operations.c), ended by { NULL }.
extern const service_op_t reporting_operations [];

#endif
