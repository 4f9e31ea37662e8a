/*  grants — the operator's writes to catalog.grant: who (a CURVE public key
    and a name) may do what (role, agency, procedures). Services re-read the
    table within a second; nothing restarts.                                */
#ifndef GRANTS_H
#define GRANTS_H
#include "db.h"

//  Grant key to name unless that very key already has a live grant.
//  agency "" = every agency; procedures NULL or "" = the whole catalogue
//  (else comma-separated codes). 0 or -1 (db_error says why).
int grants_ensure (db_t *db, const char *key, const char *name, const char *role,
                   const char *agency, const char *procedures);

//  Does name hold a live grant? 1 yes (role, agency [64] and procedures
//  [procedures_size] copied out), 0 no, -1 error.
int grants_live (db_t *db, const char *name, char *role, char *agency, char *procedures,
                 size_t procedures_size);

//  Revoke every live grant of name. Returns how many, or -1.
int grants_revoke (db_t *db, const char *name);

//  Live grants (and revoked ones with all): columns name, role, agency,
//  procedures, key, granted_at, revoked_at. Caller PQclear()s. NULL on error.
PGresult *grants_list (db_t *db, bool all);

#endif
