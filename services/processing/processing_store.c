/*  processing_store — processing's SQL. See processing_store.h.              */
#include <czmq.h>
#include "processing_store.h"
#include "db_rows.h"
#include "db_ms.h"

#define ROW_COLUMNS "dossier_code, procedure_code, procedure_name, division, applicant_name," \
    " applicant_id, phone, address, status, rule_set, reason, return_method, outcome, " \
    DB_MS ("received_at") ", " DB_MS ("due_at") ", " DB_MS ("resolved_at") ", " DB_MS ("returned_at") ", agency_code," \
    " time_limit_value, time_limit_unit, office_hours, supplements, delay_letters, " \
    DB_MS ("legal_due_at") ", " DB_MS ("supplement_requested_at") ", " DB_MS ("supplement_close_at")

static void
s_read_row (PGresult *result, int r, void *out)
{
    work_row_t *row = (work_row_t *) out;
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
    row->time_limit_value = atoi (PQgetvalue (result, r, 18));
    snprintf (row->time_limit_unit, sizeof row->time_limit_unit, "%s", PQgetvalue (result, r, 19));
    snprintf (row->office_hours, sizeof row->office_hours, "%s", PQgetvalue (result, r, 20));
    row->supplements = atoi (PQgetvalue (result, r, 21));
    row->delay_letters = atoi (PQgetvalue (result, r, 22));
    row->legal_due_at = atoll (PQgetvalue (result, r, 23));
    row->supplement_requested_at = atoll (PQgetvalue (result, r, 24));
    row->supplement_close_at = atoll (PQgetvalue (result, r, 25));
}

//  All rows of a result into a new array (caller frees); the count, or -1
//  if the query failed (result NULL).
static int
s_read_rows (PGresult *result, work_row_t **rows)
{
    int count;
    *rows = (work_row_t *) db_rows_all (result, sizeof **rows, s_read_row, &count);
    return count;
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
    item->legal_due_at = row->legal_due_at;
    item->rule_set = row->rule_set;
}

int
processing_store_receive (db_t *db, const Motcua__V1__DossierReceived *received)
{
    char return_method [8], received_at [24], due_at [24];
    snprintf (return_method, sizeof return_method, "%d", received->return_method);
    snprintf (received_at, sizeof received_at, "%lld", (long long) received->received_at);
    snprintf (due_at, sizeof due_at, "%lld", (long long) received->due_at);
    const Motcua__V1__Applicant *a = received->applicant;
    char limit [16];
    snprintf (limit, sizeof limit, "%d", received->time_limit_value);
    const char *params [17] = {
        received->dossier_code, received->procedure_code, received->procedure_name,
        received->division, a ? a->name : "", a ? a->id_number : "", a ? a->phone : "",
        a ? a->address : "", return_method, received->rule_set, received_at, due_at, "received",
        received->agency_code, limit,
        *received->time_limit_unit ? received->time_limit_unit : "working_days", received->office_hours
    };
    return db_exec (db,
        "INSERT INTO processing.work_item (dossier_code, procedure_code, procedure_name, division,"
        " applicant_name, applicant_id, phone, address, return_method, rule_set, received_at,"
        " due_at, legal_due_at, status, agency_code, time_limit_value, time_limit_unit, office_hours)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, to_timestamp ($11::bigint / 1000.0),"
        " to_timestamp ($12::bigint / 1000.0), to_timestamp ($12::bigint / 1000.0), $13, $14, $15, $16, $17)"
        " ON CONFLICT (dossier_code) DO NOTHING", 17, params);
}

int
processing_store_load (db_t *db, const char *code, work_row_t *row)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT " ROW_COLUMNS " FROM processing.work_item WHERE dossier_code = $1 FOR UPDATE",
        1, params);
    return db_rows_one (result, s_read_row, row);
}


int
processing_store_save (db_t *db, const work_row_t *row)
{
    char outcome [16], resolved [24], returned [24], due [24], legal_due [24], asked [24], close [24];
    char supplements [16], letters [16];
    snprintf (outcome, sizeof outcome, "%d", row->outcome);
    snprintf (supplements, sizeof supplements, "%d", row->supplements);
    snprintf (letters, sizeof letters, "%d", row->delay_letters);
    const char *params [12] = {
        row->dossier_code, row->status, outcome, row->reason,
        db_ms_param (row->resolved_at, resolved, sizeof resolved),
        db_ms_param (row->returned_at, returned, sizeof returned),
        db_ms_param (row->due_at, due, sizeof due),
        db_ms_param (row->legal_due_at, legal_due, sizeof legal_due),
        db_ms_param (row->supplement_requested_at, asked, sizeof asked),
        db_ms_param (row->supplement_close_at, close, sizeof close),
        supplements, letters
    };
    return db_exec (db,
        "UPDATE processing.work_item SET status = $2, outcome = $3, reason = $4,"
        " resolved_at = to_timestamp ($5::bigint / 1000.0),"
        " returned_at = to_timestamp ($6::bigint / 1000.0),"
        " due_at = to_timestamp ($7::bigint / 1000.0), legal_due_at = to_timestamp ($8::bigint / 1000.0),"
        " supplement_requested_at = to_timestamp ($9::bigint / 1000.0),"
        " supplement_close_at = to_timestamp ($10::bigint / 1000.0),"
        " supplements = $11, delay_letters = $12 WHERE dossier_code = $1", 12, params);
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
processing_store_queue (db_t *db, const char *division, const auth_scope_t *scope, work_row_t **rows)
{
    const char *params [3] = { division && *division ? division : NULL, scope->agency, scope->procedures };
    char sql [1024], where [256];
    snprintf (sql, sizeof sql, "SELECT " ROW_COLUMNS " FROM processing.work_item"
              " WHERE status IN ('received', 'in_process', 'supplement_requested')"
              " AND ($1::text IS NULL OR division = $1)%s ORDER BY due_at, dossier_code LIMIT 1000",
              auth_scope_sql (where, sizeof where, "agency_code", "procedure_code", 2));
    PGresult *result = db_query (db, sql, 3, params);
    return s_read_rows (result, rows);
}

int
processing_store_due_change (db_t *db, const char *code, int64_t previous, int64_t due_at,
                             bool appointment_only, const char *rule, const char *reason,
                             const char *actor)
{
    char previous_text [24], due_text [24];
    const char *params [7] = {
        code, db_ms_param (previous, previous_text, sizeof previous_text),
        db_ms_param (due_at, due_text, sizeof due_text), appointment_only ? "t" : "f", rule, reason, actor
    };
    return db_exec (db,
        "INSERT INTO processing.due_change (dossier_code, previous_due_at, due_at, appointment_only,"
        " rule, reason, actor) VALUES ($1, to_timestamp ($2::bigint / 1000.0),"
        " to_timestamp ($3::bigint / 1000.0), $4, $5, $6, $7)", 7, params);
}

int
processing_store_overdue_supplements (db_t *db, int64_t now, work_row_t **rows)
{
    char now_text [24];
    const char *params [1] = { db_ms_param (now, now_text, sizeof now_text) };
    PGresult *result = db_query (db,
        "SELECT " ROW_COLUMNS " FROM processing.work_item WHERE status = 'supplement_requested'"
        " AND supplement_close_at <= to_timestamp ($1::bigint / 1000.0) ORDER BY supplement_close_at"
        " LIMIT 100 FOR UPDATE SKIP LOCKED", 1, params);
    return s_read_rows (result, rows);
}
