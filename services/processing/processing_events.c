/*  processing_events — what processing does with other services' events:
    a received dossier enters its division's queue; a supplement handed in
    resumes (2018) or restarts (2025) the clock; a withdrawal ends the
    dossier; a delivered shipment returns it. And, once a second, closing the
    2025 dossiers whose supplement did not come in time.                    */
#include "processing_moves.h"
#include "processing_steps.h"
#include "processing_postal.h"
#include "processing_import.h"
#include "audit.h"
#include "log.h"
#include "vntime.h"

//  Delivered by post: the result is back with the applicant.
static int
s_on_delivered (service_t *service, const Motcua__V1__ShipmentDelivered *delivered, const char *actor)
{
    db_t *db = service_db (service);
    work_row_t row;
    api_error_t error = { 0 };
    if (processing_load (db, delivered->dossier_code, &row, &error))
        return error.code == MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND ? 0 : -1;
    row.returned_at = delivered->delivered_at;
    if (processing_move (db, &row, ACTION_RETURN, actor, "postal", &error)) {
        if (error.code != MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION)
            return -1;
        log_warn ("shipment delivered for %s, which is %s: noted, no change", row.dossier_code, row.status);
        return 0;
    }
    return processing_emit_returned (db, &row, actor);
}

//  Load an event's dossier and make the move (with the event's reason, if
//  it has one: the move's audit row says why, not why the last move was);
//  an illegal move (a late or stale event) is noted, not an error. 1 moved,
//  0 nothing to do, -1 failure.
static int
s_event_move (service_t *service, const char *code, dossier_action_t action, const char *actor,
              const char *role, const char *reason, work_row_t *row)
{
    db_t *db = service_db (service);
    api_error_t error = { 0 };
    if (processing_load (db, code, row, &error))
        return error.code == MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND ? 0 : -1;
    if (reason)
        snprintf (row->reason, sizeof row->reason, "%s", reason);
    if (processing_move (db, row, action, actor, role, &error) == 0)
        return 1;
    if (error.code != MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION)
        return -1;
    log_warn ("%s: %s", code, error.message);
    return 0;
}

//  The supplement is in: the clock resumes (2018) or restarts (2025).
static int
s_on_supplied (service_t *service, const Motcua__V1__SupplementReceived *supplied, const char *actor)
{
    work_row_t row;
    int moved = s_event_move (service, supplied->dossier_code, ACTION_SUPPLEMENT_RECEIVED, actor, "counter",
                             NULL, &row);
    if (moved <= 0)
        return moved;
    worktime_rules_t rules;
    rules_id_t id = processing_rules (service, &row, &rules);
    limit_unit_t unit = LIMIT_WORKING_DAYS;
    limit_unit_parse (row.time_limit_unit, &unit);
    clock_change_t change;
    legal_clock_supplement (id, &rules, row.legal_due_at, row.supplement_requested_at,
                            supplied->received_at, row.time_limit_value, unit, &change);
    int64_t previous = row.legal_due_at;
    row.supplement_close_at = 0;
    return processing_emit_due_change (service_db (service), &row, previous, &change, false, actor)
        || processing_store_save (service_db (service), &row)
        || processing_steps_shift (service, &row, previous, change.due_at) ? -1 : 0;
}

//  Stopped at the applicant's request: it ends now, counted as resolved.
static int
s_on_withdrawn (service_t *service, const Motcua__V1__DossierWithdrawn *withdrawn, const char *actor)
{
    work_row_t row;
    int moved = s_event_move (service, withdrawn->dossier_code, ACTION_WITHDRAW, actor, "counter",
                              withdrawn->reason, &row);
    if (moved <= 0)
        return moved;
    row.outcome = MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN;
    row.resolved_at = withdrawn->withdrawn_at;
    return processing_store_save (service_db (service), &row)
        || processing_emit_resolved (service_db (service), &row, actor) ? -1 : 0;
}

//  Every second: close the dossiers whose supplement did not come in time.
void
processing_tick (service_t *service)
{
    db_t *db = service_db (service);
    if (!db_is_up (db) || db_begin (db))
        return;
    work_row_t *rows = NULL;
    int count = processing_store_overdue_supplements (db, vn_now_ms (), &rows);
    int rc = count < 0 ? -1 : 0;
    for (int i = 0; i < count && rc == 0; i++) {
        work_row_t *row = &rows [i];
        api_error_t error = { 0 };
        row->outcome = MOTCUA__V1__OUTCOME__OUTCOME_CLOSED;
        row->resolved_at = row->supplement_close_at;
        snprintf (row->reason, sizeof row->reason, "%s",
                  "Đóng hồ sơ: quá 15 ngày không hoàn thiện hồ sơ bổ sung (NĐ 118/2025 Điều 19.5)");
        rc = processing_move (db, row, ACTION_CLOSE, "processing", "service", &error)
          || processing_emit_resolved (db, row, "processing") ? -1 : 0;
        if (rc == 0)
            log_info ("closed %s: the supplement did not come by its close time", row->dossier_code);
    }
    free (rows);
    if (rc || db_commit (db))
        db_rollback (db);
    else
    if (count > 0)
        service_kick (service);
}

int
processing_apply (void *service_data, const Motcua__V1__Event *event)
{
    service_t *service = (service_t *) service_data;
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED: {
            const Motcua__V1__DossierReceived *received = event->dossier_received;
            char change [256];
            audit_json (change, sizeof change, "status", "received", "division", received->division, NULL);
            return processing_store_receive (service_db (service), received)
                || processing_steps_enqueue (service, received) < 0
                || audit_change (service_db (service), "processing", event->actor, event->producer, "enqueue",
                                 received->dossier_code, NULL, change) ? -1 : 0;
        }
        case MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED:
            return s_on_delivered (service, event->shipment_delivered, event->actor);
        case MOTCUA__V1__EVENT__BODY_SUPPLEMENT_RECEIVED:
            return s_on_supplied (service, event->supplement_received, event->actor);
        case MOTCUA__V1__EVENT__BODY_DOSSIER_WITHDRAWN:
            return s_on_withdrawn (service, event->dossier_withdrawn, event->actor);
        case MOTCUA__V1__EVENT__BODY_DOSSIER_IMPORTED:
            return processing_on_imported (service, event->dossier_imported, event->actor);
        default:
            return processing_postal_apply (service, event);   //  0 if not ours
    }
}

