/*  intake_routing — receiving centre, online answer, refusal look-up. See
    intake_routing.h.                                                        */
#include <czmq.h>
#include "intake_routing.h"
#include "db_ms.h"
#include "legal_clock.h"
#include "process_step.h"
#include "rule_set.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

int
intake_routing_plan (service_t *service, const Motcua__V1__SubmitDossier *req, const char *competent_agency,
                     const char *office_hours, int64_t received_at, intake_routing_t *plan, api_error_t *error)
{
    memset (plan, 0, sizeof *plan);
    plan->receiving_agency = "";
    bool online = req->channel == MOTCUA__V1__CHANNEL__CHANNEL_ONLINE;
    if (api_check_text (error, "receiving_agency", req->receiving_agency, 64, false))
        return -1;
    if (req->filed_at && (!online || req->filed_at > received_at || req->filed_at < vn_instant (2000, 1, 1, 0)))
        return api_fail (error, INVALID, "filed_at",
                         "filed_at is the time of an online filing, before its receipt");
    if (*req->receiving_agency && !streq (req->receiving_agency, competent_agency)) {
        const char *params [1] = { req->receiving_agency };
        PGresult *result = db_query (service_db (service), "SELECT 1 FROM catalog.agency WHERE code = $1", 1, params);
        if (!result)
            return api_db_fail (error, db_error (service_db (service)));
        int known = PQntuples (result);
        PQclear (result);
        if (!known)
            return api_fail (error, INVALID, "receiving_agency", "unknown receiving agency '%s'",
                             req->receiving_agency);
        plan->receiving_agency = req->receiving_agency;
    }
    rules_id_t id = rule_set_at (received_at);
    worktime_rules_t rules;
    service_rules (service, office_hours, &rules);
    plan->filed_at = online ? (req->filed_at ? req->filed_at : received_at) : 0;
    plan->online_answer_by = intake_online_answer_by (id, &rules, online, plan->filed_at);
    plan->route_by = intake_route_by (id, &rules, plan->receiving_agency, competent_agency, received_at);
    return 0;
}

int
intake_routing_refusal_plan (service_t *service, int64_t filed_at, const char *office_hours,
                             Motcua__V1__RefusalNotice *notice, api_error_t *error)
{
    if (!filed_at)
        return 0;
    if (filed_at > notice->refused_at || filed_at < vn_instant (2000, 1, 1, 0))
        return api_fail (error, INVALID, "filed_at", "filed_at is the time of an online filing, before its refusal");
    rules_id_t id = rule_set_of (notice->rule_set);
    worktime_rules_t rules;
    service_rules (service, office_hours, &rules);
    notice->filed_at = filed_at;
    notice->online_answer_by = intake_online_answer_by (id, &rules, true, filed_at);
    return 0;
}

int
intake_routing_store (db_t *db, const char *code, const intake_routing_t *plan)
{
    char filed [24], answer [24], route [24];
    const char *params [5] = {
        code, *plan->receiving_agency ? plan->receiving_agency : NULL, db_ms_param (plan->filed_at, filed, sizeof filed),
        db_ms_param (plan->online_answer_by, answer, sizeof answer), db_ms_param (plan->route_by, route, sizeof route)
    };
    return db_exec (db,
        "UPDATE intake.dossier SET receiving_agency = $2, filed_at = " DB_TS (3) ", online_answer_by = " DB_TS (4) ","
        " route_by = " DB_TS (5) " WHERE code = $1", 5, params);
}

Motcua__V1__RefusalNotice *
intake_routing_refusal (db_t *db, const char *number, api_error_t *error)
{
    if (api_check_text (error, "number", number, 64, true))
        return NULL;
    const char *params [1] = { number };
    PGresult *result = db_query (db,
        "SELECT r.number, r.procedure_code, coalesce (p.name, ''), r.applicant_name, r.applicant_id, r.phone,"
        " r.address, r.reason, (extract (epoch FROM r.refused_at) * 1000)::bigint, r.rule_set"
        " FROM intake.refusal r LEFT JOIN LATERAL catalog.procedure_at (r.refused_at) p"
        " ON p.code = r.procedure_code"
        " WHERE r.number = $1", 1, params);
    if (!result) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    if (PQntuples (result) != 1) {
        PQclear (result);
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "number", "no refusal notice %s", number);
        return NULL;
    }
    Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
    applicant.name = PQgetvalue (result, 0, 3);
    applicant.id_number = PQgetvalue (result, 0, 4);
    applicant.phone = PQgetvalue (result, 0, 5);
    applicant.address = PQgetvalue (result, 0, 6);
    Motcua__V1__RefusalNotice notice = MOTCUA__V1__REFUSAL_NOTICE__INIT;
    notice.number = PQgetvalue (result, 0, 0);
    notice.procedure_code = PQgetvalue (result, 0, 1);
    notice.procedure_name = PQgetvalue (result, 0, 2);
    notice.applicant = &applicant;
    notice.reason = PQgetvalue (result, 0, 7);
    notice.refused_at = atoll (PQgetvalue (result, 0, 8));
    notice.rule_set = PQgetvalue (result, 0, 9);
    //  An owned copy: packed and unpacked, so the result can go.
    zchunk_t *packed = api_pack (&notice.base);
    PQclear (result);
    Motcua__V1__RefusalNotice *copy = motcua__v1__refusal_notice__unpack (NULL, zchunk_size (packed),
                                                                          zchunk_data (packed));
    zchunk_destroy (&packed);
    return copy;
}
