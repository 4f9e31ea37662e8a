/*  intake_store — intake's SQL. See intake_store.h.                         */
#include <czmq.h>
#include "intake_store.h"
#include "db_ms.h"

//  The version in force at $1 (ms since the epoch): catalog.procedure_at
//  (deploy/sql/015_procedure_at.sql).
#define PROCEDURE_COLUMNS \
    "p.code, p.name, p.field, p.agency_code, p.division, p.time_limit_value, " \
    "p.time_limit_unit, a.office_hours, p.id, p.level"
#define PROCEDURE_IN_FORCE \
    " FROM catalog.procedure_at (" DB_TS (1) ") p JOIN catalog.agency a ON a.code = p.agency_code" \
    " WHERE true"

static void
s_row (PGresult *result, int row, procedure_row_t *out)
{
    snprintf (out->code, sizeof out->code, "%s", PQgetvalue (result, row, 0));
    snprintf (out->name, sizeof out->name, "%s", PQgetvalue (result, row, 1));
    snprintf (out->field, sizeof out->field, "%s", PQgetvalue (result, row, 2));
    snprintf (out->agency_code, sizeof out->agency_code, "%s", PQgetvalue (result, row, 3));
    snprintf (out->division, sizeof out->division, "%s", PQgetvalue (result, row, 4));
    out->time_limit_value = atoi (PQgetvalue (result, row, 5));
    if (limit_unit_parse (PQgetvalue (result, row, 6), &out->time_limit_unit))
        out->time_limit_unit = LIMIT_WORKING_DAYS;
    snprintf (out->office_hours, sizeof out->office_hours, "%s", PQgetvalue (result, row, 7));
    out->version = atoll (PQgetvalue (result, row, 8));
    snprintf (out->level, sizeof out->level, "%s", PQgetvalue (result, row, 9));
}

int
intake_store_procedures (db_t *db, int64_t at_ms, Motcua__V1__ProcedureList *list)
{
    char at [24];
    snprintf (at, sizeof at, "%lld", (long long) at_ms);
    const char *params [1] = { at };
    PGresult *result = db_query (db,
        "SELECT " PROCEDURE_COLUMNS PROCEDURE_IN_FORCE " ORDER BY p.code", 1, params);
    if (!result)
        return -1;
    int rows = PQntuples (result);
    list->n_procedures = (size_t) rows;
    list->procedures = (Motcua__V1__Procedure **) calloc ((size_t) rows + 1, sizeof (void *));
    for (int row = 0; row < rows; row++) {
        procedure_row_t entry;
        s_row (result, row, &entry);
        Motcua__V1__Procedure *procedure = (Motcua__V1__Procedure *) malloc (sizeof *procedure);
        motcua__v1__procedure__init (procedure);
        procedure->code = strdup (entry.code);
        procedure->name = strdup (entry.name);
        procedure->field = strdup (entry.field);
        procedure->agency_code = strdup (entry.agency_code);
        procedure->division = strdup (entry.division);
        procedure->time_limit_value = entry.time_limit_value;
        procedure->time_limit_unit = strdup (limit_unit_name (entry.time_limit_unit));
        char text [64];
        limit_text (entry.time_limit_value, entry.time_limit_unit, text, sizeof text);
        procedure->time_limit_text = strdup (text);
        procedure->level = strdup (entry.level);
        list->procedures [row] = procedure;
    }
    PQclear (result);
    return 0;
}

void
intake_store_free_list (Motcua__V1__ProcedureList *list)
{
    for (size_t i = 0; i < list->n_procedures; i++) {
        Motcua__V1__Procedure *p = list->procedures [i];
        free (p->code); free (p->name); free (p->field); free (p->agency_code);
        free (p->division); free (p->time_limit_unit); free (p->time_limit_text); free (p->level);
        free (p);
    }
    free (list->procedures);
    list->procedures = NULL;
    list->n_procedures = 0;
}

//  Within one group commit, the same procedure at the same second is read
//  once (the group is one transaction; its requests arrived together).
typedef struct {
    bool known;
    int64_t at_ms;
    procedure_row_t row;
} procedure_seen_t;

