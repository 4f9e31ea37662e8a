/*  processing_steps — the dossier's internal process inside processing: the
    steps of its catalogue version with their own due times, the hand-overs
    of the process control sheet (Mẫu 05, TT 01/2018), the result attached
    (a digitised document's reference and SHA-256, or a physical item), the
    routing of a dossier taken in at another centre to the competent body
    (NĐ 118/2025 Điều 18, 20), and the sheet the printed forms read.       */
#ifndef PROCESSING_STEPS_H
#define PROCESSING_STEPS_H
#include "processing_moves.h"
#include "processing_sheet_store.h"

//  What a handled request leaves to free once the reply is packed.
typedef struct {
    Motcua__V1__WorkItem *item;
    processing_sheet_t *sheet;
} processing_steps_reply_t;

//  Handle hand_over, attach_result, route and sheet requests. false if the
//  request is none of them (reply untouched).
bool processing_steps_handle (service_t *service, const principal_t *who,
                              const Motcua__V1__ProcessingRequest *request,
                              Motcua__V1__ProcessingReply *reply, processing_steps_reply_t *keep,
                              api_error_t *error);
void processing_steps_release (processing_steps_reply_t *keep);

//  A dossier entered the queue: copy its steps, start the first. 0 or -1.
int  processing_steps_enqueue (service_t *service, const Motcua__V1__DossierReceived *received);

//  The dossier's due time moved from old_due to new_due (a supplement paused
//  or restarted its clock): the step in hand moves with it. 0 or -1.
int  processing_steps_shift (service_t *service, const work_row_t *row, int64_t old_due, int64_t new_due);

//  A dossier was decided: the step in hand ends and the result goes back to
//  the receiving centre (the sheet's last line). 0 or -1.
int  processing_steps_finish (service_t *service, const work_row_t *row, const char *actor);

//  An approved dossier's result must be attached before it is handed back.
//  0, or -1 with FAILED_PRECONDITION naming the state and rule set.
int  processing_steps_require_result (db_t *db, const work_row_t *row, api_error_t *error);

#endif
