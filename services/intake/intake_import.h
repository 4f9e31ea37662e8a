/*  intake_import — history import at intake (`motcua import dossiers`):
    dossiers of the past, each keeping its own code and original times, go
    through the same events as live receipts so that reports and traces show
    them, and processing files each one in the state its history reached.

    Each row is imported whole or not at all: every check of a row comes
    before its first write, so a bad row, reported with its line and field,
    wrote nothing and costs only itself; the good rows of a batch commit
    together. A failed write (the database) loses the batch's transaction:
    the batch is refused as a whole and can be sent again. Keyed on the dossier code: the same row again is "unchanged", a
    different row under a code already here is ALREADY_EXISTS.              */
#ifndef INTAKE_IMPORT_H
#define INTAKE_IMPORT_H
#include "service.h"
#include "motcua/v1/intake.pb-c.h"

#define INTAKE_IMPORT_BATCH_MAX 1000

//  Import a batch (an admin's request). Returns the result (free with
//  intake_import_free), or NULL with error set when the batch as a whole
//  failed (permission, size, database): then nothing of it was written.
Motcua__V1__ImportResult *intake_import (service_t *service, const principal_t *who,
                                         const Motcua__V1__ImportDossiers *request, api_error_t *error);
void intake_import_free (Motcua__V1__ImportResult **result_p);

#endif
