/*  intake_history_client — the intake calls of history import and look-up
    (beside intake_client.h; the same reply type and conventions).          */
#ifndef INTAKE_HISTORY_CLIENT_H
#define INTAKE_HISTORY_CLIENT_H
#include <stdbool.h>
#include "intake_client.h"

//  Import a batch of dossiers of the past (admin). dry_run: check only.
intake_reply_t *intake_client_import (client_t *client, Motcua__V1__ImportedDossier **rows, size_t count,
                                      bool dry_run);
//  Look dossiers up by exactly one of code, identity number, phone ("" for the others).
intake_reply_t *intake_client_lookup (client_t *client, const char *code, const char *id_number,
                                      const char *phone);

#endif
