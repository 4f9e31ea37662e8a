/*  db — PostgreSQL connection with reconnection and backoff. See db.h.      */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <czmq.h>
#include "db.h"
#include "log.h"
#include "vntime.h"

struct db_t {
    char *conninfo;
    char *role;                     //  user to connect as, or NULL
    PGconn *conn;
    int64_t next_try_ms;    //  no reconnect attempt before this
    int backoff_ms;
    char error [512];
    char sqlstate [8];
    bool group;             //  inside db_group_begin … db_group_end
    bool group_spoiled;     //  a part rolled back after writing, or a statement failed
    long writes;            //  statements other than SELECT in the group
    long part_writes;       //  writes when the current part began
    bool pipelined;         //  the group runs in libpq pipeline mode
    int queued;             //  statements sent since the last sync
    zhashx_t *memos;        //  name -> block, for the group running (db_group_memo)
    zhashx_t *prepared;     //  SQL text -> name of its prepared statement
    int statements;         //  prepared so far on this connection
};

//  Statements are prepared on first use (parse and plan once per
//  connection); past this many distinct texts the rest run unprepared.
#define DB_PREPARED_MAX 256

//  A statement that changes something (anything but a SELECT).
static bool
s_writes (const char *sql)
{
    while (*sql == ' ' || *sql == '\n')
        sql++;
    return strncasecmp (sql, "SELECT", 6) != 0;
}

db_t *
db_new (const char *conninfo)
{
    return db_new_as (conninfo, NULL);
}

db_t *
db_new_as (const char *conninfo, const char *role)
{
    db_t *self = (db_t *) calloc (1, sizeof (db_t));
    if (!self)
        return NULL;
    self->conninfo = strdup (conninfo ? conninfo : "");
    self->role = role ? strdup (role) : NULL;
    self->backoff_ms = 100;
    self->prepared = zhashx_new ();
    self->memos = zhashx_new ();
    zhashx_set_destructor (self->memos, (zhashx_destructor_fn *) zstr_free);
    zhashx_set_destructor (self->prepared, (zhashx_destructor_fn *) zstr_free);
    return self;
}

