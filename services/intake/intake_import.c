/*  intake_import — dossiers of the past into intake and through the events.
    See intake_import.h.                                                     */
#include "intake_import.h"
#include "intake_store.h"
#include "audit.h"
#include "dossier_history.h"
#include "log.h"
#include "outbox.h"
#include "rule_set.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  A fingerprint of the row as given (its line number left out).
static void
s_digest (const Motcua__V1__ImportedDossier *row, char *out, size_t size)
{
    Motcua__V1__ImportedDossier copy = *row;
    copy.line = 0;
    size_t length = motcua__v1__imported_dossier__get_packed_size (&copy);
    uint8_t *packed = (uint8_t *) malloc (length ? length : 1);
    motcua__v1__imported_dossier__pack (&copy, packed);
    zdigest_t *digest = zdigest_new ();
    zdigest_update (digest, packed, length);
    snprintf (out, size, "%s", zdigest_string (digest));
    zdigest_destroy (&digest);
    free (packed);
}

#define CACHE_MAX 64

//  A batch's look-ups, made once: the codes already here (code → digest,
//  "" for a live receipt) and the catalogue versions met so far.
typedef struct {
    zhashx_t *here;
    struct {
        procedure_row_t row;
        int64_t from, to;               //  the version's window [from, to)
    } versions [CACHE_MAX];
    int n_versions;
} batch_t;

//  Which of the batch's codes are here already? 0 or -1.
static int
s_prefetch (db_t *db, const Motcua__V1__ImportDossiers *request, batch_t *batch)
{
    char **codes = (char **) calloc (request->n_dossiers + 1, sizeof (char *));
    for (size_t i = 0; i < request->n_dossiers; i++)
        codes [i] = request->dossiers [i]->dossier_code;
    char *list = intake_store_array (codes, request->n_dossiers);
    free (codes);
    const char *params [1] = { list };
    PGresult *result = db_query (db,
        "SELECT code, coalesce (import_digest, '') FROM intake.dossier WHERE code = ANY ($1::text[])", 1, params);
    free (list);
    if (!result)
        return -1;
    for (int r = 0; r < PQntuples (result); r++)
        zhashx_update (batch->here, PQgetvalue (result, r, 0), strdup (PQgetvalue (result, r, 1)));
    PQclear (result);
    return 0;
}

//  The version of code in force at at_ms, from the batch's cache or the
//  catalogue. 1 found, 0 none, -1 database error.
static int
s_procedure (db_t *db, batch_t *batch, const char *code, int64_t at_ms, procedure_row_t *out)
{
    for (int i = 0; i < batch->n_versions; i++)
        if (streq (batch->versions [i].row.code, code)
        &&  batch->versions [i].from <= at_ms && at_ms < batch->versions [i].to) {
            *out = batch->versions [i].row;
            return 1;
        }
    int found = intake_store_procedure (db, code, at_ms, out);
    if (found <= 0 || batch->n_versions == CACHE_MAX)
        return found;
    char id [24];
    snprintf (id, sizeof id, "%lld", (long long) out->version);
    const char *params [1] = { id };
    PGresult *result = db_query (db,
        "SELECT CASE WHEN valid_from = '-infinity' THEN NULL ELSE (extract (epoch FROM valid_from) * 1000)::bigint END,"
        " (extract (epoch FROM valid_to) * 1000)::bigint FROM catalog.procedure_version WHERE id = $1", 1, params);
    if (!result)
        return -1;
    if (PQntuples (result) == 1) {
        int i = batch->n_versions++;
        batch->versions [i].row = *out;
        batch->versions [i].from = PQgetisnull (result, 0, 0) ? INT64_MIN : atoll (PQgetvalue (result, 0, 0));
        batch->versions [i].to = PQgetisnull (result, 0, 1) ? INT64_MAX : atoll (PQgetvalue (result, 0, 1));
    }
    PQclear (result);
    return 1;
}

static int
s_insert (db_t *db, const Motcua__V1__ImportedDossier *row, const procedure_row_t *procedure,
          const char *rule_set, const char *status, const char *digest, const char *who)
{
    char channel [8], return_method [8], received [24], due [24], version [24], key [96];
    snprintf (channel, sizeof channel, "%d", row->channel);
    snprintf (return_method, sizeof return_method, "%d", row->return_method);
    snprintf (received, sizeof received, "%lld", (long long) row->received_at);
    snprintf (due, sizeof due, "%lld", (long long) row->due_at);
    snprintf (version, sizeof version, "%lld", (long long) procedure->version);
    snprintf (key, sizeof key, "import:%s", row->dossier_code);
    char *components = intake_store_array (row->components, row->n_components);
    const Motcua__V1__Applicant *a = row->applicant;
    const char *params [18] = {
        row->dossier_code, procedure->code, procedure->agency_code, a->name, a->id_number, a->phone,
        a->address, channel, return_method, components, received, due, rule_set, who, key, version,
        status, digest
    };
    int rc = db_exec (db,
        "INSERT INTO intake.dossier (code, procedure_code, agency_code, applicant_name, applicant_id,"
        " phone, address, channel, return_method, components, received_at, due_at, rule_set,"
        " received_by, idempotency_key, procedure_version, status, import_digest, imported_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, to_timestamp ($11::bigint / 1000.0),"
        " to_timestamp ($12::bigint / 1000.0), $13, $14, $15, $16, $17, $18, now ())", 18, params);
    free (components);
    return rc;
}

