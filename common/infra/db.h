/*  db — one PostgreSQL connection through libpq, with reconnection and backoff.
    A lost connection never ends the service: calls fail with a clear error and
    the next call after the backoff tries again. SQL only through parameters.  */
#ifndef DB_H
#define DB_H
#include <stdbool.h>
#include <stdint.h>
#include <libpq-fe.h>

typedef struct db_t db_t;

//  conninfo may be empty: libpq then uses PG* variables. Does not connect yet.
db_t       *db_new (const char *conninfo);
//  The same, connecting as role whatever user conninfo names (the services
//  and the admin path each have their own: deploy/roles.sql). role NULL: as
//  conninfo says.
db_t       *db_new_as (const char *conninfo, const char *role);
void        db_destroy (db_t **self_p);

//  Connect if not connected (no more than once per backoff step). 0 if usable.
int         db_ensure (db_t *self);
bool        db_is_up (db_t *self);

//  Ask the server (SELECT 1), reconnecting if needed. 0 if it answered.
int         db_ping (db_t *self);

//  Run one statement with text parameters (NULL entries are SQL NULL).
//  Returns the result (caller PQclear()s it) or NULL on failure.
PGresult   *db_query (db_t *self, const char *sql, int count, const char *const *params);
//  The same with explicit lengths and formats (1 = binary) per parameter.
PGresult   *db_query_bin (db_t *self, const char *sql, int count, const char *const *params,
                          const int *lengths, const int *formats);
//  Run a statement and drop the result. 0 or -1. Inside a group, a
//  statement that writes is only queued (libpq pipeline mode) and rides to
//  the server with the next query or the commit; its failure spoils the group.
int         db_exec (db_t *self, const char *sql, int count, const char *const *params);
int         db_exec_bin (db_t *self, const char *sql, int count, const char *const *params,
                         const int *lengths, const int *formats);

//  One statement in a transaction of its own whose commit does not wait for
//  the disk (synchronous_commit off), in one round trip: for bookkeeping a
//  crash may lose without harm (a delivery's lease or acknowledgement: the
//  delivery is sent again and the subscriber's inbox drops the copy). Inside
//  a transaction it is an ordinary statement of it.
PGresult   *db_query_lazy (db_t *self, const char *sql, int count, const char *const *params);
int         db_exec_lazy (db_t *self, const char *sql, int count, const char *const *params);

int         db_begin (db_t *self);
bool        db_in_transaction (db_t *self);
int         db_commit (db_t *self);
void        db_rollback (db_t *self);

//  Group commit: the requests that arrived together share one transaction.
//  Between db_group_begin and db_group_end, db_begin/db_commit only mark one
//  command's part; db_rollback of a part that wrote (or a failed statement)
//  spoils the whole group. db_group_end commits; -1 when the group was
//  spoiled or the commit failed — then nothing of it is durable, and the
//  caller runs each command again on its own.
int         db_group_begin (db_t *self);
bool        db_in_group (db_t *self);
//  What a command may remember for the rest of its group (the group is one
//  transaction; its requests arrived together): a zeroed block of size
//  bytes under name, the same block for every part of the group, freed when
//  the group ends. NULL outside a group. The block belongs to the db.
void       *db_group_memo (db_t *self, const char *name, size_t size);
int         db_group_end (db_t *self);

//  What went wrong last: the server's message and SQLSTATE ("" if none).
const char *db_error (db_t *self);
const char *db_sqlstate (db_t *self);

//  The newest applied migration (public.schema_migrations), or -1.
int         db_schema_version (db_t *self);

//  A time in ms as a query parameter for to_timestamp ($n::bigint / 1000.0):
//  its digits in buf, or NULL (SQL NULL) for 0, "no time".
const char *db_ms_param (int64_t ms, char *buf, size_t size);

//  A text[] literal of items, quoted for PostgreSQL (caller frees).
char       *db_text_array (char **items, size_t count);

#endif
