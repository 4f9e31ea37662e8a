/*  processing_steps — steps, hand-overs, result, routing and the sheet of
    a dossier in processing. See processing_steps.h.                        */
#include "processing_steps.h"
#include "log.h"
#include "process_step.h"
#include "vntime.h"

#define INVALID      MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define PRECONDITION MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION
#define RECEPTION    "Bộ phận tiếp nhận và trả kết quả"

typedef struct {
    service_t *service;
    const principal_t *who;
    const Motcua__V1__ProcessingRequest *request;
    const char *code;
} step_command_t;

static limit_unit_t
s_unit (const work_row_t *row)
{
    limit_unit_t unit = LIMIT_WORKING_DAYS;
    limit_unit_parse (row->time_limit_unit, &unit);
    return unit;
}

//  Start step at `at`: its due time from its quota. 0 or -1.
static int
s_start_step (service_t *service, const work_row_t *row, step_row_t *step, int64_t at)
{
    worktime_rules_t rules;
    processing_rules (service, row, &rules);
    step->started_at = at;
    step->due_at = process_step_due (&rules, s_unit (row), at, step->quota_hours);
    return processing_sheet_save_step (service_db (service), row->dossier_code, step)
        || processing_sheet_set_position (service_db (service), row->dossier_code, step->position) ? -1 : 0;
}

//  End step at `at` and record the line of the control sheet. 0 or -1.
static int
s_end_step (service_t *service, const work_row_t *row, step_row_t *step, int64_t at, const char *giver,
            const char *receiver, const char *receiver_division, const char *note)
{
    db_t *db = service_db (service);
    step->ended_at = at;
    snprintf (step->result, sizeof step->result, "%s",
              timeliness_name (process_step_result (step->due_at, at)));
    Motcua__V1__DossierHandedOver line = MOTCUA__V1__DOSSIER_HANDED_OVER__INIT;
    line.dossier_code = (char *) row->dossier_code;
    line.position = step->position;
    line.step_name = step->name;
    line.giver = (char *) giver;
    line.giver_division = step->division;
    line.receiver = (char *) receiver;
    line.receiver_division = (char *) receiver_division;
    line.at = at;
    line.step_due_at = step->due_at;
    line.result = step->result;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = at;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_HANDED_OVER;
    event.dossier_handed_over = &line;
    return processing_sheet_save_step (db, row->dossier_code, step)
        || processing_sheet_add_handover (db, &line, note)
        || processing_emit (db, &event, row->dossier_code, giver) ? -1 : 0;
}

int
processing_steps_enqueue (service_t *service, const Motcua__V1__DossierReceived *received)
{
    db_t *db = service_db (service);
    int count = processing_sheet_enqueue (db, received);
    if (count <= 0)
        return count;           //  a repeat delivery, or no process recorded
    work_row_t row;
    step_row_t *steps = NULL;
    api_error_t error = { 0 };
    if (processing_load (db, received->dossier_code, &row, &error)
    ||  processing_sheet_steps (db, received->dossier_code, &steps) < 1) {
        free (steps);
        return -1;
    }
    int rc = s_start_step (service, &row, &steps [0], received->received_at);
    free (steps);
    return rc;
}

int
processing_steps_shift (service_t *service, const work_row_t *row, int64_t old_due, int64_t new_due)
{
    work_extra_t extra;
    step_row_t *steps = NULL;
    db_t *db = service_db (service);
    int count = processing_sheet_steps (db, row->dossier_code, &steps);
    int rc = count < 0 || processing_sheet_extra (db, row->dossier_code, &extra) < 0 ? -1 : 0;
    if (rc == 0 && extra.step_position >= 1 && extra.step_position <= count) {
        step_row_t *step = &steps [extra.step_position - 1];
        worktime_rules_t rules;
        processing_rules (service, row, &rules);
        if (!step->ended_at && step->due_at) {
            step->due_at = process_step_shift (&rules, s_unit (row), step->due_at, old_due, new_due);
            rc = processing_sheet_save_step (db, row->dossier_code, step);
        }
    }
    free (steps);
    return rc;
}

int
processing_steps_finish (service_t *service, const work_row_t *row, const char *actor)
{
    work_extra_t extra;
    step_row_t *steps = NULL;
    db_t *db = service_db (service);
    int count = processing_sheet_steps (db, row->dossier_code, &steps);
    int rc = count < 0 || processing_sheet_extra (db, row->dossier_code, &extra) < 0 ? -1 : 0;
    if (rc == 0 && extra.step_position >= 1 && extra.step_position <= count
    &&  !steps [extra.step_position - 1].ended_at)
        rc = s_end_step (service, row, &steps [extra.step_position - 1], row->resolved_at, actor, RECEPTION,
                         *extra.receiving_agency ? extra.receiving_agency : row->agency_code,
                         "Trả kết quả về nơi tiếp nhận hồ sơ");
    free (steps);
    return rc;
}

