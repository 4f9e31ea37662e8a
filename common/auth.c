/*  auth — zauth for CURVE and the key → principal map. See auth.h.         */
#include "auth.h"
#include "keystore.h"
#include "log.h"

#define GRANTS_MAX_AGE_MS 1000     //  a revocation takes effect within this

struct auth_t {
    zactor_t *zauth;
    db_t *db;
    char allowed_dir [600];
    zhashx_t *principals;         //  public key → principal_t
    int64_t loaded_at;
};

//  Re-read the live grants; on a database error keep the ones we have.
static void
s_load (auth_t *self)
{
    self->loaded_at = zclock_mono ();
    PGresult *result = db_query (self->db,
        "SELECT public_key, name, role, coalesce (agency_code, ''), procedures IS NULL,"
        " coalesce (array_to_string (procedures, ','), '')"
        " FROM catalog.grant WHERE revoked_at IS NULL", 0, NULL);
    if (!result)
        return;
    zhashx_purge (self->principals);
    for (int r = 0; r < PQntuples (result); r++) {
        principal_t *principal = (principal_t *) zmalloc (sizeof (principal_t));
        snprintf (principal->key, sizeof principal->key, "%s", PQgetvalue (result, r, 0));
        snprintf (principal->name, sizeof principal->name, "%s", PQgetvalue (result, r, 1));
        snprintf (principal->role, sizeof principal->role, "%s", PQgetvalue (result, r, 2));
        snprintf (principal->agency, sizeof principal->agency, "%s", PQgetvalue (result, r, 3));
        principal->all_procedures = streq (PQgetvalue (result, r, 4), "t");
        snprintf (principal->procedures, sizeof principal->procedures, "%s", PQgetvalue (result, r, 5));
        zhashx_update (self->principals, principal->key, principal);
    }
    PQclear (result);
}

auth_t *
auth_new (const char *var_dir, db_t *db)
{
    auth_t *self = (auth_t *) zmalloc (sizeof (auth_t));
    self->db = db;
    keystore_allowed_dir (var_dir, self->allowed_dir, sizeof self->allowed_dir);
    self->principals = zhashx_new ();
    zhashx_set_destructor (self->principals, (zhashx_destructor_fn *) zstr_free);
    self->zauth = zactor_new (zauth, NULL);
    if (!self->zauth) {
        auth_destroy (&self);
        return NULL;
    }
    zstr_sendx (self->zauth, "CURVE", self->allowed_dir, NULL);
    zsock_wait (self->zauth);
    s_load (self);
    return self;
}

void
auth_destroy (auth_t **self_p)
{
    auth_t *self = *self_p;
    if (self) {
        zactor_destroy (&self->zauth);
        zhashx_destroy (&self->principals);
        free (self);
        *self_p = NULL;
    }
}

int
auth_principal (auth_t *self, zframe_t *frame, principal_t *principal)
{
    memset (principal, 0, sizeof *principal);
    const char *key = zframe_meta (frame, "User-Id");
    if (!key)
        return -1;
    if (zclock_mono () - self->loaded_at > GRANTS_MAX_AGE_MS)
        s_load (self);
    principal_t *known = (principal_t *) zhashx_lookup (self->principals, key);
    if (!known) {
        //  zauth admitted it, so it was granted a moment ago (or revoked):
        //  only such keys get here, so looking again costs little.
        s_load (self);
        known = (principal_t *) zhashx_lookup (self->principals, key);
    }
    if (!known) {
        snprintf (principal->key, sizeof principal->key, "%s", key);
        return -1;
    }
    *principal = *known;
    return 0;
}

bool
auth_listed (const char *list, const char *code)
{
    size_t len = strlen (code);
    if (!len)
        return false;
    for (const char *p = list; (p = strstr (p, code)); p += len)
        if ((p == list || p [-1] == ',') && (p [len] == ',' || p [len] == 0))
            return true;
    return false;
}

bool
auth_may_touch (const principal_t *principal, const char *procedure, const char *agency)
{
    if (streq (principal->role, "admin"))
        return true;
    if (agency && *agency && *principal->agency && !streq (agency, principal->agency))
        return false;
    if (procedure && *procedure && !principal->all_procedures
    &&  !auth_listed (principal->procedures, procedure))
        return false;
    return true;
}

int
auth_role_in (const principal_t *principal, const char *roles)
{
    return streq (principal->role, "admin") || auth_listed (roles, principal->role);
}
