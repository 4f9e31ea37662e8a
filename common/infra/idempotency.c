/*  idempotency — stored replies by idempotency key. See idempotency.h.     */
#include "idempotency.h"

int
idempotency_lookup (db_t *db, const char *schema, const idempotency_scope_t *scope,
                    const char *key, zchunk_t **body)
{
    char sql [200];
    snprintf (sql, sizeof sql, "SELECT reply, digest IS NOT DISTINCT FROM sha256 ($4::bytea)"
                               " FROM %s.idempotency WHERE principal = $1 AND operation = $2 AND key = $3",
              schema);
    const char *params [4] = { scope->principal, scope->operation, key, (const char *) scope->request };
    int lengths [4] = { 0, 0, 0, (int) scope->request_size };
    int formats [4] = { 0, 0, 0, 1 };
    PGresult *result = db_query_bin (db, sql, 4, params, lengths, formats);
    if (!result)
        return -1;
    int found = PQntuples (result) > 0;
    if (found && streq (PQgetvalue (result, 0, 1), "t")) {
        size_t size;
        unsigned char *bytes = PQunescapeBytea ((const unsigned char *) PQgetvalue (result, 0, 0), &size);
        *body = zchunk_new (bytes, size);
        PQfreemem (bytes);
    }
    else
    if (found)
        found = 2;
    PQclear (result);
    return found;
}

int
idempotency_store (db_t *db, const char *schema, const idempotency_scope_t *scope,
                   const char *key, const void *body, size_t size)
{
    char sql [200];
    snprintf (sql, sizeof sql, "INSERT INTO %s.idempotency (principal, operation, key, digest, reply)"
                               " VALUES ($1, $2, $3, sha256 ($4::bytea), $5)", schema);
    const char *params [5] = { scope->principal, scope->operation, key, (const char *) scope->request,
                               (const char *) body };
    int lengths [5] = { 0, 0, 0, (int) scope->request_size, (int) size };
    int formats [5] = { 0, 0, 0, 1, 1 };
    return db_exec_bin (db, sql, 5, params, lengths, formats);
}

//  A key given again with a different request.
static zchunk_t *
s_reused (const idempotency_scope_t *scope, const char *key, api_error_t *error)
{
    api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "idempotency_key",
              "idempotency key '%s' was already used by %s for a different %s request; "
              "a new request needs a new key", key, *scope->principal ? scope->principal : "the suite",
              *scope->operation ? scope->operation : "");
    return NULL;
}

zchunk_t *
idempotency_run (db_t *db, const char *schema, const idempotency_scope_t *scope,
                 const char *key, idempotent_fn *work, void *context, api_error_t *error)
{
    zchunk_t *body = NULL;
    //  In a group (group commit) the look-up is left to the unique key: a
    //  repeated key spoils the group, and alone the command finds its reply.
    int found = db_in_group (db) ? 0 : idempotency_lookup (db, schema, scope, key, &body);
    if (found == 2)
        return s_reused (scope, key, error);
    if (found)
        return found > 0 ? body : (api_db_fail (error, db_error (db)), NULL);
    if (db_begin (db)) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    body = work (context, error);
    int rc = body ? idempotency_store (db, schema, scope, key, zchunk_data (body), zchunk_size (body)) : -1;
    if (rc == 0)
        rc = db_commit (db);
    if (rc == 0)
        return body;
    bool twin = streq (db_sqlstate (db), "23505");
    db_rollback (db);
    zchunk_destroy (&body);
    if (error->code)
        return NULL;                //  the command's own refusal
    if (twin) {
        found = idempotency_lookup (db, schema, scope, key, &body);
        if (found == 1)
            return body;            //  the same key committed meanwhile
        if (found == 2)
            return s_reused (scope, key, error);
    }
    api_db_fail (error, db_error (db));
    return NULL;
}