int
processing_steps_require_result (db_t *db, const work_row_t *row, api_error_t *error)
{
    work_extra_t extra;
    if (processing_sheet_extra (db, row->dossier_code, &extra) < 0)
        return api_db_fail (error, db_error (db));
    char why [400];
    if (row->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED && !*extra.result_kind)
        return api_fail (error, PRECONDITION, "dossier_code", "%s",
                         result_missing_text (why, sizeof why, row->dossier_code, row->status, row->rule_set));
    return 0;
}

//  Load the command's dossier and check the caller may act on it for its
//  competent body (or, routing it, for the centre that took it in).
static int
s_load (step_command_t *command, work_row_t *row, work_extra_t *extra, const char *what, api_error_t *error)
{
    db_t *db = service_db (command->service);
    if (processing_load (db, command->code, row, error))
        return -1;
    if (processing_sheet_extra (db, command->code, extra) < 0)
        return api_db_fail (error, db_error (db));
    bool routing = command->request->body_case == MOTCUA__V1__PROCESSING_REQUEST__BODY_ROUTE;
    return service_allow_dossier (command->service, command->who, command->code, row->procedure_code,
                                  routing ? extra->receiving_agency : row->agency_code, what, error);
}

static zchunk_t *
s_hand_over (void *context, api_error_t *error)
{
    step_command_t *command = (step_command_t *) context;
    const Motcua__V1__HandOver *req = command->request->hand_over;
    db_t *db = service_db (command->service);
    work_row_t row;
    work_extra_t extra;
    if (s_load (command, &row, &extra, "hand dossiers over", error))
        return NULL;
    if (*extra.receiving_agency && !extra.routed_at) {
        api_fail (error, PRECONDITION, "dossier_code",
                  "dossier %s is %s (rules of %s): taken in at %s, it must be routed to %s first",
                  row.dossier_code, row.status, row.rule_set, extra.receiving_agency, row.agency_code);
        return NULL;
    }
    step_row_t *steps = NULL;
    int count = processing_sheet_steps (db, row.dossier_code, &steps);
    zchunk_t *answer = NULL;
    int at = extra.step_position;
    if (count < 0)
        api_db_fail (error, db_error (db));
    else
    if (at < 1 || at > count)
        api_fail (error, PRECONDITION, "dossier_code",
                  "dossier %s is %s (rules of %s) and has no internal process recorded",
                  row.dossier_code, row.status, row.rule_set);
    else
    if (at == count)
        api_fail (error, PRECONDITION, "dossier_code",
                  "dossier %s is %s (rules of %s) at its last step (%s): resolve it",
                  row.dossier_code, row.status, row.rule_set, steps [at - 1].name);
    else
    if (!streq (req->to_division, steps [at].division))
        api_fail (error, INVALID, "to_division", "the next step of %s (%s) belongs to division %s, not '%s'",
                  row.dossier_code, steps [at].name, steps [at].division, req->to_division);
    else {
        int64_t now = vn_now_ms ();
        if (processing_move (db, &row, ACTION_HAND_OVER, command->who->name, command->who->role, error) == 0
        &&  s_end_step (command->service, &row, &steps [at - 1], now, command->who->name,
                        *req->receiver ? req->receiver : steps [at].division, steps [at].division, req->note) == 0
        &&  s_start_step (command->service, &row, &steps [at], now) == 0) {
            log_info ("%s: step %d (%s) handed to %s, %s", row.dossier_code, at, steps [at - 1].name,
                      steps [at].division, steps [at - 1].result);
            answer = processing_packed_item (&row);
        }
        else
        if (!error->code)
            api_db_fail (error, db_error (db));
    }
    free (steps);
    return answer;
}

static zchunk_t *
s_attach (void *context, api_error_t *error)
{
    step_command_t *command = (step_command_t *) context;
    const Motcua__V1__AttachResult *req = command->request->attach_result;
    db_t *db = service_db (command->service);
    char sha [SHA256_HEX_LEN + 1] = "";
    bool document = streq (req->kind, "document");
    if (result_kind_check (req->kind)) {
        api_fail (error, INVALID, "kind", "kind must be document, certificate, banner or medal");
        return NULL;
    }
    if ((document || *req->sha256) && result_sha256_normalise (req->sha256, sha)) {
        api_fail (error, INVALID, "sha256", "a digitised result needs its SHA-256: 64 hexadecimal digits");
        return NULL;
    }
    if (document && !*req->reference) {
        api_fail (error, INVALID, "reference", "a digitised result needs its reference (number or location)");
        return NULL;
    }
    work_row_t row;
    work_extra_t extra;
    if (s_load (command, &row, &extra, "attach results", error)
    ||  processing_move (db, &row, ACTION_ATTACH_RESULT, command->who->name, command->who->role, error))
        return NULL;
    int64_t now = vn_now_ms ();
    Motcua__V1__ResultAttached attached = MOTCUA__V1__RESULT_ATTACHED__INIT;
    attached.dossier_code = row.dossier_code;
    attached.kind = req->kind;
    attached.reference = req->reference;
    attached.sha256 = sha;
    attached.attached_at = now;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = now;
    event.body_case = MOTCUA__V1__EVENT__BODY_RESULT_ATTACHED;
    event.result_attached = &attached;
    if (processing_sheet_set_result (db, row.dossier_code, req->kind, req->reference, *sha ? sha : NULL,
                                     req->note, now)
    ||  processing_emit (db, &event, row.dossier_code, command->who->name)) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    Motcua__V1__WorkItem item = MOTCUA__V1__WORK_ITEM__INIT;
    processing_row_to_pb (&row, &item);
    item.result_kind = req->kind;
    item.result_reference = req->reference;
    item.result_sha256 = sha;
    item.result_attached_at = now;
    return api_pack (&item.base);
}

