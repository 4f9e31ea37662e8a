/*  keystore — CURVE certificates on disk. See keystore.h.                  */
#include <sys/stat.h>
#include "keystore.h"
#include "log.h"

static void
s_paths (const char *var_dir, const char *name, char *key_path, char *allowed_path, size_t size)
{
    snprintf (key_path, size, "%s/certs/keys/%s.cert", var_dir, name);
    snprintf (allowed_path, size, "%s/certs/allowed/%s.cert", var_dir, name);
}

char *
keystore_allowed_dir (const char *var_dir, char *buf, size_t size)
{
    snprintf (buf, size, "%s/certs/allowed", var_dir);
    return buf;
}

int
keystore_ensure (const char *var_dir, const char *name, const char *role)
{
    char key_path [600], allowed_path [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    if (zsys_file_exists (key_path) && zsys_file_exists (allowed_path))
        return 0;
    return keystore_create (var_dir, name, role);
}

static void
s_make_dirs (const char *var_dir)
{
    char dir [600];
    snprintf (dir, sizeof dir, "%s/certs/keys", var_dir);
    zsys_dir_create ("%s", dir);
    chmod (dir, 0700);
    snprintf (dir, sizeof dir, "%s/certs/allowed", var_dir);
    zsys_dir_create ("%s", dir);
}

int
keystore_create (const char *var_dir, const char *name, const char *role)
{
    char key_path [600], allowed_path [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    s_make_dirs (var_dir);
    zcert_t *cert = zcert_new ();
    if (!cert)
        return -1;
    zcert_set_meta (cert, "name", "%s", name);
    zcert_set_meta (cert, "role", "%s", role);
    int rc = zcert_save (cert, key_path);
    if (rc == 0)
        rc = zcert_save_public (cert, allowed_path);
    zcert_destroy (&cert);
    return rc;
}

zcert_t *
keystore_load (const char *var_dir, const char *name)
{
    char key_path [600], allowed_path [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    zcert_t *cert = zcert_load (key_path);
    if (!cert)
        log_error ("no certificate %s (run `make up` or `motcua admin certs`)", key_path);
    return cert;
}

int
keystore_public_key (const char *var_dir, const char *name, char *key)
{
    char key_path [600], allowed_path [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    zcert_t *cert = zcert_load (allowed_path);
    if (!cert)
        return -1;
    snprintf (key, 41, "%s", zcert_public_txt (cert));
    zcert_destroy (&cert);
    return 0;
}

int
keystore_admit (const char *var_dir, const char *name, const char *public_key)
{
    byte public_bytes [32], secret_bytes [32] = { 0 };
    if (!public_key || strlen (public_key) != 40 || !zmq_z85_decode (public_bytes, public_key))
        return -1;
    char key_path [600], allowed_path [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    s_make_dirs (var_dir);
    zcert_t *cert = zcert_new_from (public_bytes, secret_bytes);
    if (!cert)
        return -1;
    zcert_set_meta (cert, "name", "%s", name);
    int rc = zcert_save_public (cert, allowed_path);
    zcert_destroy (&cert);
    return rc;
}

int
keystore_withdraw (const char *var_dir, const char *name)
{
    char key_path [600], allowed_path [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    return zsys_file_exists (allowed_path) ? zsys_file_delete (allowed_path) : 0;
}
