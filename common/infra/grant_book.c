/*  grant_book — live grants by public key. See grant_book.h.                */
#include "grant_book.h"
#include "log.h"

#define GRANTS_MAX_AGE_MS 1000     //  a revocation takes effect within this

struct grant_book_t {
    db_t *db;
    char allowed_dir [600];
    zhashx_t *principals;          //  public key → principal_t
    int64_t loaded_at;
    bool from_database;            //  loaded from catalog.grant at least once
};

static int
s_load_database (grant_book_t *self)
{
    PGresult *result = db_query (self->db,
        "SELECT public_key, name, role, coalesce (agency_code, ''), procedures IS NULL,"
        " coalesce (array_to_string (procedures, ','), '')"
        " FROM catalog.grant WHERE revoked_at IS NULL", 0, NULL);
    if (!result)
        return -1;
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
    self->from_database = true;
    return 0;
}

static void
s_load_disk (grant_book_t *self)
{
    zhashx_purge (self->principals);
    zdir_t *dir = zdir_new (self->allowed_dir, NULL);
    zfile_t **files = dir ? zdir_flatten (dir) : NULL;
    for (int i = 0; files && files [i]; i++) {
        zcert_t *cert = zcert_load (zfile_filename (files [i], NULL));
        if (!cert)
            continue;
        principal_t *principal = (principal_t *) zmalloc (sizeof (principal_t));
        snprintf (principal->key, sizeof principal->key, "%s", zcert_public_txt (cert));
        snprintf (principal->name, sizeof principal->name, "%s", zcert_meta (cert, "name") ? zcert_meta (cert, "name") : "");
        snprintf (principal->role, sizeof principal->role, "%s", zcert_meta (cert, "role") ? zcert_meta (cert, "role") : "");
        zhashx_update (self->principals, principal->key, principal);
        zcert_destroy (&cert);
    }
    if (files)
        zdir_flatten_free (&files);
    zdir_destroy (&dir);
}

static void
s_load (grant_book_t *self)
{
    self->loaded_at = zclock_mono ();
    if (s_load_database (self) && !self->from_database)
        s_load_disk (self);
}

grant_book_t *
grant_book_new (db_t *db, const char *allowed_dir)
{
    grant_book_t *self = (grant_book_t *) zmalloc (sizeof (grant_book_t));
    self->db = db;
    snprintf (self->allowed_dir, sizeof self->allowed_dir, "%s", allowed_dir);
    self->principals = zhashx_new ();
    zhashx_set_destructor (self->principals, (zhashx_destructor_fn *) zstr_free);
    s_load (self);
    return self;
}

void
grant_book_destroy (grant_book_t **self_p)
{
    grant_book_t *self = *self_p;
    if (self) {
        zhashx_destroy (&self->principals);
        free (self);
        *self_p = NULL;
    }
}

const principal_t *
grant_book_lookup (grant_book_t *self, const char *key, int recheck_ms)
{
    if (zclock_mono () - self->loaded_at > GRANTS_MAX_AGE_MS)
        s_load (self);
    const principal_t *known = (const principal_t *) zhashx_lookup (self->principals, key);
    if (!known && zclock_mono () - self->loaded_at >= recheck_ms) {
        s_load (self);
        known = (const principal_t *) zhashx_lookup (self->principals, key);
    }
    return known;
}
