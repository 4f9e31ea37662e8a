/*  audit — the trail of every state change and every refusal, kept by each
    service in its own schema's `audit` table and written in the same
    transaction as the change it records (issue: "nothing lost, nobody
    unauthorised"). Values are small JSON objects of what changed.           */
#ifndef AUDIT_H
#define AUDIT_H
#include "db.h"
#include "motcua/v1/common.pb-c.h"

//  Record a change by actor (role) to dossier_code. old_json / new_json are
//  JSON objects or NULL. Call inside the change's transaction. 0 or -1.
int  audit_change (db_t *db, const char *schema, const char *actor, const char *role,
                   const char *action, const char *dossier_code,
                   const char *old_json, const char *new_json);

//  Record a refused request (outside any transaction), under the dossier it
//  named ("" if none). 0 or -1.
int  audit_denied (db_t *db, const char *schema, const char *actor, const char *role,
                   const char *dossier_code, const char *action);

//  Record that actor read personal data (Decree 13/2023: a record of
//  processing): what, of dossier_code ("" for a list, whose action says how
//  many rows). Outcome 'read'. 0 or -1.
int  audit_read (db_t *db, const char *schema, const char *actor, const char *role,
                 const char *dossier_code, const char *action);

//  Write {"k1":"v1","k2":"v2",…} into buf from NULL-terminated key/value
//  pairs (values escaped; a NULL value ends the list too). Returns buf.
char *audit_json (char *buf, size_t size, const char *key, ...);

//  The schema's entries about dossier_code, oldest first, appended to trail
//  (free with audit_trail_free). 0 or -1.
int  audit_trail (db_t *db, const char *schema, const char *dossier_code, Motcua__V1__AuditTrail *trail);
void audit_trail_free (Motcua__V1__AuditTrail *trail);

//  The schema's entries of one outcome ("denied", "read") since `since` (ms),
//  oldest first, at most limit, appended to trail. 0 or -1.
int  audit_outcomes (db_t *db, const char *schema, const char *outcome, int64_t since, int limit,
                     Motcua__V1__AuditTrail *trail);

#endif
