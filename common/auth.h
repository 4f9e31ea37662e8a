/*  auth — who is calling. Starts CZMQ's zauth so that CURVE admits only the
    public keys under <var>/certs/allowed, and maps a caller's key (the ZAP
    User-Id of each frame) to its principal: a role and a name, read from the
    certificate's metadata. The role decides what a request may do.          */
#ifndef AUTH_H
#define AUTH_H
#include <czmq.h>

typedef struct auth_t auth_t;

typedef struct {
    char key [41];
    char role [32];       //  service, counter, desk, postal, dashboard, admin
    char name [64];
} principal_t;

//  Start zauth for CURVE over var_dir's allowed folder. NULL on failure.
auth_t *auth_new (const char *var_dir);
void    auth_destroy (auth_t **self_p);

//  Fill principal from a frame received on a CURVE server socket. 0 if the
//  key is known, -1 otherwise (principal then has role "").
int     auth_principal (auth_t *self, zframe_t *frame, principal_t *principal);

//  Is role among the comma-separated roles? "admin" is allowed everything.
int     auth_role_in (const principal_t *principal, const char *roles);

#endif
