/*  reporting_postal — what reporting learns of the postal (BCCI) road, in
    tables of its own (reporting.postal_*): every dossier's channel and
    return method, the slips answered at hand-over, each shipment's state,
    J+n deadline, delivery or return to the agency. From them: the trace's
    Vietnamese lines and "where the result is", and the postal figures
    (`motcua report postal`), computed from events.                         */
#ifndef REPORTING_POSTAL_H
#define REPORTING_POSTAL_H
#include "db.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/reporting.pb-c.h"

#define REPORTING_POSTAL_ROUTES 4

//  Merge an event into the postal tables (inside the caller's transaction;
//  events it does not concern are ignored). 0 or -1.
int  reporting_postal_apply (db_t *db, const Motcua__V1__Event *event);

//  The timeline's detail of the postal events (buf untouched for others).
void reporting_postal_detail (const Motcua__V1__Event *event, char *buf, size_t size);

//  Where the dossier's result is, for the trace ("" if it does not go by
//  post). 0 or -1.
int  reporting_postal_location (db_t *db, const char *code, char *buf, size_t size);

//  The figures over [report->from, report->to). routes and their array are
//  the caller's storage (REPORTING_POSTAL_ROUTES of each). 0 or -1.
int  reporting_postal_report (db_t *db, Motcua__V1__PostalReport *report,
                              Motcua__V1__PostalRouteFigures *routes,
                              Motcua__V1__PostalRouteFigures **route_pointers);

#endif
