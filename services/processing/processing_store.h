/*  processing_store — processing's SQL: work items (one per dossier), their
    queue per division, and the trail of transitions.                      */
#ifndef PROCESSING_STORE_H
#define PROCESSING_STORE_H
#include "db.h"
#include "auth.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/processing.pb-c.h"

typedef struct {
    char dossier_code [64];
    char procedure_code [64];
    char procedure_name [512];
    char division [64];
    char applicant_name [256];
    char applicant_id [64];
    char phone [64];
    char address [512];
    char status [32];
    char rule_set [8];
    char agency_code [64];
    char reason [1024];
    char time_limit_unit [24];
    char office_hours [128];
    int time_limit_value;
    int return_method;
    int outcome;
    int supplements, delay_letters;
    int64_t received_at, due_at, resolved_at, returned_at;
    int64_t legal_due_at;               //  judges timeliness; due_at is the appointment
    int64_t supplement_requested_at, supplement_close_at;
} work_row_t;

//  Point a WorkItem's fields at row (valid while row lives).
void processing_row_to_pb (work_row_t *row, Motcua__V1__WorkItem *item);

//  Put a received dossier in its division's queue. 0 or -1.
int  processing_store_receive (db_t *db, const Motcua__V1__DossierReceived *received);

//  Load (and lock, inside a transaction) one work item. 1, 0 unknown, -1 error.
int  processing_store_load (db_t *db, const char *code, work_row_t *row);

//  Save the row's status, outcome, reason and times. 0 or -1.
int  processing_store_save (db_t *db, const work_row_t *row);

//  Record a change of due time in the ledger. 0 or -1.
int  processing_store_due_change (db_t *db, const char *code, int64_t previous, int64_t due_at,
                                  bool appointment_only, const char *rule, const char *reason,
                                  const char *actor);

//  Dossiers whose supplement did not come by their close time (at most 100).
//  rows: caller frees. Count or -1.
int  processing_store_overdue_supplements (db_t *db, int64_t now, work_row_t **rows);

//  Record a transition in the trail. 0 or -1.
int  processing_store_trail (db_t *db, const char *code, const char *from, const char *to,
                             const char *action, const char *actor);

//  Open work items (received, in process, waiting for a supplement), oldest
//  due first, of one division or all. rows: caller frees. Count or -1.
//  (Only the dossiers scope covers: the caller's grant, auth_scope.)
int  processing_store_queue (db_t *db, const char *division, const auth_scope_t *scope, work_row_t **rows);

#endif
