/*  admin — the `motcua admin` commands kept with what they act on, for the
    word's table in admin.c: the keys and grants (admin_keys.c) and the
    declared days off and make-up days (calendar_days.c). argv starts after
    the command's words; each returns the exit code.                        */
#ifndef ADMIN_H
#define ADMIN_H
#include "cli.h"

int admin_grant (int argc, char **argv);
int admin_revoke (int argc, char **argv);
int admin_rotate (int argc, char **argv);
int admin_keys (int argc, char **argv);
int admin_calendar (int argc, char **argv);

#endif
