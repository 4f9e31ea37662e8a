/*  reporting_store — reporting's SQL. See reporting_store.h.               */
#include "reporting_sql.h"
#include "db_ms.h"
#include <czmq.h>
#include "reporting_store.h"
#include "outbox.h"
#include "vntime.h"
#include "audit.h"
#include "reporting_detail.h"
#include "reporting_postal.h"
#include "reporting_rollup.h"



static int
s_merge_received (db_t *db, const Motcua__V1__DossierReceived *r)
{
    char channel [24], ret [24], received [24], due [24];
    const char *params [9] = {
        r->dossier_code, r->procedure_code, r->agency_code, r->field,
        reporting_num (r->channel, channel, sizeof channel), reporting_num (r->return_method, ret, sizeof ret),
        r->rule_set, reporting_num (r->received_at, received, sizeof received), reporting_num (r->due_at, due, sizeof due)
    };
    return db_exec (db,
        "INSERT INTO reporting.dossier_fact (dossier_code, procedure_code, agency_code, field,"
        " channel, return_method, rule_set, received_at, due_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, " DB_TS (8) ", " DB_TS (9) ")"
        " ON CONFLICT (dossier_code) DO UPDATE SET procedure_code = EXCLUDED.procedure_code,"
        " agency_code = EXCLUDED.agency_code, field = EXCLUDED.field, channel = EXCLUDED.channel,"
        " return_method = EXCLUDED.return_method, rule_set = EXCLUDED.rule_set,"
        " received_at = EXCLUDED.received_at,"
        " due_at = coalesce (reporting.dossier_fact.due_at, EXCLUDED.due_at)", 9, params);
}

static int
s_merge_resolved (db_t *db, const Motcua__V1__DossierResolved *r)
{
    char outcome [24], resolved [24], due [24];
    const char *params [4] = {
        r->dossier_code, reporting_num (r->outcome, outcome, sizeof outcome),
        reporting_num (r->resolved_at, resolved, sizeof resolved), reporting_num (r->due_at, due, sizeof due)
    };
    return db_exec (db,
        "INSERT INTO reporting.dossier_fact (dossier_code, outcome, resolved_at, due_at)"
        " VALUES ($1, $2, " DB_TS (3) ", " DB_TS (4) ")"
        " ON CONFLICT (dossier_code) DO UPDATE SET outcome = EXCLUDED.outcome,"
        " resolved_at = EXCLUDED.resolved_at, due_at = EXCLUDED.due_at", 4, params);
}

//  Set named timestamp columns of a fact (created if need be).
static int
s_merge_times (db_t *db, const char *code, const char *column, int64_t at, const char *column2, int64_t at2)
{
    char sql [512], a [24], b [24];
    if (column2)
        snprintf (sql, sizeof sql,
            "INSERT INTO reporting.dossier_fact (dossier_code, %1$s, %2$s) VALUES ($1, " DB_TS (2) ", " DB_TS (3) ")"
            " ON CONFLICT (dossier_code) DO UPDATE SET %1$s = EXCLUDED.%1$s, %2$s = EXCLUDED.%2$s",
            column, column2);
    else
        snprintf (sql, sizeof sql,
            "INSERT INTO reporting.dossier_fact (dossier_code, %1$s) VALUES ($1, " DB_TS (2) ")"
            " ON CONFLICT (dossier_code) DO UPDATE SET %1$s = EXCLUDED.%1$s", column);
    const char *params [3] = { code, reporting_num (at, a, sizeof a), reporting_num (at2, b, sizeof b) };
    return db_exec (db, sql, column2 ? 3 : 2, params);
}

static int
s_merge_returned (db_t *db, const Motcua__V1__DossierReturned *r)
{
    char returned [24];
    const char *params [2] = { r->dossier_code, reporting_num (r->returned_at, returned, sizeof returned) };
    return db_exec (db,
        "INSERT INTO reporting.dossier_fact (dossier_code, returned_at) VALUES ($1, " DB_TS (2) ")"
        " ON CONFLICT (dossier_code) DO UPDATE SET returned_at = EXCLUDED.returned_at", 2, params);
}

//  A short, readable account of what the event says (reporting_detail.c and,
//  for the postal road, reporting_postal.c hold the words).
static void
s_detail (const Motcua__V1__Event *event, char *buf, size_t size)
{
    reporting_detail (event, buf, size);
    if (!buf [0])
        reporting_postal_detail (event, buf, size);
}

