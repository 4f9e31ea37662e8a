/*  db — PostgreSQL connection with reconnection and backoff. See db.h.      */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "db.h"
#include "log.h"
#include "vntime.h"

struct db_t {
    char *conninfo;
    PGconn *conn;
    int64_t next_try_ms;    //  no reconnect attempt before this
    int backoff_ms;
    char error [512];
    char sqlstate [8];
};

db_t *
db_new (const char *conninfo)
{
    db_t *self = (db_t *) calloc (1, sizeof (db_t));
    if (!self)
        return NULL;
    self->conninfo = strdup (conninfo ? conninfo : "");
    self->backoff_ms = 100;
    return self;
}

void
db_destroy (db_t **self_p)
{
    db_t *self = *self_p;
    if (self) {
        if (self->conn)
            PQfinish (self->conn);
        free (self->conninfo);
        free (self);
        *self_p = NULL;
    }
}

static void
s_set_error (db_t *self, const char *message, const char *sqlstate)
{
    snprintf (self->error, sizeof self->error, "%s", message ? message : "");
    self->error [strcspn (self->error, "\n")] = 0;
    snprintf (self->sqlstate, sizeof self->sqlstate, "%s", sqlstate ? sqlstate : "");
}

int
db_ensure (db_t *self)
{
    if (self->conn && PQstatus (self->conn) == CONNECTION_OK)
        return 0;
    int64_t now = vn_now_ms ();
    if (now < self->next_try_ms)
        return -1;
    if (self->conn) {
        PQfinish (self->conn);
        self->conn = NULL;
    }
    self->conn = PQconnectdb (self->conninfo);
    if (PQstatus (self->conn) != CONNECTION_OK) {
        s_set_error (self, PQerrorMessage (self->conn), "08006");
        log_warn ("database unavailable (%s); retry in %d ms", self->error, self->backoff_ms);
        PQfinish (self->conn);
        self->conn = NULL;
        self->next_try_ms = now + self->backoff_ms;
        self->backoff_ms = self->backoff_ms * 2 > 5000 ? 5000 : self->backoff_ms * 2;
        return -1;
    }
    PQsetNoticeProcessor (self->conn, NULL, NULL);
    PQclear (PQexec (self->conn, "SET TIME ZONE 'UTC'"));
    self->backoff_ms = 100;
    self->next_try_ms = 0;
    log_info ("database connected");
    return 0;
}

bool
db_is_up (db_t *self)
{
    return self->conn && PQstatus (self->conn) == CONNECTION_OK;
}

int
db_ping (db_t *self)
{
    return db_exec (self, "SELECT 1", 0, NULL);
}

PGresult *
db_query_bin (db_t *self, const char *sql, int count, const char *const *params,
              const int *lengths, const int *formats)
{
    if (db_ensure (self))
        return NULL;
    PGresult *result = PQexecParams (self->conn, sql, count, NULL, params, lengths, formats, 0);
    ExecStatusType status = PQresultStatus (result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        s_set_error (self, "", "");
        return result;
    }
    s_set_error (self, PQresultErrorMessage (result), PQresultErrorField (result, PG_DIAG_SQLSTATE));
    if (PQstatus (self->conn) != CONNECTION_OK) {
        s_set_error (self, "database connection lost", "08006");
        log_warn ("database connection lost");
    }
    PQclear (result);
    return NULL;
}

PGresult *
db_query (db_t *self, const char *sql, int count, const char *const *params)
{
    return db_query_bin (self, sql, count, params, NULL, NULL);
}

int
db_exec (db_t *self, const char *sql, int count, const char *const *params)
{
    PGresult *result = db_query (self, sql, count, params);
    if (!result)
        return -1;
    PQclear (result);
    return 0;
}

int
db_begin (db_t *self)
{
    return db_exec (self, "BEGIN", 0, NULL);
}

bool
db_in_transaction (db_t *self)
{
    return self->conn && PQtransactionStatus (self->conn) != PQTRANS_IDLE;
}

int
db_commit (db_t *self)
{
    return db_exec (self, "COMMIT", 0, NULL);
}

void
db_rollback (db_t *self)
{
    if (self->conn && PQstatus (self->conn) == CONNECTION_OK)
        PQclear (PQexec (self->conn, "ROLLBACK"));
}

const char *
db_error (db_t *self)
{
    return self->error;
}

const char *
db_sqlstate (db_t *self)
{
    return self->sqlstate;
}

int
db_schema_version (db_t *self)
{
    PGresult *result = db_query (self, "SELECT coalesce(max(version), 0) FROM public.schema_migrations", 0, NULL);
    if (!result)
        return -1;
    int version = atoi (PQgetvalue (result, 0, 0));
    PQclear (result);
    return version;
}

char *
db_text_array (char **items, size_t count)
{
    size_t size = 3;
    for (size_t i = 0; i < count; i++)
        size += 2 * strlen (items [i]) + 3;
    char *text = (char *) malloc (size), *p = text;
    *p++ = '{';
    for (size_t i = 0; i < count; i++) {
        if (i)
            *p++ = ',';
        *p++ = '"';
        for (const char *s = items [i]; *s; s++) {
            if (*s == '"' || *s == '\\')
                *p++ = '\\';
            *p++ = *s;
        }
        *p++ = '"';
    }
    *p++ = '}';
    *p = 0;
    return text;
}

const char *
db_ms_param (int64_t ms, char *buf, size_t size)
{
    if (!ms)
        return NULL;
    snprintf (buf, size, "%lld", (long long) ms);
    return buf;
}
