/*  idempotency — stored replies of state-changing requests (DESIGN §4.2). The
    reply body is stored under the client's key in the same transaction as the
    change; a repeat gets the stored body and changes nothing.               */
#ifndef IDEMPOTENCY_H
#define IDEMPOTENCY_H
#include <czmq.h>
#include "db.h"

//  1 and *body (caller destroys) if key has a stored reply, 0 if not, -1 on error.
int  idempotency_lookup (db_t *db, const char *schema, const char *key, zchunk_t **body);

//  Store body under key inside the caller's transaction. 0, or -1 (a
//  concurrent twin committed first: SQLSTATE 23505, roll back and look up).
int  idempotency_store (db_t *db, const char *schema, const char *key,
                        const void *body, size_t size);



#include "api.h"
//  The work of one command, run inside the transaction: return the reply body
//  (packed), or NULL with error set to roll everything back.
typedef zchunk_t *(idempotent_fn) (void *context, api_error_t *error);

//  Run a state-changing command exactly once per key: a stored body is
//  returned as is; otherwise work runs in a transaction that also stores its
//  body; a concurrent twin's commit wins and its body is returned. Returns
//  the body (caller destroys) or NULL with error set.
zchunk_t *idempotency_run (db_t *db, const char *schema, const char *key,
                           idempotent_fn *work, void *context, api_error_t *error);
#endif
