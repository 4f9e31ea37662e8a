/*  auth — zauth for CURVE and the key → principal map. See auth.h.         */
#include "auth.h"
#include "keystore.h"
#include "log.h"

struct auth_t {
    zactor_t *zauth;
    char allowed_dir [600];
    zhashx_t *principals;         //  public key → principal_t
    int64_t loaded_at;
};

static void
s_load (auth_t *self)
{
    zhashx_purge (self->principals);
    zdir_t *dir = zdir_new (self->allowed_dir, NULL);
    if (!dir)
        return;
    zfile_t **files = zdir_flatten (dir);
    for (int i = 0; files [i]; i++) {
        zcert_t *cert = zcert_load (zfile_filename (files [i], NULL));
        if (!cert)
            continue;
        principal_t *principal = (principal_t *) zmalloc (sizeof (principal_t));
        snprintf (principal->key, sizeof principal->key, "%s", zcert_public_txt (cert));
        snprintf (principal->role, sizeof principal->role, "%s",
                  zcert_meta (cert, "role") ? zcert_meta (cert, "role") : "");
        snprintf (principal->name, sizeof principal->name, "%s",
                  zcert_meta (cert, "name") ? zcert_meta (cert, "name") : "");
        zhashx_update (self->principals, principal->key, principal);
        zcert_destroy (&cert);
    }
    zdir_flatten_free (&files);
    zdir_destroy (&dir);
    self->loaded_at = zclock_mono ();
}

auth_t *
auth_new (const char *var_dir)
{
    auth_t *self = (auth_t *) zmalloc (sizeof (auth_t));
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
    principal_t *known = (principal_t *) zhashx_lookup (self->principals, key);
    if (!known && zclock_mono () - self->loaded_at > 1000) {
        s_load (self);          //  a key admitted since start-up: pick it up
        known = (principal_t *) zhashx_lookup (self->principals, key);
    }
    if (!known) {
        snprintf (principal->key, sizeof principal->key, "%s", key);
        return -1;
    }
    *principal = *known;
    return 0;
}

int
auth_role_in (const principal_t *principal, const char *roles)
{
    if (streq (principal->role, "admin"))
        return 1;
    size_t len = strlen (principal->role);
    if (!len)
        return 0;
    for (const char *p = roles; (p = strstr (p, principal->role)); p += len)
        if ((p == roles || p [-1] == ',') && (p [len] == ',' || p [len] == 0))
            return 1;
    return 0;
}
