/*  intake_store — intake's SQL: the procedure catalogue as intake reads it
    (the version in force at a given instant), the daily code counter, and the
    dossier as received with its outbox event.                               */
#ifndef INTAKE_STORE_H
#define INTAKE_STORE_H
#include "db.h"
#include "api.h"
#include "worktime.h"
#include "motcua/v1/intake.pb-c.h"

//  A catalogue entry (one version of a procedure), owned strings.
typedef struct {
    int64_t version;            //  catalog.procedure_version.id
    char code [64];
    char name [512];
    char field [128];
    char agency_code [64];
    char division [64];
    int time_limit_value;
    limit_unit_t time_limit_unit;
    char office_hours [128];
    char level [16];            //  province | commune | district
} procedure_row_t;

//  Every procedure in force at at_ms (ms since the epoch), into a list
//  (caller frees with intake_store_free_list).
int  intake_store_procedures (db_t *db, int64_t at_ms, Motcua__V1__ProcedureList *list);
void intake_store_free_list (Motcua__V1__ProcedureList *list);

//  The version of a procedure in force at at_ms (the receipt time): its
//  validity window holds that instant. 1 found, 0 unknown, -1 database error.
int  intake_store_procedure (db_t *db, const char *code, int64_t at_ms, procedure_row_t *row);

//  Next sequence of agency's day (inside the caller's transaction). >0 or -1.
long intake_store_next_sequence (db_t *db, const char *agency_code, int day);

//  Insert the dossier of receipt, with the catalogue version it was received
//  under (inside the caller's transaction). 0 or -1.
int  intake_store_insert (db_t *db, const Motcua__V1__Receipt *receipt, const char *rule_set,
                          const char *received_by, const char *idempotency_key,
                          int64_t procedure_version);

//  Keep a refusal notice (inside the caller's transaction). 0 or -1.
int  intake_store_refusal (db_t *db, const Motcua__V1__RefusalNotice *notice, const char *refused_by,
                           const char *idempotency_key);

//  The counter's view of one dossier (locked inside a transaction):
//  status, times, and what is missing. 1 found, 0 unknown, -1 error.
typedef struct {
    char status [32];
    int64_t received_at, due_at;
    char missing [2048];        //  comma-separated, while a supplement is awaited
    char procedure_code [32], agency_code [64];     //  for the grant
} intake_view_t;
int  intake_store_view (db_t *db, const char *code, intake_view_t *view);

//  Set the counter's view: status, and what is missing (NULL: unchanged). 0 or -1.
int  intake_store_set_status (db_t *db, const char *code, const char *status,
                              char **missing, size_t n_missing);

//  A text[] literal of items, quoted for PostgreSQL (caller frees).
char *intake_store_array (char **items, size_t count);

#endif
