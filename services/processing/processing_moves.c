/*  processing_moves — what processing's commands and event handlers share:
    moving a work item through the lifecycle table (recorded in the trail
    and the audit), telling the others (outbox events), the due-time ledger,
    the rules of a dossier, and loading it.                                  */
#include "processing_moves.h"
#include "audit.h"
#include "idempotency.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

//  Move row by action (the lifecycle table decides), record it in the trail
//  and the audit. 0 or -1.
int
processing_move (db_t *db, work_row_t *row, dossier_action_t action, const char *actor, const char *role,
        api_error_t *error)
{
    dossier_state_t from, to;
    if (lifecycle_state_parse (row->status, &from) || lifecycle_next (from, action, &to))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "dossier_code",
                         "dossier %s is %s (rules of %s); it cannot %s now", row->dossier_code,
                         row->status, row->rule_set, lifecycle_action_name (action));
    snprintf (row->status, sizeof row->status, "%s", lifecycle_state_name (to));
    char old_value [128], new_value [1400];
    audit_json (old_value, sizeof old_value, "status", lifecycle_state_name (from), NULL);
    audit_json (new_value, sizeof new_value, "status", row->status,
                "outcome", row->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "approved"
                         : row->outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED ? "rejected" : "",
                "reason", row->reason, NULL);
    if (processing_store_save (db, row)
    ||  processing_store_trail (db, row->dossier_code, lifecycle_state_name (from),
                                row->status, lifecycle_action_name (action), actor)
    ||  audit_change (db, "processing", actor, role, lifecycle_action_name (action),
                      row->dossier_code, old_value, new_value))
        return api_db_fail (error, db_error (db));
    return 0;
}

int
processing_emit (db_t *db, Motcua__V1__Event *event, const char *code, const char *actor)
{
    event->dossier_code = (char *) code;
    event->actor = (char *) actor;
    return outbox_append (db, "processing", "processing", event);
}

int
processing_emit_returned (db_t *db, const work_row_t *row, const char *actor)
{
    Motcua__V1__DossierReturned returned = MOTCUA__V1__DOSSIER_RETURNED__INIT;
    returned.dossier_code = (char *) row->dossier_code;
    returned.returned_at = row->returned_at;
    returned.via = (Motcua__V1__ReturnMethod) row->return_method;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = row->returned_at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED;
    event.dossier_returned = &returned;
    return processing_emit (db, &event, row->dossier_code, actor);
}

//  The dossier has ended (decided, withdrawn or closed): tell the others,
//  with the legal due time that judges its timeliness.
int
processing_emit_resolved (db_t *db, const work_row_t *row, const char *actor)
{
    Motcua__V1__DossierResolved resolved = MOTCUA__V1__DOSSIER_RESOLVED__INIT;
    resolved.dossier_code = (char *) row->dossier_code;
    resolved.outcome = (Motcua__V1__Outcome) row->outcome;
    resolved.reason = (char *) row->reason;
    resolved.resolved_at = row->resolved_at;
    resolved.due_at = row->legal_due_at;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = row->resolved_at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED;
    event.dossier_resolved = &resolved;
    return processing_emit (db, &event, row->dossier_code, actor);
}

//  Record a due-time change in the ledger and tell reporting.
int
processing_emit_due_change (db_t *db, work_row_t *row, int64_t previous, const clock_change_t *change,
                   bool appointment_only, const char *actor)
{
    if (appointment_only)
        row->due_at = change->due_at;
    else
        row->legal_due_at = row->due_at = change->due_at;
    Motcua__V1__DueTimeChanged changed = MOTCUA__V1__DUE_TIME_CHANGED__INIT;
    changed.dossier_code = row->dossier_code;
    changed.due_at = change->due_at;
    changed.previous_due_at = previous;
    changed.rule = (char *) change->rule;
    changed.reason = (char *) change->reason;
    changed.appointment_only = appointment_only;
    changed.changed_at = vn_now_ms ();
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = changed.changed_at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DUE_TIME_CHANGED;
    event.due_time_changed = &changed;
    return processing_store_due_change (db, row->dossier_code, previous, change->due_at,
                                        appointment_only, change->rule, change->reason, actor)
        || processing_emit (db, &event, row->dossier_code, actor) ? -1 : 0;
}

//  The row's rule set and its agency's working-time rules.
rules_id_t
processing_rules (service_t *service, const work_row_t *row, worktime_rules_t *rules)
{
    service_rules (service, row->office_hours, rules);
    return rule_set_of (row->rule_set);
}

//  Load the command's dossier, locked. 0 or -1 with error.
int
processing_load (db_t *db, const char *code, work_row_t *row, api_error_t *error)
{
    int found = processing_store_load (db, code, row);
    if (found < 0)
        return api_db_fail (error, db_error (db));
    if (!found)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                         "no dossier %s in processing", code);
    return 0;
}

zchunk_t *
processing_packed_item (work_row_t *row)
{
    Motcua__V1__WorkItem item = MOTCUA__V1__WORK_ITEM__INIT;
    processing_row_to_pb (row, &item);
    return api_pack (&item.base);
}


//  Run a command once per key; the work item it answers, or NULL.
Motcua__V1__WorkItem *
processing_run (service_t *service, const char *key, idempotent_fn *work, void *context, api_error_t *error)
{
    zchunk_t *body = service_run_once (service, key, work, context, error);
    if (!body)
        return NULL;
    Motcua__V1__WorkItem *item = motcua__v1__work_item__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return item;
}