//  What DossierReceived adds beyond the fact: the procedure's level and
//  online offer in force at receipt, whether the dossier is electronic (an
//  online filing is), and the log book's names.
static int
s_merge_received_extra (db_t *db, const Motcua__V1__DossierReceived *r)
{
    char received [24];
    const Motcua__V1__Applicant *a = r->applicant;
    const char *params [3] = {
        r->dossier_code, r->procedure_code, reporting_num (r->received_at, received, sizeof received)
    };
    const char *party [5] = {
        r->dossier_code, r->procedure_name, a ? a->name : "", a ? a->address : "", a ? a->phone : ""
    };
    return db_exec (db,
        "WITH v AS (SELECT level, online_level FROM catalog.procedure_at (" DB_TS (3) ")"
        "   WHERE code = $2 ORDER BY valid_from DESC LIMIT 1)"
        " UPDATE reporting.dossier_fact SET level = coalesce ((SELECT level FROM v), ''),"
        " online_capable = coalesce ((SELECT online_level <> 'none' FROM v), false),"
        " digitised = (channel = 2) WHERE dossier_code = $1", 3, params)
        || db_exec (db,
        "INSERT INTO reporting.dossier_party (dossier_code, procedure_name, applicant_name,"
        " applicant_address, applicant_phone) VALUES ($1, $2, $3, $4, $5)"
        " ON CONFLICT (dossier_code) DO UPDATE SET procedure_name = EXCLUDED.procedure_name,"
        " applicant_name = EXCLUDED.applicant_name, applicant_address = EXCLUDED.applicant_address,"
        " applicant_phone = EXCLUDED.applicant_phone", 5, party);
}

static int s_merge (db_t *db, const Motcua__V1__Event *event);

//  The fact as the event leaves it, and the rollups moved from what the
//  fact said before to what it says now, in the caller's transaction.
int
reporting_store_apply (db_t *db, const Motcua__V1__Event *event)
{
    rollup_fact_t before, after;
    rollup_key_t key_before, key_after;
    int had = reporting_rollup_load (db, event->dossier_code, &before, &key_before);
    if (had < 0 || s_merge (db, event))
        return -1;
    if (event->body_case == MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED
    &&  s_merge_received_extra (db, event->dossier_received))
        return -1;
    if (event->body_case == MOTCUA__V1__EVENT__BODY_RESULT_ATTACHED) {
        //  A digitised document is an electronic result (the rate's numerator).
        const char *params [2] = { event->dossier_code, event->result_attached->kind };
        if (db_exec (db, "INSERT INTO reporting.dossier_fact (dossier_code, result_digitised)"
                         " VALUES ($1, $2 = 'document') ON CONFLICT (dossier_code)"
                         " DO UPDATE SET result_digitised = EXCLUDED.result_digitised", 2, params))
            return -1;
    }
    if (event->body_case == MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED) {
        const char *params [1] = { event->dossier_code };
        if (db_exec (db, "UPDATE reporting.dossier_fact SET supplements = supplements + 1"
                         " WHERE dossier_code = $1", 1, params))
            return -1;
    }
    int has = reporting_rollup_load (db, event->dossier_code, &after, &key_after);
    if (has < 0)
        return -1;
    return has ? reporting_rollup_change (db, had ? &before : NULL, &key_before, &after, &key_after) : 0;
}

static int
s_merge (db_t *db, const Motcua__V1__Event *event)
{
    char at [24], detail [1024];
    s_detail (event, detail, sizeof detail);
    const char *params [7] = { event->dossier_code, event->event_id, outbox_event_type (event),
                               reporting_num (event->occurred_at, at, sizeof at), event->actor,
                               event->producer, detail };
    if (db_exec (db,
        "INSERT INTO reporting.timeline (dossier_code, event_id, event_type, at, actor, producer, detail)"
        " VALUES ($1, $2, $3, " DB_TS (4) ", $5, $6, $7) ON CONFLICT (event_id) DO NOTHING", 7, params))
        return -1;
    char change [1200];
    audit_json (change, sizeof change, "event", params [2], "detail", detail, NULL);
    if (audit_change (db, "reporting", event->actor, event->producer, "record event",
                      event->dossier_code, NULL, change)
    ||  reporting_postal_apply (db, event))
        return -1;
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED:
            return s_merge_received (db, event->dossier_received);
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED:
            return s_merge_resolved (db, event->dossier_resolved);
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED:
            return s_merge_returned (db, event->dossier_returned);
        case MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED:
            return s_merge_times (db, event->dossier_code, "paused_at",
                                  event->supplement_requested->requested_at, NULL, 0);
        case MOTCUA__V1__EVENT__BODY_SUPPLEMENT_RECEIVED:
            return s_merge_times (db, event->dossier_code, "resumed_at",
                                  event->supplement_received->received_at, NULL, 0);
        case MOTCUA__V1__EVENT__BODY_DUE_TIME_CHANGED: {
            const Motcua__V1__DueTimeChanged *c = event->due_time_changed;
            return c->appointment_only
                ? s_merge_times (db, event->dossier_code, "appointment_at", c->due_at, NULL, 0)
                : s_merge_times (db, event->dossier_code, "due_at", c->due_at, "appointment_at", c->due_at);
        }
        default:
            return 0;
    }
}

