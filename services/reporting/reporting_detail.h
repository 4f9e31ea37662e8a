/*  reporting_detail — the trace's words for the facts of the internal
    process and of the 2025 intake rules: where a dossier was taken in and by
    when it must be sent on, an online filing answered late, each hand-over
    of the control sheet with its step's result, the result attached, the
    routing to the competent body. Pure.                                     */
#ifndef REPORTING_DETAIL_H
#define REPORTING_DETAIL_H
#include <stddef.h>
#include "motcua/v1/events.pb-c.h"

//  A short, readable account (Vietnamese) of what the event says: the
//  dossier's life, the internal process, routing; buf left empty for the
//  postal road's events (reporting_postal_detail).
void reporting_detail (const Motcua__V1__Event *event, char *buf, size_t size);

void reporting_detail_received (const Motcua__V1__DossierReceived *received, char *buf, size_t size);
//  The events above (hand-over, result, routing); buf left empty for others.
void reporting_detail_more (const Motcua__V1__Event *event, char *buf, size_t size);

#endif