static zchunk_t *
s_route (void *context, api_error_t *error)
{
    step_command_t *command = (step_command_t *) context;
    db_t *db = service_db (command->service);
    work_row_t row;
    work_extra_t extra;
    if (s_load (command, &row, &extra, "route dossiers", error))
        return NULL;
    if (!*extra.receiving_agency) {
        api_fail (error, PRECONDITION, "dossier_code",
                  "dossier %s is %s (rules of %s): taken in by the competent body %s, it has nowhere to go",
                  row.dossier_code, row.status, row.rule_set, row.agency_code);
        return NULL;
    }
    if (extra.routed_at) {
        char when [40];
        api_fail (error, PRECONDITION, "dossier_code", "dossier %s is %s (rules of %s): routed already at %s",
                  row.dossier_code, row.status, row.rule_set, vn_format_form (extra.routed_at, when, sizeof when));
        return NULL;
    }
    if (processing_move (db, &row, ACTION_ROUTE, command->who->name, command->who->role, error))
        return NULL;
    int64_t now = vn_now_ms ();
    Motcua__V1__DossierRouted routed = MOTCUA__V1__DOSSIER_ROUTED__INIT;
    routed.dossier_code = row.dossier_code;
    routed.receiving_agency = extra.receiving_agency;
    routed.competent_agency = row.agency_code;
    routed.routed_at = now;
    routed.route_by = extra.route_by;
    routed.late = extra.route_by && now > extra.route_by;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = now;
    event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_ROUTED;
    event.dossier_routed = &routed;
    if (processing_sheet_set_routed (db, row.dossier_code, now, command->who->name)
    ||  processing_emit (db, &event, row.dossier_code, command->who->name)) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    log_info ("%s routed from %s to %s%s", row.dossier_code, extra.receiving_agency, row.agency_code,
              routed.late ? " (late)" : "");
    return processing_packed_item (&row);
}

//  Run one of the commands above through the idempotency ledger.
static void
s_command (step_command_t *command, const char *key, const char *code, idempotent_fn *work,
           Motcua__V1__ProcessingReply *reply, processing_steps_reply_t *keep, api_error_t *error)
{
    command->code = code;
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", code, 64, true))
        return;
    keep->item = processing_run (command->service, key, work, command, error);
    reply->body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_ITEM;
    reply->item = keep->item;
}

bool
processing_steps_handle (service_t *service, const principal_t *who, const Motcua__V1__ProcessingRequest *request,
                         Motcua__V1__ProcessingReply *reply, processing_steps_reply_t *keep, api_error_t *error)
{
    step_command_t command = { service, who, request, "" };
    switch (request->body_case) {
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_HAND_OVER: {
            const Motcua__V1__HandOver *req = request->hand_over;
            if (api_check_text (error, "to_division", req->to_division, 64, true)
            ||  api_check_text (error, "receiver", req->receiver, 200, false)
            ||  api_check_text (error, "note", req->note, 1000, false))
                return true;
            s_command (&command, req->idempotency_key, req->dossier_code, s_hand_over, reply, keep, error);
            return true;
        }
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_ATTACH_RESULT: {
            const Motcua__V1__AttachResult *req = request->attach_result;
            if (api_check_text (error, "reference", req->reference, 500, false)
            ||  api_check_text (error, "note", req->note, 1000, false))
                return true;
            s_command (&command, req->idempotency_key, req->dossier_code, s_attach, reply, keep, error);
            return true;
        }
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_ROUTE:
            s_command (&command, request->route->idempotency_key, request->route->dossier_code, s_route,
                       reply, keep, error);
            return true;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_SHEET: {
            const char *code = request->sheet->dossier_code;
            if (api_check_text (error, "dossier_code", code, 64, true))
                return true;
            int found = 0;
            keep->sheet = processing_sheet_new (service_db (service), code, &found);
            if (found < 0)
                api_db_fail (error, db_error (service_db (service)));
            else
            if (!found)
                api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                          "no dossier %s in processing", code);
            else {
                Motcua__V1__DossierSheet *sheet = processing_sheet_message (keep->sheet);
                if (service_allow_dossier (service, who, code, sheet->item ? sheet->item->procedure_code : "",
                                           sheet->agency_code, "read dossier sheets", error))
                    return true;
                reply->body_case = MOTCUA__V1__PROCESSING_REPLY__BODY_SHEET;
                reply->sheet = sheet;
            }
            return true;
        }
        default:
            return false;
    }
}

void
processing_steps_release (processing_steps_reply_t *keep)
{
    if (keep->item)
        motcua__v1__work_item__free_unpacked (keep->item, NULL);
    keep->item = NULL;
    processing_sheet_destroy (&keep->sheet);
}
