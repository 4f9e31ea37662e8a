/*  grant_book — who holds a live grant, keyed by CURVE public key (Z85):
    read from catalog.grant and re-read when a second old. The database is
    the truth; only while it has never been reachable since start do the
    admitted public certificates on disk (<var>/certs/allowed, with their
    `name` and `role` metadata) stand in, so a service started during an
    outage still answers its clients (UNAVAILABLE) instead of refusing them. */
#ifndef GRANT_BOOK_H
#define GRANT_BOOK_H
#include <czmq.h>
#include "db.h"
#include "principal.h"

typedef struct grant_book_t grant_book_t;

grant_book_t      *grant_book_new (db_t *db, const char *allowed_dir);   //  db borrowed
void               grant_book_destroy (grant_book_t **self_p);

//  The principal holding key, or NULL. The grants are re-read when older
//  than a second, or when key is unknown and they are older than recheck_ms.
const principal_t *grant_book_lookup (grant_book_t *self, const char *key, int recheck_ms);

#endif
