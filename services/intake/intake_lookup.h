/*  intake_lookup — what a counter clerk is asked all day: the dossiers of a
    code, of an applicant's identity number, or of a phone number, with their
    status, procedure, times and where the result is.

    Each question is one index scan of intake.dossier: the code is its
    primary key; (applicant_id, received_at DESC) and (intake.phone_key
    (phone), received_at DESC) serve the other two, newest first, so a
    frequent applicant's list stops after LOOKUP_LIMIT rows without a sort
    (deploy/sql/012_history_lookup.sql). Counter, desk and dashboard may
    ask; a caller sees only the dossiers its grant covers (agency and
    procedures): one outside it asked by code is PERMISSION_DENIED, and in a
    list it is left out and counted in `hidden`.                            */
#ifndef INTAKE_LOOKUP_H
#define INTAKE_LOOKUP_H
#include "service.h"
#include "motcua/v1/intake.pb-c.h"

#define LOOKUP_LIMIT 50

//  The matching dossiers (free with intake_lookup_free), or NULL with error.
Motcua__V1__LookupResult *intake_lookup (service_t *service, const principal_t *who,
                                        const Motcua__V1__LookupDossiers *request, api_error_t *error);
void intake_lookup_free (Motcua__V1__LookupResult **list_p);

#endif
