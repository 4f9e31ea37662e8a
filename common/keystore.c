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
    char key_path [600], allowed_path [600], dir [600];
    s_paths (var_dir, name, key_path, allowed_path, sizeof key_path);
    if (zsys_file_exists (key_path) && zsys_file_exists (allowed_path))
        return 0;
    snprintf (dir, sizeof dir, "%s/certs/keys", var_dir);
    zsys_dir_create ("%s", dir);
    chmod (dir, 0700);
    snprintf (dir, sizeof dir, "%s/certs/allowed", var_dir);
    zsys_dir_create ("%s", dir);
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
