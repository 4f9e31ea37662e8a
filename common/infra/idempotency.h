/*  idempotency — stored replies of state-changing requests (DESIGN §4.2). The
    reply body is stored under the client's key in the same transaction as the
    change; a repeat gets the stored body and changes nothing.

    A key belongs to its principal and its operation: clerk A's key "k1" and
    clerk B's "k1" are two keys, and so are a submit and a withdrawal under
    one key. The request itself is stored as a digest (SHA-256, computed by
    PostgreSQL) with the reply: the same key with a different request is
    refused (INVALID_ARGUMENT naming idempotency_key), never answered with
    another request's reply.                                                 */
#ifndef IDEMPOTENCY_H
#define IDEMPOTENCY_H
#include <czmq.h>
#include "api.h"
#include "db.h"

//  Whose key, for which operation, and the request it was given with
//  (packed; its digest is what is compared). Strings and bytes borrowed.
typedef struct {
    const char *principal;      //  the grant's name ("" for the suite's own work)
    const char *operation;      //  the envelope's operation ("submit", "withdraw", …)
    const void *request;        //  the operation's message, packed
    size_t request_size;
} idempotency_scope_t;

//  1 and *body (caller destroys) if the key holds a stored reply to this
//  same request; 2 if it holds one to a different request; 0 if none; -1
//  on a database error.
int  idempotency_lookup (db_t *db, const char *schema, const idempotency_scope_t *scope,
                         const char *key, zchunk_t **body);

//  Store body under key inside the caller's transaction. 0, or -1 (a
//  concurrent twin committed first: SQLSTATE 23505, roll back and look up).
int  idempotency_store (db_t *db, const char *schema, const idempotency_scope_t *scope,
                        const char *key, const void *body, size_t size);

//  The work of one command, run inside the transaction: return the reply body
//  (packed), or NULL with error set to roll everything back.
typedef zchunk_t *(idempotent_fn) (void *context, api_error_t *error);

//  Run a state-changing command exactly once per key: a stored body is
//  returned as is; otherwise work runs in a transaction that also stores its
//  body; a concurrent twin's commit wins and its body is returned. Returns
//  the body (caller destroys) or NULL with error set.
zchunk_t *idempotency_run (db_t *db, const char *schema, const idempotency_scope_t *scope,
                           const char *key, idempotent_fn *work, void *context, api_error_t *error);
#endif
