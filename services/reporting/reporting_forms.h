/*  reporting_forms — the period requests of reporting: II.06a by agency,
    field, level and procedure (from the rollups, or over the facts), the
    dossiers behind a cell (drill-down), rates with numerator and denominator,
    and monthly series for charts.                                          */
#ifndef REPORTING_FORMS_H
#define REPORTING_FORMS_H
#include "service.h"
#include "motcua/v1/reporting.pb-c.h"

//  Answer request if it is one of these (packed reply), else NULL.
zchunk_t *reporting_forms_handle (service_t *service, const principal_t *who,
                                  const Motcua__V1__ReportingRequest *request);

//  Resolve a request's window. 0, or -1 with error set. label gets the
//  period's Vietnamese name.
int reporting_forms_window (const Motcua__V1__ReportRequest *period, int64_t *from, int64_t *to,
                            char *label, size_t size, api_error_t *error);

#endif
