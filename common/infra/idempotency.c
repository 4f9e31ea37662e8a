/*  idempotency — stored replies by idempotency key. See idempotency.h.     */
#include "idempotency.h"

int
idempotency_lookup (db_t *db, const char *schema, const char *key, zchunk_t **body)
{
    char sql [128];
    snprintf (sql, sizeof sql, "SELECT reply FROM %s.idempotency WHERE key = $1", schema);
    const char *params [1] = { key };
    PGresult *result = db_query (db, sql, 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) > 0;
    if (found) {
        size_t size;
        unsigned char *bytes = PQunescapeBytea ((const unsigned char *) PQgetvalue (result, 0, 0), &size);
        *body = zchunk_new (bytes, size);
        PQfreemem (bytes);
    }
    PQclear (result);
    return found;
}

int
idempotency_store (db_t *db, const char *schema, const char *key, const void *body, size_t size)
{
    char sql [128];
    snprintf (sql, sizeof sql, "INSERT INTO %s.idempotency (key, reply) VALUES ($1, $2)", schema);
    const char *params [2] = { key, (const char *) body };
    int lengths [2] = { 0, (int) size };
    int formats [2] = { 0, 1 };
    return db_exec_bin (db, sql, 2, params, lengths, formats);
}

zchunk_t *
idempotency_run (db_t *db, const char *schema, const char *key,
                 idempotent_fn *work, void *context, api_error_t *error)
{
    zchunk_t *body = NULL;
    //  In a group (group commit) the look-up is left to the unique key: a
    //  repeated key spoils the group, and alone the command finds its reply.
    int found = db_in_group (db) ? 0 : idempotency_lookup (db, schema, key, &body);
    if (found)
        return found > 0 ? body : (api_db_fail (error, db_error (db)), NULL);
    if (db_begin (db)) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    body = work (context, error);
    int rc = body ? idempotency_store (db, schema, key, zchunk_data (body), zchunk_size (body)) : -1;
    if (rc == 0)
        rc = db_commit (db);
    if (rc == 0)
        return body;
    bool twin = streq (db_sqlstate (db), "23505");
    db_rollback (db);
    zchunk_destroy (&body);
    if (error->code)
        return NULL;                //  the command's own refusal
    if (twin && idempotency_lookup (db, schema, key, &body) == 1)
        return body;                //  the same key committed meanwhile
    api_db_fail (error, db_error (db));
    return NULL;
}
