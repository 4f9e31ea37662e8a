/*  intake_lookup — the counter's look-up by code, identity or phone number.
    See intake_lookup.h.                                                     */
#include "intake_lookup.h"
#include "dossier_code.h"
#include "lookup_key.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

#define LOOKUP_COLUMNS \
    "SELECT d.code, d.status, d.procedure_code, coalesce (p.name, ''), d.agency_code, d.applicant_name," \
    " (extract (epoch FROM d.received_at) * 1000)::bigint, (extract (epoch FROM d.due_at) * 1000)::bigint," \
    " d.channel, d.return_method, d.rule_set, d.import_digest IS NOT NULL" \
    " FROM intake.dossier d LEFT JOIN catalog.procedure_version p ON p.id = d.procedure_version"

//  What the request asks, checked: the SQL condition and its parameter.
static int
s_question (const Motcua__V1__LookupDossiers *request, const char **where, char *key, size_t size,
            api_error_t *error)
{
    int asked = (*request->dossier_code != 0) + (*request->id_number != 0) + (*request->phone != 0);
    if (asked != 1)
        return api_fail (error, INVALID, "", "ask by exactly one of dossier code, identity number or phone");
    if (*request->dossier_code) {
        char agency [DOSSIER_CODE_MAX];
        int day;
        int64_t sequence;
        if (api_check_text (error, "dossier_code", request->dossier_code, DOSSIER_CODE_MAX - 1, true))
            return -1;
        if (dossier_code_parse (request->dossier_code, agency, sizeof agency, &day, &sequence))
            return api_fail (error, INVALID, "dossier_code", "'%s' is not a dossier code <agency>-YYMMDD-NNNN",
                             request->dossier_code);
        snprintf (key, size, "%s", request->dossier_code);
        *where = " WHERE d.code = $1";
    }
    else
    if (*request->id_number) {
        if (api_check_identity (error, "id_number", request->id_number, true))
            return -1;
        snprintf (key, size, "%s", request->id_number);
        *where = " WHERE d.applicant_id = $1 ORDER BY d.received_at DESC";
    }
    else {
        if (api_check_phone (error, "phone", request->phone, true))
            return -1;
        lookup_phone_key (request->phone, key, size);
        *where = " WHERE intake.phone_key (d.phone) = $1 ORDER BY d.received_at DESC";
    }
    return 0;
}

static Motcua__V1__LookedUpDossier *
s_summary (PGresult *result, int r)
{
    Motcua__V1__LookedUpDossier *s = (Motcua__V1__LookedUpDossier *) malloc (sizeof *s);
    motcua__v1__looked_up_dossier__init (s);
    s->dossier_code = strdup (PQgetvalue (result, r, 0));
    s->status = strdup (PQgetvalue (result, r, 1));
    s->procedure_code = strdup (PQgetvalue (result, r, 2));
    s->procedure_name = strdup (PQgetvalue (result, r, 3));
    s->agency_code = strdup (PQgetvalue (result, r, 4));
    s->applicant_name = strdup (PQgetvalue (result, r, 5));
    s->received_at = atoll (PQgetvalue (result, r, 6));
    s->due_at = atoll (PQgetvalue (result, r, 7));
    s->channel = (Motcua__V1__Channel) atoi (PQgetvalue (result, r, 8));
    s->return_method = (Motcua__V1__ReturnMethod) atoi (PQgetvalue (result, r, 9));
    s->rule_set = strdup (PQgetvalue (result, r, 10));
    s->imported = streq (PQgetvalue (result, r, 11), "t");
    bool postal = s->return_method == MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL;
    s->result_place = (char *) lookup_result_place (s->status, postal);
    s->result_place_text = (char *) lookup_result_place_text (s->status, postal);
    return s;
}

Motcua__V1__LookupResult *
intake_lookup (service_t *service, const principal_t *who, const Motcua__V1__LookupDossiers *request,
               api_error_t *error)
{
    const char *where = "";
    char key [64], sql [1024];
    if (s_question (request, &where, key, sizeof key, error))
        return NULL;
    //  One more than shown tells whether there is more; a list is scanned
    //  a little further so rows outside the grant do not shorten it.
    snprintf (sql, sizeof sql, "%s%s LIMIT %d", LOOKUP_COLUMNS, where, 4 * LOOKUP_LIMIT);
    db_t *db = service_db (service);
    const char *params [1] = { key };
    PGresult *result = db_query (db, sql, 1, params);
    if (!result) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    int rows = PQntuples (result);
    if (*request->dossier_code && rows == 0) {
        PQclear (result);
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                  "no dossier %s was received in the province's system", request->dossier_code);
        return NULL;
    }
    if (*request->dossier_code
    &&  service_allow_dossier (service, who, request->dossier_code, PQgetvalue (result, 0, 2), PQgetvalue (result, 0, 4),
                               "look up dossiers", error)) {
        PQclear (result);
        return NULL;
    }
    Motcua__V1__LookupResult *list = (Motcua__V1__LookupResult *) malloc (sizeof *list);
    motcua__v1__lookup_result__init (list);
    list->dossiers = (Motcua__V1__LookedUpDossier **) calloc (LOOKUP_LIMIT, sizeof (void *));
    for (int r = 0; r < rows; r++) {
        if (!auth_may_touch (who, PQgetvalue (result, r, 2), PQgetvalue (result, r, 4)))
            list->hidden++;
        else
        if (list->n_dossiers == LOOKUP_LIMIT)
            list->more = true;
        else
            list->dossiers [list->n_dossiers++] = s_summary (result, r);
    }
    if (rows == 4 * LOOKUP_LIMIT)
        list->more = true;
    PQclear (result);
    return list;
}

void
intake_lookup_free (Motcua__V1__LookupResult **list_p)
{
    Motcua__V1__LookupResult *list = *list_p;
    if (!list)
        return;
    for (size_t i = 0; i < list->n_dossiers; i++) {
        Motcua__V1__LookedUpDossier *s = list->dossiers [i];
        free (s->dossier_code); free (s->status); free (s->procedure_code); free (s->procedure_name);
        free (s->agency_code); free (s->applicant_name); free (s->rule_set);
        free (s);
    }
    free (list->dossiers);
    free (list);
    *list_p = NULL;
}