int
reporting_store_trace (db_t *db, const char *code, Motcua__V1__Trace *trace)
{
    const char *params [1] = { code };
    PGresult *fact = db_query (db,
        "SELECT coalesce (procedure_code, ''), coalesce (channel, 0), " DB_MS ("received_at") ", "
        DB_MS ("due_at") ", " DB_MS ("resolved_at") ", " DB_MS ("returned_at") ", coalesce (outcome, 0),"
        " paused_at IS NOT NULL AND resumed_at IS NULL, " DB_MS ("appointment_at")
        " FROM reporting.dossier_fact WHERE dossier_code = $1", 1, params);
    if (!fact)
        return -1;
    PGresult *lines = PQntuples (fact) ? db_query (db,
        "SELECT " DB_MS ("at") ", event_type, actor, producer, detail FROM reporting.timeline"
        " WHERE dossier_code = $1 ORDER BY at, id", 1, params) : NULL;
    if (!PQntuples (fact) || !lines) {
        int rc = PQntuples (fact) ? -1 : 0;
        PQclear (fact);
        return rc;
    }
    trace->dossier_code = strdup (code);
    trace->procedure_code = strdup (PQgetvalue (fact, 0, 0));
    trace->channel = (Motcua__V1__Channel) atoi (PQgetvalue (fact, 0, 1));
    trace->received_at = atoll (PQgetvalue (fact, 0, 2));
    trace->due_at = atoll (PQgetvalue (fact, 0, 3));
    trace->resolved_at = atoll (PQgetvalue (fact, 0, 4));
    trace->returned_at = atoll (PQgetvalue (fact, 0, 5));
    trace->outcome = (Motcua__V1__Outcome) atoi (PQgetvalue (fact, 0, 6));
    trace->waiting_supplement = streq (PQgetvalue (fact, 0, 7), "t");
    trace->appointment_at = atoll (PQgetvalue (fact, 0, 8));
    PQclear (fact);
    int rows = PQntuples (lines);
    trace->n_entries = (size_t) rows;
    trace->entries = (Motcua__V1__TraceEntry **) calloc ((size_t) rows + 1, sizeof (void *));
    for (int r = 0; r < rows; r++) {
        Motcua__V1__TraceEntry *entry = (Motcua__V1__TraceEntry *) malloc (sizeof *entry);
        motcua__v1__trace_entry__init (entry);
        entry->at = atoll (PQgetvalue (lines, r, 0));
        entry->event_type = strdup (PQgetvalue (lines, r, 1));
        entry->actor = strdup (PQgetvalue (lines, r, 2));
        entry->producer = strdup (PQgetvalue (lines, r, 3));
        entry->detail = strdup (PQgetvalue (lines, r, 4));
        trace->entries [r] = entry;
    }
    PQclear (lines);
    return 1;
}

void
reporting_store_free_trace (Motcua__V1__Trace *trace)
{
    for (size_t i = 0; i < trace->n_entries; i++) {
        Motcua__V1__TraceEntry *entry = trace->entries [i];
        free (entry->event_type); free (entry->actor); free (entry->producer); free (entry->detail);
        free (entry);
    }
    free (trace->entries);
    if (trace->dossier_code != protobuf_c_empty_string)
        free (trace->dossier_code);
    if (trace->procedure_code != protobuf_c_empty_string)
        free (trace->procedure_code);
}

int
reporting_store_scope (db_t *db, const char *code, reporting_scope_t *scope)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db, "SELECT coalesce (procedure_code, ''), coalesce (agency_code, '')"
                                     " FROM reporting.dossier_fact WHERE dossier_code = $1", 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    snprintf (scope->procedure, sizeof scope->procedure, "%s", found ? PQgetvalue (result, 0, 0) : "");
    snprintf (scope->agency, sizeof scope->agency, "%s", found ? PQgetvalue (result, 0, 1) : "");
    PQclear (result);
    return found;
}
