/*  audit — state changes and refusals in the audit table. See audit.h.     */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"

int
audit_change (db_t *db, const char *schema, const char *actor, const char *role,
              const char *action, const char *dossier_code, const char *old_json, const char *new_json)
{
    char sql [256];
    snprintf (sql, sizeof sql,
              "INSERT INTO %s.audit (principal, role, action, outcome, dossier_code, old_value, new_value)"
              " VALUES ($1, $2, $3, 'done', $4, $5::jsonb, $6::jsonb)", schema);
    const char *params [6] = { actor && *actor ? actor : "?", role ? role : "", action,
                               dossier_code ? dossier_code : "", old_json, new_json };
    return db_exec (db, sql, 6, params);
}

static int
s_outcome (db_t *db, const char *schema, const char *actor, const char *role,
           const char *dossier_code, const char *action, const char *outcome)
{
    char sql [200];
    snprintf (sql, sizeof sql, "INSERT INTO %s.audit (principal, role, action, outcome, dossier_code)"
              " VALUES ($1, $2, $3, $4, $5)", schema);
    const char *params [5] = { actor && *actor ? actor : "?", role ? role : "", action, outcome,
                               dossier_code ? dossier_code : "" };
    return db_exec (db, sql, 5, params);
}

int
audit_denied (db_t *db, const char *schema, const char *actor, const char *role,
              const char *dossier_code, const char *action)
{
    return s_outcome (db, schema, actor, role, dossier_code, action, "denied");
}

int
audit_read (db_t *db, const char *schema, const char *actor, const char *role,
            const char *dossier_code, const char *action)
{
    return s_outcome (db, schema, actor, role, dossier_code, action, "read");
}

static size_t
s_put (char *buf, size_t size, size_t at, const char *text)
{
    for (const unsigned char *p = (const unsigned char *) text; *p; p++) {
        char escaped [8] = { (char) *p, 0 };
        if (*p == '"' || *p == '\\')
            snprintf (escaped, sizeof escaped, "\\%c", *p);
        else
        if (*p < 0x20)
            snprintf (escaped, sizeof escaped, "\\u%04x", *p);
        size_t len = strlen (escaped);
        if (at + len + 3 > size)
            break;
        memcpy (buf + at, escaped, len);
        at += len;
    }
    return at;
}

char *
audit_json (char *buf, size_t size, const char *key, ...)
{
    va_list args;
    va_start (args, key);
    size_t at = 0;
    buf [at++] = '{';
    for (int first = 1; key; first = 0, key = va_arg (args, const char *)) {
        const char *value = va_arg (args, const char *);
        if (!value)
            break;
        if (!first && at + 3 < size)
            buf [at++] = ',';
        buf [at++] = '"';
        at = s_put (buf, size, at, key);
        buf [at++] = '"';
        buf [at++] = ':';
        buf [at++] = '"';
        at = s_put (buf, size, at, value);
        buf [at++] = '"';
    }
    va_end (args);
    buf [at++] = '}';
    buf [at] = 0;
    return buf;
}

//  Append the rows of result (at, principal, role, action, old, new,
//  outcome, dossier code) to trail.
static void
s_append (PGresult *result, const char *schema, Motcua__V1__AuditTrail *trail)
{
    int rows = PQntuples (result);
    trail->entries = (Motcua__V1__AuditEntry **) realloc (trail->entries,
        (trail->n_entries + (size_t) rows + 1) * sizeof (void *));
    for (int r = 0; r < rows; r++) {
        Motcua__V1__AuditEntry *entry = (Motcua__V1__AuditEntry *) malloc (sizeof *entry);
        motcua__v1__audit_entry__init (entry);
        entry->at = atoll (PQgetvalue (result, r, 0));
        entry->service = strdup (schema);
        entry->principal = strdup (PQgetvalue (result, r, 1));
        entry->role = strdup (PQgetvalue (result, r, 2));
        entry->action = strdup (PQgetvalue (result, r, 3));
        entry->old_value = strdup (PQgetvalue (result, r, 4));
        entry->new_value = strdup (PQgetvalue (result, r, 5));
        entry->outcome = strdup (PQgetvalue (result, r, 6));
        entry->dossier_code = strdup (PQgetvalue (result, r, 7));
        trail->entries [trail->n_entries++] = entry;
    }
}

#define AUDIT_COLUMNS "SELECT (extract (epoch FROM at) * 1000)::bigint, principal, role, action," \
    " coalesce (old_value::text, ''), coalesce (new_value::text, ''), outcome, dossier_code"

int
audit_trail (db_t *db, const char *schema, const char *dossier_code, Motcua__V1__AuditTrail *trail)
{
    char sql [320];
    snprintf (sql, sizeof sql, AUDIT_COLUMNS " FROM %s.audit WHERE dossier_code = $1 ORDER BY at, id", schema);
    const char *params [1] = { dossier_code };
    PGresult *result = db_query (db, sql, 1, params);
    if (!result)
        return -1;
    s_append (result, schema, trail);
    PQclear (result);
    return 0;
}

int
audit_outcomes (db_t *db, const char *schema, const char *outcome, int64_t since, int limit,
                Motcua__V1__AuditTrail *trail)
{
    char sql [400], from [24], count [16];
    snprintf (sql, sizeof sql, AUDIT_COLUMNS " FROM (SELECT * FROM %s.audit WHERE outcome = $1"
              " AND at >= to_timestamp ($2::bigint / 1000.0) ORDER BY at DESC, id DESC LIMIT $3) a"
              " ORDER BY at, id", schema);
    snprintf (from, sizeof from, "%lld", (long long) since);
    snprintf (count, sizeof count, "%d", limit);
    const char *params [3] = { outcome, from, count };
    PGresult *result = db_query (db, sql, 3, params);
    if (!result)
        return -1;
    s_append (result, schema, trail);
    PQclear (result);
    return 0;
}

void
audit_trail_free (Motcua__V1__AuditTrail *trail)
{
    for (size_t i = 0; i < trail->n_entries; i++) {
        Motcua__V1__AuditEntry *e = trail->entries [i];
        free (e->service); free (e->principal); free (e->role); free (e->action);
        free (e->dossier_code); free (e->old_value); free (e->new_value); free (e->outcome);
        free (e);
    }
    free (trail->entries);
    trail->entries = NULL;
    trail->n_entries = 0;
}
