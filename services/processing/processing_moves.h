/*  processing_moves — the shared machinery of processing's commands and
    event handlers (see processing_moves.c). All run inside the caller's
    transaction.                                                             */
#ifndef PROCESSING_MOVES_H
#define PROCESSING_MOVES_H
#include "api.h"
#include "idempotency.h"
#include "legal_clock.h"
#include "lifecycle.h"
#include "processing_store.h"
#include "service.h"

//  Move row by action (the lifecycle table decides), record it in the trail
//  and the audit. 0, or -1 with error (FAILED_PRECONDITION naming the state
//  and the rule set for an illegal move).
int        processing_move (db_t *db, work_row_t *row, dossier_action_t action, const char *actor,
                            const char *role, api_error_t *error);
//  Append event about code, caused by actor, to processing's outbox. 0 or -1.
int        processing_emit (db_t *db, Motcua__V1__Event *event, const char *code, const char *actor);
//  The result is back with the applicant (DossierReturned). 0 or -1.
int        processing_emit_returned (db_t *db, const work_row_t *row, const char *actor);
//  The dossier has ended: decided, withdrawn or closed (DossierResolved). 0 or -1.
int        processing_emit_resolved (db_t *db, const work_row_t *row, const char *actor);
//  A due-time change into the ledger and to reporting (DueTimeChanged);
//  row's due times follow it. 0 or -1.
int        processing_emit_due_change (db_t *db, work_row_t *row, int64_t previous,
                                       const clock_change_t *change, bool appointment_only,
                                       const char *actor);
//  The row's rule set and its agency's working-time rules.
rules_id_t processing_rules (service_t *service, const work_row_t *row, worktime_rules_t *rules);
//  Load a dossier's work item, locked. 0, or -1 with error (NOT_FOUND, UNAVAILABLE).
int        processing_load (db_t *db, const char *code, work_row_t *row, api_error_t *error);
//  A work item packed as a reply body.
zchunk_t  *processing_packed_item (work_row_t *row);
//  Run a state-changing command once per idempotency key (its work answers
//  a packed work item). The item (caller frees) or NULL with error.
Motcua__V1__WorkItem *processing_run (service_t *service, const char *key, idempotent_fn *work,
                                      void *context, api_error_t *error);

//  The event handlers (processing_events.c): apply one event, and the work
//  due by time (closing dossiers whose supplement did not come).
int        processing_apply (void *service, const Motcua__V1__Event *event);
void       processing_tick (service_t *service);

#endif