//  The history as events: DossierReceived (not to processing, which gets
//  DossierImported instead), DossierResolved and DossierReturned with the
//  original times, as live dossiers have them.
static int
s_emit (db_t *db, const Motcua__V1__ImportedDossier *row, const procedure_row_t *procedure,
        const char *rule_set, const char *actor)
{
    Motcua__V1__DossierReceived received = MOTCUA__V1__DOSSIER_RECEIVED__INIT;
    received.dossier_code = row->dossier_code;
    received.procedure_code = (char *) procedure->code;
    received.procedure_name = (char *) procedure->name;
    received.agency_code = (char *) procedure->agency_code;
    received.field = (char *) procedure->field;
    received.division = (char *) procedure->division;
    received.channel = row->channel;
    received.return_method = row->return_method;
    received.applicant = row->applicant;
    received.n_components = row->n_components;
    received.components = row->components;
    received.received_at = row->received_at;
    received.due_at = row->due_at;
    received.rule_set = (char *) rule_set;
    received.time_limit_value = procedure->time_limit_value;
    received.time_limit_unit = (char *) limit_unit_name (procedure->time_limit_unit);
    received.office_hours = (char *) procedure->office_hours;

    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.actor = (char *) actor;
    event.dossier_code = row->dossier_code;
    event.occurred_at = row->received_at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED;
    event.dossier_received = &received;
    if (outbox_append_except (db, "intake", "intake", &event, "processing"))
        return -1;

    Motcua__V1__DossierImported imported = MOTCUA__V1__DOSSIER_IMPORTED__INIT;
    imported.received = &received;
    imported.outcome = row->outcome;
    imported.reason = row->reason;
    imported.resolved_at = row->resolved_at;
    imported.returned_at = row->returned_at;
    event.occurred_at = 0;                  //  now: when it was imported
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_IMPORTED;
    event.dossier_imported = &imported;
    if (outbox_append (db, "intake", "intake", &event))
        return -1;

    if (row->resolved_at) {
        Motcua__V1__DossierResolved resolved = MOTCUA__V1__DOSSIER_RESOLVED__INIT;
        resolved.dossier_code = row->dossier_code;
        resolved.outcome = row->outcome;
        resolved.reason = row->reason;
        resolved.resolved_at = row->resolved_at;
        resolved.due_at = row->due_at;
        event.occurred_at = row->resolved_at;
        event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED;
        event.dossier_resolved = &resolved;
        if (outbox_append (db, "intake", "intake", &event))
            return -1;
    }
    if (row->returned_at) {
        Motcua__V1__DossierReturned returned = MOTCUA__V1__DOSSIER_RETURNED__INIT;
        returned.dossier_code = row->dossier_code;
        returned.returned_at = row->returned_at;
        returned.via = row->return_method;
        event.occurred_at = row->returned_at;
        event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED;
        event.dossier_returned = &returned;
        if (outbox_append (db, "intake", "intake", &event))
            return -1;
    }
    return 0;
}

