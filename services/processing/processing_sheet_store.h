/*  processing_sheet_store — processing's SQL for a dossier's internal
    process (its steps, copied from the catalogue version it was received
    under, and the hand-overs of the control sheet), its result attachment,
    its routing from the receiving centre, and the sheet the printed forms
    read. All writes run inside the caller's transaction.                   */
#ifndef PROCESSING_SHEET_STORE_H
#define PROCESSING_SHEET_STORE_H
#include "db.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/processing.pb-c.h"

//  What processing keeps of a dossier beside its work item (migration 009).
typedef struct {
    int channel;
    char receiving_agency [64];
    int64_t filed_at, online_answer_by, route_by, routed_at;
    int step_position;
    char result_kind [16];
    int64_t result_attached_at;
} work_extra_t;

typedef struct {
    int position;
    char name [512];
    char division [64];
    int quota_hours;
    int64_t started_at, due_at, ended_at;
    char result [16];
} step_row_t;

//  A received dossier: its intake facts and the steps of its catalogue
//  version (in force at its receipt). Returns the number of steps, or -1.
int  processing_sheet_enqueue (db_t *db, const Motcua__V1__DossierReceived *received);

//  The extra facts of a dossier. 1, 0 unknown, -1 error.
int  processing_sheet_extra (db_t *db, const char *code, work_extra_t *extra);

//  The dossier's steps in order (rows: caller frees). Count or -1.
int  processing_sheet_steps (db_t *db, const char *code, step_row_t **rows);

//  Save a step's start, due time, end and result; set the step in hand. 0 or -1.
int  processing_sheet_save_step (db_t *db, const char *code, const step_row_t *step);
int  processing_sheet_set_position (db_t *db, const char *code, int position);

//  A line of the control sheet. 0 or -1.
int  processing_sheet_add_handover (db_t *db, const Motcua__V1__DossierHandedOver *line, const char *note);

//  The result: kind, reference, hash (NULL: none), note, time. 0 or -1.
int  processing_sheet_set_result (db_t *db, const char *code, const char *kind, const char *reference,
                                  const char *sha256, const char *note, int64_t at);

//  Sent on to the competent body, at, by. 0 or -1.
int  processing_sheet_set_routed (db_t *db, const char *code, int64_t at, const char *by);

//  What a supplement request listed as missing. 0 or -1.
int  processing_sheet_set_missing (db_t *db, const char *code, char **missing, size_t count);

//  The whole sheet of a dossier, for the printed forms: it points into the
//  query results it holds, so it lives until processing_sheet_destroy.
typedef struct _processing_sheet_t processing_sheet_t;
//  NULL with *found = 0 if unknown, -1 on a database error.
processing_sheet_t *processing_sheet_new (db_t *db, const char *code, int *found);
void                processing_sheet_destroy (processing_sheet_t **self_p);
Motcua__V1__DossierSheet *processing_sheet_message (processing_sheet_t *self);

#endif
