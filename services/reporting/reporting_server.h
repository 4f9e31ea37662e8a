/*  reporting_server — the reporting service: consumes every event into its own
    facts and timeline, and answers dossier traces and the II.06a totals.  */
#ifndef REPORTING_SERVER_H
#define REPORTING_SERVER_H
#include "service.h"

extern const service_handlers_t reporting_handlers;

#endif