//  One row, inside the batch's transaction (dry_run: checked only, as if
//  imported). 1 imported, 0 unchanged, -1
//  refused (error set; nothing of it was written: every check comes before
//  the first write), -2 a write failed (the batch's transaction is lost).
static int
s_import_row (db_t *db, batch_t *batch, const principal_t *who, const Motcua__V1__ImportedDossier *row,
              int64_t now, bool dry_run, api_error_t *error)
{
    if (history_check (row, now, error))
        return -1;
    procedure_row_t procedure;
    int found = s_procedure (db, batch, row->procedure_code, row->received_at, &procedure);
    char day [40];
    if (found < 0)
        return -2;
    if (!found)
        return api_fail (error, INVALID, "procedure", "procedure %s was not in force on %s (see `motcua catalog export`)",
                         row->procedure_code, vn_format_iso (row->received_at, day, sizeof day));
    if (*row->agency_code && !streq (row->agency_code, procedure.agency_code))
        return api_fail (error, INVALID, "agency", "procedure %s was decided by %s on that date, not %s",
                         procedure.code, procedure.agency_code, row->agency_code);
    char digest [64];
    s_digest (row, digest, sizeof digest);
    const char *existing = (const char *) zhashx_lookup (batch->here, row->dossier_code);
    if (existing && streq (existing, digest))
        return 0;
    if (existing)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_ALREADY_EXISTS, "dossier_code",
                         "dossier %s is already here (%s); history is not rewritten", row->dossier_code,
                         *existing ? "imported with other values" : "received live");

    if (dry_run) {                  //  checked: nothing is written
        zhashx_update (batch->here, row->dossier_code, strdup (digest));
        return 1;
    }
    const char *rule_set = rule_set_name (rule_set_at (row->received_at));
    const char *status = history_status (row->outcome, row->returned_at != 0);
    char actor [96], change [512], received [40];
    snprintf (actor, sizeof actor, "import:%s", who->name);
    audit_json (change, sizeof change, "status", status, "procedure", procedure.code,
                "received_at", vn_format_iso (row->received_at, received, sizeof received),
                "rule_set", rule_set, NULL);
    if (s_insert (db, row, &procedure, rule_set, status, digest, who->name)
    ||  s_emit (db, row, &procedure, rule_set, actor)
    ||  audit_change (db, "intake", who->name, who->role, "import", row->dossier_code, NULL, change))
        return -2;                  //  the transaction is lost
    zhashx_update (batch->here, row->dossier_code, strdup (digest));
    return 1;
}

static void
s_add_failure (Motcua__V1__ImportResult *result, const Motcua__V1__ImportedDossier *row,
               const api_error_t *error)
{
    Motcua__V1__ImportFailure *failure = (Motcua__V1__ImportFailure *) malloc (sizeof *failure);
    motcua__v1__import_failure__init (failure);
    Motcua__V1__Error *pb = (Motcua__V1__Error *) malloc (sizeof *pb);
    motcua__v1__error__init (pb);
    pb->code = error->code;
    pb->field = strdup (error->field);
    pb->message = strdup (error->message);
    failure->line = row->line;
    failure->dossier_code = strdup (row->dossier_code);
    failure->error = pb;
    result->failures [result->n_failures++] = failure;
}

Motcua__V1__ImportResult *
intake_import (service_t *service, const principal_t *who, const Motcua__V1__ImportDossiers *request,
               api_error_t *error)
{
    if (request->n_dossiers == 0 || request->n_dossiers > INTAKE_IMPORT_BATCH_MAX) {
        api_fail (error, INVALID, "dossiers", "send 1 to %d dossiers a batch", INTAKE_IMPORT_BATCH_MAX);
        return NULL;
    }
    db_t *db = service_db (service);
    if (db_begin (db)) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    Motcua__V1__ImportResult *result = (Motcua__V1__ImportResult *) malloc (sizeof *result);
    motcua__v1__import_result__init (result);
    result->failures = (Motcua__V1__ImportFailure **) calloc (request->n_dossiers, sizeof (void *));
    batch_t *batch = (batch_t *) zmalloc (sizeof (batch_t));
    batch->here = zhashx_new ();
    zhashx_set_destructor (batch->here, (zhashx_destructor_fn *) zstr_free);
    int64_t now = vn_now_ms ();
    int rc = s_prefetch (db, request, batch);
    for (size_t i = 0; i < request->n_dossiers && rc == 0; i++) {
        const Motcua__V1__ImportedDossier *row = request->dossiers [i];
        api_error_t row_error = { 0 };
        int outcome = s_import_row (db, batch, who, row, now, request->dry_run, &row_error);
        if (outcome == -1)
            s_add_failure (result, row, &row_error);
        else
        if (outcome < 0)
            rc = -1;
        result->imported += outcome == 1;
        result->unchanged += outcome == 0;
    }
    zhashx_destroy (&batch->here);
    free (batch);
    if (rc || db_commit (db)) {
        api_db_fail (error, db_error (db));
        db_rollback (db);
        intake_import_free (&result);
        return NULL;
    }
    if (result->imported && !request->dry_run) {
        log_info ("imported %d dossier(s) of the past (%d unchanged, %zu refused) for %s",
                  result->imported, result->unchanged, result->n_failures, who->name);
        service_kick (service);
    }
    return result;
}

void
intake_import_free (Motcua__V1__ImportResult **result_p)
{
    Motcua__V1__ImportResult *result = *result_p;
    if (!result)
        return;
    for (size_t i = 0; i < result->n_failures; i++) {
        Motcua__V1__ImportFailure *failure = result->failures [i];
        free (failure->error->field);
        free (failure->error->message);
        free (failure->error);
        free (failure->dossier_code);
        free (failure);
    }
    free (result->failures);
    free (result);
    *result_p = NULL;
}
