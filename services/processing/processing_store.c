/*  processing_store — processing's SQL. See processing_store.h.              */
#include <czmq.h>
#include "processing_store.h"

#define MS(col) "coalesce ((extract (epoch FROM " col ") * 1000)::bigint, 0)"
#define ROW_COLUMNS "dossier_code, procedure_code, procedure_name, division, applicant_name," \
    " applicant_id, phone, address, status, rule_set, reason, return_method, outcome, " \
    MS ("received_at") ", " MS ("due_at") ", " MS ("resolved_at") ", " MS ("returned_at") ", agency_code"

static void
s_read_row (PGresult *result, int r, work_row_t *row)
{
    memset (row, 0, sizeof *row);
    snprintf (row->dossier_code, sizeof row->dossier_code, "%s", PQgetvalue (result, r, 0));
    snprintf (row->procedure_code, sizeof row->procedure_code, "%s", PQgetvalue (result, r, 1));
    snprintf (row->procedure_name, sizeof row->procedure_name, "%s", PQgetvalue (result, r, 2));
    snprintf (row->division, sizeof row->division, "%s", PQgetvalue (result, r, 3));
    snprintf (row->applicant_name, sizeof row->applicant_name, "%s", PQgetvalue (result, r, 4));
    snprintf (row->applicant_id, sizeof row->applicant_id, "%s", PQgetvalue (result, r, 5));
    snprintf (row->phone, sizeof row->phone, "%s", PQgetvalue (result, r, 6));
    snprintf (row->address, sizeof row->address, "%s", PQgetvalue (result, r, 7));
    snprintf (row->status, sizeof row->status, "%s", PQgetvalue (result, r, 8));
    snprintf (row->rule_set, sizeof row->rule_set, "%s", PQgetvalue (result, r, 9));
    snprintf (row->reason, sizeof row->reason, "%s", PQgetvalue (result, r, 10));
    row->return_method = atoi (PQgetvalue (result, r, 11));
    row->outcome = atoi (PQgetvalue (result, r, 12));
    row->received_at = atoll (PQgetvalue (result, r, 13));
    row->due_at = atoll (PQgetvalue (result, r, 14));
    row->resolved_at = atoll (PQgetvalue (result, r, 15));
    row->returned_at = atoll (PQgetvalue (result, r, 16));
    snprintf (row->agency_code, sizeof row->agency_code, "%s", PQgetvalue (result, r, 17));
}

void
processing_row_to_pb (work_row_t *row, Motcua__V1__WorkItem *item)
{
    item->dossier_code = row->dossier_code;
    item->procedure_code = row->procedure_code;
    item->procedure_name = row->procedure_name;
    item->applicant_name = row->applicant_name;
    item->division = row->division;
    item->status = row->status;
    item->received_at = row->received_at;
    item->due_at = row->due_at;
    item->return_method = (Motcua__V1__ReturnMethod) row->return_method;
    item->outcome = (Motcua__V1__Outcome) row->outcome;
    item->resolved_at = row->resolved_at;
    item->returned_at = row->returned_at;
    item->reason = row->reason;
}

int
processing_store_receive (db_t *db, const Motcua__V1__DossierReceived *received)
{
    char return_method [8], received_at [24], due_at [24];
    snprintf (return_method, sizeof return_method, "%d", received->return_method);
    snprintf (received_at, sizeof received_at, "%lld", (long long) received->received_at);
    snprintf (due_at, sizeof due_at, "%lld", (long long) received->due_at);
    const Motcua__V1__Applicant *a = received->applicant;
    const char *params [14] = {
        received->dossier_code, received->procedure_code, received->procedure_name,
        received->division, a ? a->name : "", a ? a->id_number : "", a ? a->phone : "",
        a ? a->address : "", return_method, received->rule_set, received_at, due_at, "received",
        received->agency_code
    };
    return db_exec (db,
        "INSERT INTO processing.work_item (dossier_code, procedure_code, procedure_name, division,"
        " applicant_name, applicant_id, phone, address, return_method, rule_set, received_at,"
        " due_at, status, agency_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
        " to_timestamp ($11::bigint / 1000.0), to_timestamp ($12::bigint / 1000.0), $13, $14)"
        " ON CONFLICT (dossier_code) DO NOTHING", 14, params);
}

int
processing_store_load (db_t *db, const char *code, work_row_t *row)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT " ROW_COLUMNS " FROM processing.work_item WHERE dossier_code = $1 FOR UPDATE",
        1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    if (found)
        s_read_row (result, 0, row);
    PQclear (result);
    return found;
}

static char *
s_time_param (int64_t ms, char *buf, size_t size)
{
    if (!ms)
        return NULL;
    snprintf (buf, size, "%lld", (long long) ms);
    return buf;
}

int
processing_store_save (db_t *db, const work_row_t *row)
{
    char outcome [8], resolved [24], returned [24];
    snprintf (outcome, sizeof outcome, "%d", row->outcome);
    const char *params [6] = {
        row->dossier_code, row->status, outcome, row->reason,
        s_time_param (row->resolved_at, resolved, sizeof resolved),
        s_time_param (row->returned_at, returned, sizeof returned)
    };
    return db_exec (db,
        "UPDATE processing.work_item SET status = $2, outcome = $3, reason = $4,"
        " resolved_at = to_timestamp ($5::bigint / 1000.0),"
        " returned_at = to_timestamp ($6::bigint / 1000.0) WHERE dossier_code = $1", 6, params);
}

int
processing_store_trail (db_t *db, const char *code, const char *from, const char *to,
                        const char *action, const char *actor)
{
    const char *params [5] = { code, from, to, action, actor };
    return db_exec (db,
        "INSERT INTO processing.transition (dossier_code, from_state, to_state, action, actor)"
        " VALUES ($1, $2, $3, $4, $5)", 5, params);
}

int
processing_store_queue (db_t *db, const char *division, work_row_t **rows)
{
    const char *params [1] = { division && *division ? division : NULL };
    PGresult *result = db_query (db,
        "SELECT " ROW_COLUMNS " FROM processing.work_item"
        " WHERE status IN ('received', 'in_process', 'supplement_requested')"
        " AND ($1::text IS NULL OR division = $1) ORDER BY due_at, dossier_code LIMIT 1000",
        1, params);
    if (!result)
        return -1;
    int count = PQntuples (result);
    *rows = (work_row_t *) calloc ((size_t) count + 1, sizeof (work_row_t));
    for (int r = 0; r < count; r++)
        s_read_row (result, r, &(*rows) [r]);
    PQclear (result);
    return count;
}