int
intake_store_procedure (db_t *db, const char *code, int64_t at_ms, procedure_row_t *row)
{
    procedure_seen_t *seen = (procedure_seen_t *) db_group_memo (db, "intake.procedure", sizeof *seen);
    if (seen && seen->known && seen->at_ms == at_ms && streq (seen->row.code, code)) {
        *row = seen->row;
        return 1;
    }
    char at [24];
    snprintf (at, sizeof at, "%lld", (long long) at_ms);
    const char *params [2] = { at, code };
    PGresult *result = db_query (db,
        "SELECT " PROCEDURE_COLUMNS PROCEDURE_IN_FORCE " AND p.code = $2", 2, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    if (found)
        s_row (result, 0, row);
    PQclear (result);
    if (found && seen) {
        seen->known = true;
        seen->at_ms = at_ms;
        seen->row = *row;
    }
    return found;
}

//  In a group commit, the first receipt of an agency's day reserves a block
//  of numbers (the row stays locked by the group's transaction); each one
//  used sets the counter to itself, queued, so the block's unused tail is
//  given back at commit and codes stay without gaps.
#define SEQUENCE_BLOCK 64
typedef struct {
    char agency_code [32];
    int day;
    long next, last;            //  last 0: no block reserved yet
} sequence_block_t;

static int
s_set_last (db_t *db, const char *agency_code, const char *day_text, long last)
{
    char used [24];
    snprintf (used, sizeof used, "%ld", last);
    const char *params [3] = { agency_code, day_text, used };
    return db_exec (db, "UPDATE intake.code_counter SET last = $3"
                        " WHERE agency_code = $1 AND day = $2", 3, params);
}

long
intake_store_next_sequence (db_t *db, const char *agency_code, int day)
{
    char day_text [16], step [16];
    sequence_block_t *block = (sequence_block_t *) db_group_memo (db, "intake.sequence", sizeof *block);
    snprintf (day_text, sizeof day_text, "%d", day);
    if (block && block->last && block->day == day
    &&  streq (block->agency_code, agency_code) && block->next <= block->last) {
        long sequence = block->next++;
        return s_set_last (db, agency_code, day_text, sequence) ? -1 : sequence;
    }
    snprintf (step, sizeof step, "%d", block ? SEQUENCE_BLOCK : 1);
    const char *params [3] = { agency_code, day_text, step };
    //  The row lock of the upsert serialises concurrent receipts of one day.
    PGresult *result = db_query (db,
        "INSERT INTO intake.code_counter (agency_code, day, last) VALUES ($1, $2, $3::int)"
        " ON CONFLICT (agency_code, day) DO UPDATE SET last = intake.code_counter.last + $3::int"
        " RETURNING last - $3::int + 1", 3, params);
    if (!result)
        return -1;
    long sequence = atol (PQgetvalue (result, 0, 0));
    PQclear (result);
    if (block) {
        snprintf (block->agency_code, sizeof block->agency_code, "%s", agency_code);
        block->day = day;
        block->next = sequence + 1;
        block->last = sequence + SEQUENCE_BLOCK - 1;
        if (s_set_last (db, agency_code, day_text, sequence))
            return -1;
    }
    return sequence;
}

char *
intake_store_array (char **items, size_t count)
{
    return db_text_array (items, count);
}

int
intake_store_insert (db_t *db, const Motcua__V1__Receipt *receipt, const char *rule_set,
                     const char *received_by, const char *idempotency_key, int64_t procedure_version)
{
    char channel [8], return_method [8], received [24], due [24], version [24];
    snprintf (channel, sizeof channel, "%d", receipt->channel);
    snprintf (return_method, sizeof return_method, "%d", receipt->return_method);
    snprintf (received, sizeof received, "%lld", (long long) receipt->received_at);
    snprintf (due, sizeof due, "%lld", (long long) receipt->due_at);
    snprintf (version, sizeof version, "%lld", (long long) procedure_version);
    char *components = intake_store_array (receipt->components, receipt->n_components);
    const char *params [16] = {
        receipt->dossier_code, receipt->procedure_code, receipt->agency_code,
        receipt->applicant->name, receipt->applicant->id_number, receipt->applicant->phone,
        receipt->applicant->address, channel, return_method, components, received, due,
        rule_set, received_by, idempotency_key, procedure_version > 0 ? version : NULL
    };
    int rc = db_exec (db,
        "INSERT INTO intake.dossier (code, procedure_code, agency_code, applicant_name,"
        " applicant_id, phone, address, channel, return_method, components, received_at,"
        " due_at, rule_set, received_by, idempotency_key, procedure_version) VALUES ($1, $2, $3,"
        " $4, $5, $6, $7, $8, $9, $10, to_timestamp ($11::bigint / 1000.0),"
        " to_timestamp ($12::bigint / 1000.0), $13, $14, $15, $16)", 16, params);
    free (components);
    return rc;
}

int
intake_store_view (db_t *db, const char *code, intake_view_t *view)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT status, (extract (epoch FROM received_at) * 1000)::bigint,"
        " (extract (epoch FROM due_at) * 1000)::bigint, array_to_string (missing, ', '),"
        " procedure_code, agency_code FROM intake.dossier WHERE code = $1 FOR UPDATE", 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    if (found) {
        snprintf (view->status, sizeof view->status, "%s", PQgetvalue (result, 0, 0));
        view->received_at = atoll (PQgetvalue (result, 0, 1));
        view->due_at = atoll (PQgetvalue (result, 0, 2));
        snprintf (view->missing, sizeof view->missing, "%s", PQgetvalue (result, 0, 3));
        snprintf (view->procedure_code, sizeof view->procedure_code, "%s", PQgetvalue (result, 0, 4));
        snprintf (view->agency_code, sizeof view->agency_code, "%s", PQgetvalue (result, 0, 5));
    }
    PQclear (result);
    return found;
}

int
intake_store_set_status (db_t *db, const char *code, const char *status, char **missing, size_t n_missing)
{
    char *list = missing ? intake_store_array (missing, n_missing) : NULL;
    const char *params [3] = { code, status, list };
    int rc = db_exec (db,
        "UPDATE intake.dossier SET status = $2, missing = coalesce ($3::text[], missing) WHERE code = $1",
        3, params);
    free (list);
    return rc;
}

int
intake_store_refusal (db_t *db, const Motcua__V1__RefusalNotice *notice, const char *refused_by,
                      const char *idempotency_key)
{
    char at [24];
    snprintf (at, sizeof at, "%lld", (long long) notice->refused_at);
    const Motcua__V1__Applicant *a = notice->applicant;
    const char *params [11] = { notice->number, notice->procedure_code, a->name, a->id_number, a->phone,
                                a->address, notice->reason, notice->rule_set, at, refused_by, idempotency_key };
    return db_exec (db,
        "INSERT INTO intake.refusal (number, procedure_code, applicant_name, applicant_id, phone, address,"
        " reason, rule_set, refused_at, refused_by, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
        " to_timestamp ($9::bigint / 1000.0), $10, $11)", 11, params);
}
