/*  reporting_citizen — what citizens say: ratings of a dossier on the 5-level
    scale, feedback and petitions (PAKN) and their handling, and the
    satisfaction of a period: the 9 indicators (2/1/0 points) of Circular
    01/2018 for dossiers under the 2018 rules and the nine items of Decree
    118/2025 art. 33 for those under the 2025 rules, computed from the facts
    where the data allows, beside the citizens' own ratings; and form II.07b
    (procedures by level) from the catalogue.                              */
#ifndef REPORTING_CITIZEN_H
#define REPORTING_CITIZEN_H
#include "service.h"
#include "motcua/v1/reporting.pb-c.h"

//  Answer request if it is one of these (packed reply), else NULL.
zchunk_t *reporting_citizen_handle (service_t *service, const principal_t *who,
                                    const Motcua__V1__ReportingRequest *request);

#endif
