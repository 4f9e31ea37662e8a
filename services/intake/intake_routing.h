/*  intake_routing — what intake adds to a receipt under the 2025 rules
    (NĐ 118/2025 Điều 17, 18, 20): the centre that took the dossier in when
    it is not the competent body, and by when it must be sent on; for an
    online filing, when it was filed and by when it had to be answered (a
    dossier accepted after that is recorded as accepted late). And the
    look-up of a refusal notice already issued, for printing it again.     */
#ifndef INTAKE_ROUTING_H
#define INTAKE_ROUTING_H
#include "api.h"
#include "service.h"
#include "motcua/v1/intake.pb-c.h"

typedef struct {
    const char *receiving_agency;       //  "" when the competent body took it in
    int64_t filed_at, online_answer_by, route_by;
} intake_routing_t;

//  Check the submission's receiving centre and filing time, and compute the
//  2025 limits for a dossier of competent_agency received at received_at.
//  0, or -1 with error (INVALID_ARGUMENT naming the field).
int  intake_routing_plan (service_t *service, const Motcua__V1__SubmitDossier *req,
                          const char *competent_agency, const char *office_hours, int64_t received_at,
                          intake_routing_t *plan, api_error_t *error);

//  An online filing sent back at refused_at (2025: within 8 working hours of
//  filed_at): fills the notice's filed_at and online_answer_by (they go in
//  the answer and the audit, not in intake.refusal). 0, or -1 with
//  error (INVALID_ARGUMENT, filed_at) for a filing time after the refusal.
int  intake_routing_refusal_plan (service_t *service, int64_t filed_at, const char *office_hours,
                                  Motcua__V1__RefusalNotice *notice, api_error_t *error);

//  Record the plan on the dossier (inside the caller's transaction). 0 or -1.
int  intake_routing_store (db_t *db, const char *code, const intake_routing_t *plan);

//  A refusal notice by its number (caller frees with
//  motcua__v1__refusal_notice__free_unpacked), or NULL with error.
Motcua__V1__RefusalNotice *intake_routing_refusal (db_t *db, const char *number, api_error_t *error);

#endif
