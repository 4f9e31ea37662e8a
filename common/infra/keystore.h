/*  keystore — the CURVE certificates on disk under <var>/certs:
        keys/<name>.cert(_secret)   each party's key pair (secret: owner only)
        allowed/<name>.cert         public certificates zauth admits, with the
                                    metadata `role` (service, counter, desk,
                                    postal, dashboard, admin) and `name`
    Services are named service-<svc>; client roles by their role name.       */
#ifndef KEYSTORE_H
#define KEYSTORE_H
#include <czmq.h>

//  Create name's key pair and admit it with role, unless it exists. 0 or -1.
int      keystore_ensure (const char *var_dir, const char *name, const char *role);

//  Make a new key pair for name (replacing any) and admit its public key.
int      keystore_create (const char *var_dir, const char *name, const char *role);

//  Admit a public key given as Z85 text (40 chars) under name. 0 or -1.
int      keystore_admit (const char *var_dir, const char *name, const char *public_key);

//  Stop admitting name's key (remove its public certificate). 0 or -1.
int      keystore_withdraw (const char *var_dir, const char *name);

//  Load name's key pair (public and secret). NULL if missing.
zcert_t *keystore_load (const char *var_dir, const char *name);

//  Copy name's public key (Z85, 40 chars) into key [41]. 0 or -1.
int      keystore_public_key (const char *var_dir, const char *name, char *key);

//  The folder of admitted public certificates (buf returned).
char    *keystore_allowed_dir (const char *var_dir, char *buf, size_t size);

#endif