void
db_destroy (db_t **self_p)
{
    db_t *self = *self_p;
    if (self) {
        if (self->conn)
            PQfinish (self->conn);
        zhashx_destroy (&self->prepared);
        zhashx_destroy (&self->memos);
        free (self->conninfo);
        free (self->role);
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
    //  A connection stuck in pipeline mode outside a pipeline of ours (the
    //  server went away mid-pipeline) is as good as lost: connect anew.
    if (self->conn && PQstatus (self->conn) == CONNECTION_OK
    &&  (self->pipelined || PQpipelineStatus (self->conn) == PQ_PIPELINE_OFF))
        return 0;
    int64_t now = vn_now_ms ();
    if (now < self->next_try_ms)
        return -1;
    if (self->conn) {
        PQfinish (self->conn);
        self->conn = NULL;
    }
    //  The role given overrides the conninfo's user (a later keyword wins).
    const char *keywords [] = { "dbname", "user", NULL };
    const char *values [] = { self->conninfo, self->role, NULL };
    self->conn = PQconnectdbParams (keywords, values, 1);
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
    zhashx_purge (self->prepared);      //  a new session knows none of them
    self->statements = 0;
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

//  The name of sql's prepared statement, preparing it now if there is room
//  (never inside a pipeline, whose failure would leave a name without a
//  statement). NULL: run it unprepared.
static const char *
s_prepared (db_t *self, const char *sql, int count)
{
    const char *name = (const char *) zhashx_lookup (self->prepared, sql);
    if (name || self->pipelined || zhashx_size (self->prepared) >= DB_PREPARED_MAX)
        return name;
    char fresh [16];
    snprintf (fresh, sizeof fresh, "m%d", ++self->statements);
    PGresult *result = PQprepare (self->conn, fresh, sql, count, NULL);
    bool ok = PQresultStatus (result) == PGRES_COMMAND_OK;
    PQclear (result);
    if (!ok)
        return NULL;
    zhashx_insert (self->prepared, sql, strdup (fresh));
    return (const char *) zhashx_lookup (self->prepared, sql);
}

//  Read the results of every statement queued since the last sync, then the
//  sync itself. Returns the result of statement number keep (-1: the last)
//  if all succeeded; on any failure the group is spoiled and NULL returned.
static PGresult *
s_pipeline_drain (db_t *self, int keep)
{
    PGresult *kept = NULL;
    bool failed = false;
    if (keep < 0)
        keep = self->queued - 1;
    for (int statement = 0; statement < self->queued; statement++) {
        PGresult *result, *last = NULL;
        while ((result = PQgetResult (self->conn))) {
            ExecStatusType status = PQresultStatus (result);
            if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
                PQclear (last);
                last = result;
                continue;
            }
            if (!failed && status != PGRES_PIPELINE_ABORTED)
                s_set_error (self, PQresultErrorMessage (result),
                             PQresultErrorField (result, PG_DIAG_SQLSTATE));
            failed = true;
            PQclear (result);
        }
        if (statement == keep)
            kept = last;
        else
            PQclear (last);
    }
    self->queued = 0;
    PGresult *sync = PQgetResult (self->conn);
    if (!sync || PQresultStatus (sync) != PGRES_PIPELINE_SYNC) {
        failed = true;
        if (PQstatus (self->conn) != CONNECTION_OK)
            s_set_error (self, "database connection lost", "08006");
    }
    PQclear (sync);
    if (!failed)
        return kept;
    PQclear (kept);
    self->group_spoiled = true;
    return NULL;
}

static int
s_pipeline_send (db_t *self, const char *sql, int count, const char *const *params,
                 const int *lengths, const int *formats)
{
    const char *name = s_prepared (self, sql, count);
    if (!(name ? PQsendQueryPrepared (self->conn, name, count, params, lengths, formats, 0)
               : PQsendQueryParams (self->conn, sql, count, NULL, params, lengths, formats, 0))) {
        s_set_error (self, PQerrorMessage (self->conn), "08006");
        self->group_spoiled = true;
        return -1;
    }
    self->queued++;
    return 0;
}

//  Back to ordinary mode; a connection that cannot leave pipeline mode (its
//  results lost with the server) is dropped, and the next call connects anew.
static void
s_leave_pipeline (db_t *self)
{
    self->pipelined = false;
    self->queued = 0;
    if (PQexitPipelineMode (self->conn) != 1) {
        log_warn ("database connection stuck in pipeline mode (%s); reconnecting",
                  PQerrorMessage (self->conn));
        PQfinish (self->conn);
        self->conn = NULL;
    }
}

//  A query whose answer is needed now: it goes with what is queued.
static PGresult *
s_pipeline_query (db_t *self, const char *sql, int count, const char *const *params,
                  const int *lengths, const int *formats)
{
    if (s_pipeline_send (self, sql, count, params, lengths, formats))
        return NULL;
    if (!PQpipelineSync (self->conn)) {
        self->group_spoiled = true;
        return NULL;
    }
    return s_pipeline_drain (self, -1);
}

PGresult *
db_query_bin (db_t *self, const char *sql, int count, const char *const *params,
              const int *lengths, const int *formats)
{
    if (db_ensure (self))
        return NULL;
    if (self->group && s_writes (sql))
        self->writes++;
    if (self->pipelined)
        return s_pipeline_query (self, sql, count, params, lengths, formats);
    const char *name = s_prepared (self, sql, count);
    PGresult *result = name ? PQexecPrepared (self->conn, name, count, params, lengths, formats, 0)
                            : PQexecParams (self->conn, sql, count, NULL, params, lengths, formats, 0);
    ExecStatusType status = PQresultStatus (result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        s_set_error (self, "", "");
        return result;
    }
    s_set_error (self, result ? PQresultErrorMessage (result) : PQerrorMessage (self->conn),
                 PQresultErrorField (result, PG_DIAG_SQLSTATE));
    if (self->group)
        self->group_spoiled = true;     //  the shared transaction is aborted
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

PGresult *
db_query_lazy (db_t *self, const char *sql, int count, const char *const *params)
{
    if (db_ensure (self))
        return NULL;
    if (self->group || PQtransactionStatus (self->conn) != PQTRANS_IDLE)
        return db_query (self, sql, count, params);
    s_prepared (self, sql, count);          //  outside the pipeline, once
    if (PQenterPipelineMode (self->conn) != 1)
        return db_query (self, sql, count, params);
    self->pipelined = true;
    self->group_spoiled = false;
    s_pipeline_send (self, "BEGIN", 0, NULL, NULL, NULL);
    s_pipeline_send (self, "SET LOCAL synchronous_commit TO off", 0, NULL, NULL, NULL);
    s_pipeline_send (self, sql, count, params, NULL, NULL);
    s_pipeline_send (self, "COMMIT", 0, NULL, NULL, NULL);
    PGresult *result = NULL;
    if (PQpipelineSync (self->conn))
        result = s_pipeline_drain (self, 2);
    else
        self->group_spoiled = true;
    s_leave_pipeline (self);
    bool failed = self->group_spoiled || !result;
    self->group_spoiled = false;
    if (PQtransactionStatus (self->conn) == PQTRANS_INERROR)
        PQclear (PQexec (self->conn, "ROLLBACK"));
    if (!failed)
        return result;
    PQclear (result);
    return NULL;
}

int
db_exec_lazy (db_t *self, const char *sql, int count, const char *const *params)
{
    PGresult *result = db_query_lazy (self, sql, count, params);
    PQclear (result);
    return result ? 0 : -1;
}

int
db_exec_bin (db_t *self, const char *sql, int count, const char *const *params,
             const int *lengths, const int *formats)
{
    if (self->pipelined && s_writes (sql)) {
        if (self->group_spoiled)
            return -1;
        self->writes++;
        return s_pipeline_send (self, sql, count, params, lengths, formats);
    }
    PGresult *result = db_query_bin (self, sql, count, params, lengths, formats);
    if (!result)
        return -1;
    PQclear (result);
    return 0;
}

int
db_exec (db_t *self, const char *sql, int count, const char *const *params)
{
    return db_exec_bin (self, sql, count, params, NULL, NULL);
}

int
db_begin (db_t *self)
{
    if (self->group) {
        self->part_writes = self->writes;
        return self->group_spoiled ? -1 : 0;
    }
    return db_exec (self, "BEGIN", 0, NULL);
}

bool
db_in_transaction (db_t *self)
{
    return self->group || (self->conn && PQtransactionStatus (self->conn) != PQTRANS_IDLE);
}

//  COMMIT of an aborted transaction "succeeds" with the tag ROLLBACK.
static int
s_commit (db_t *self)
{
    PGresult *result = db_query (self, "COMMIT", 0, NULL);
    if (!result)
        return -1;
    int rc = strcmp (PQcmdStatus (result), "COMMIT") == 0 ? 0 : -1;
    if (rc)
        s_set_error (self, "the transaction was aborted and rolled back", "25P02");
    PQclear (result);
    return rc;
}

int
db_commit (db_t *self)
{
    if (self->group)
        return self->group_spoiled ? -1 : 0;
    return s_commit (self);
}

void
db_rollback (db_t *self)
{
    if (self->group) {
        if (self->writes > self->part_writes)
            self->group_spoiled = true;
        return;
    }
    if (self->conn && PQstatus (self->conn) == CONNECTION_OK)
        PQclear (PQexec (self->conn, "ROLLBACK"));
}

int
db_group_begin (db_t *self)
{
    if (db_ensure (self))
        return -1;
    self->queued = 0;
    self->pipelined = PQenterPipelineMode (self->conn) == 1;
    //  In a pipeline BEGIN rides with the group's first query.
    if (self->pipelined ? s_pipeline_send (self, "BEGIN", 0, NULL, NULL, NULL)
                        : db_exec (self, "BEGIN", 0, NULL)) {
        if (self->pipelined)
            s_leave_pipeline (self);
        return -1;
    }
    self->group = true;
    zhashx_purge (self->memos);
    self->group_spoiled = false;
    self->writes = self->part_writes = 0;
    return 0;
}

bool
db_in_group (db_t *self)
{
    return self->group;
}

void *
db_group_memo (db_t *self, const char *name, size_t size)
{
    if (!self->group)
        return NULL;
    void *memo = zhashx_lookup (self->memos, name);
    if (!memo) {
        memo = zmalloc (size);
        zhashx_insert (self->memos, name, memo);
    }
    return memo;
}

int
db_group_end (db_t *self)
{
    int rc = self->group_spoiled ? -1 : s_commit (self);
    if (self->pipelined) {
        if (self->queued && PQpipelineSync (self->conn))
            PQclear (s_pipeline_drain (self, -1));  //  what a spoiled group left queued
        s_leave_pipeline (self);
    }
    self->group = false;
    zhashx_purge (self->memos);
    if (rc == 0)
        return 0;
    db_rollback (self);
    return -1;
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
