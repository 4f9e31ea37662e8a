/*  principal — who a caller is, as its grant (catalog.grant) says: the
    value the grant book keeps per public key and auth hands to every
    request. A plain value: copy it freely.                                 */
#ifndef PRINCIPAL_H
#define PRINCIPAL_H
#include <stdbool.h>

typedef struct {
    char key [41];
    char role [32];       //  service, counter, desk, postal, dashboard, admin
    char name [64];
    char agency [64];     //  "" = every agency
    bool all_procedures;
    char procedures [2048];   //  comma-separated codes when not all
} principal_t;

#endif
