/*  auth — who is calling. Runs the process's ZAP handler (RFC 27) so that a
    CURVE handshake succeeds only for a public key holding a live grant in
    catalog.grant, and maps a caller's key (the ZAP User-Id of each frame) to
    its principal: a role, an agency and the procedures it may touch. Grants
    are re-read at most a second old, so granting, revoking or rotating a key
    needs no restart; a revoked key is refused at the door and even on an
    open connection. (CZMQ's zauth watches a certificate folder by mtime in
    whole seconds, which misses a rotation within the same second.)          */
#ifndef AUTH_H
#define AUTH_H
#include <czmq.h>
#include <stdbool.h>
#include "db.h"
#include "principal.h"

typedef struct auth_t auth_t;

//  Start the ZAP handler (with its own connection from conninfo, as role);
//  grants for requests come through db (borrowed). NULL on failure.
auth_t *auth_new (const char *var_dir, db_t *db, const char *conninfo, const char *role);
void    auth_destroy (auth_t **self_p);

//  Fill principal from a frame received on a CURVE server socket. 0 if the
//  key is known, -1 otherwise (principal then has role "").
int     auth_principal (auth_t *self, zframe_t *frame, principal_t *principal);

//  Is role among the comma-separated roles? "admin" is allowed everything.
int     auth_role_in (const principal_t *principal, const char *roles);

//  May the principal touch this procedure of this agency? (Empty arguments
//  are not checked.)
bool    auth_may_touch (const principal_t *principal, const char *procedure, const char *agency);

//  The same rule for a list, as two SQL parameters: agency (NULL: every
//  agency) and procedures (a text[] literal; NULL: all), which point into
//  scope; auth_scope_sql writes the condition on them (" AND …", numbered
//  $first and $first+1) into sql.
typedef struct {
    const char *agency, *procedures;    //  the two parameters
    char agency_text [64], procedures_text [2200];
} auth_scope_t;
void    auth_scope (const principal_t *principal, auth_scope_t *scope);
const char *auth_scope_sql (char *sql, size_t size, const char *agency_column,
                            const char *procedure_column, int first);

//  Is code in the comma-separated list?
bool    auth_listed (const char *list, const char *code);

#endif
