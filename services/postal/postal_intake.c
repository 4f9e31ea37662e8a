/*  postal_intake — postal intake (Decision 45/2016/QĐ-TTg art. 6-7): the
    postal worker fills in a Phiếu gửi hồ sơ for each dossier collected
    (`motcua post collect`), hands collected slips to the agency in a batch
    and signs the Biên bản giao nhận (`motcua post handover`); the receiving
    officer checks each dossier and signs (`motcua counter sign-batch`).
    That signing is the legal submission time: HandoverSigned goes to intake,
    which receives each complete dossier at that instant and refuses each
    incomplete one with its reason; its answers (PostalIntakeAnswered) come
    back here, so the batch shows receipt codes and appointments.          */
#include "postal_ops.h"
#include "postal_slip_store.h"
#include "audit.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID      MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define PRECONDITION MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION
#define MAX_FEE      1000000000000LL         //  đồng

static int
s_check_list (api_error_t *error, const char *field, char **items, size_t count, size_t max, bool required)
{
    if ((required && count == 0) || count > max)
        return api_fail (error, INVALID, field, "list %s1 to %zu item(s)", required ? "" : "0 or ", max);
    for (size_t i = 0; i < count; i++)
        if (api_check_text (error, field, items [i], 300, true))
            return -1;
        else
        if (strchr (items [i], '\x1f'))
            return api_fail (error, INVALID, field, "control characters are not allowed");
    return 0;
}

typedef struct {
    service_t *service;
    const principal_t *who;
    const void *req;
    int64_t batch_no;
} postal_command_t;

static zchunk_t *
s_collect (void *context, api_error_t *error)
{
    postal_command_t *command = (postal_command_t *) context;
    const Motcua__V1__CollectDossier *req = (const Motcua__V1__CollectDossier *) command->req;
    db_t *db = service_db (command->service);
    char name [512], agency [64], number [64];
    int found = postal_slip_procedure (db, req->procedure_code, name, sizeof name, agency, sizeof agency);
    if (api_found (error, found, db_error (db), "procedure_code",
                   "unknown procedure code '%s' (see `motcua catalog list`)", req->procedure_code))
        return NULL;
    if (service_allow_dossier (command->service, command->who, "", req->procedure_code, "",
                               "collect dossiers", error))
        return NULL;
    Motcua__V1__Slip slip = MOTCUA__V1__SLIP__INIT;
    int64_t now = vn_now_ms ();
    slip.slip_number = number;
    slip.procedure_code = req->procedure_code;
    slip.procedure_name = name;
    slip.agency_code = agency;
    slip.sender = req->sender;
    slip.n_components = req->n_components;
    slip.components = req->components;
    slip.return_method = req->return_method ? req->return_method : MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
    slip.postal_fee = req->postal_fee;
    slip.procedure_fee = req->procedure_fee;
    slip.place = *req->place ? req->place : (char *) "tại địa chỉ của người gửi";
    slip.collected_at = now - now % 1000;
    slip.collected_by = (char *) command->who->name;
    char change [600], fees [64];
    snprintf (fees, sizeof fees, "%lld+%lld", (long long) req->postal_fee, (long long) req->procedure_fee);
    if (postal_slip_insert (db, &slip))
        return NULL;
    audit_json (change, sizeof change, "slip", number, "procedure", req->procedure_code, "fees", fees, NULL);
    if (audit_change (db, "postal", command->who->name, command->who->role, "collect", number, NULL, change))
        return NULL;
    log_info ("slip %s collected by %s", number, command->who->name);
    return postal_slip_packed (db, number);
}

zchunk_t *
postal_collect (service_t *service, const principal_t *who, const Motcua__V1__CollectDossier *req,
                api_error_t *error)
{
    if (api_check_text (error, "procedure_code", req->procedure_code, 64, true))
        return NULL;
    if (!req->sender)
        return api_fail (error, INVALID, "sender", "the sender is required"), NULL;
    if (api_check_text (error, "sender.name", req->sender->name, 200, true)
    ||  api_check_identity (error, "sender.id_number", req->sender->id_number, true)
    ||  api_check_phone (error, "sender.phone", req->sender->phone, false)
    ||  api_check_text (error, "sender.address", req->sender->address, 500, true)
    ||  api_check_text (error, "place", req->place, 300, false)
    ||  s_check_list (error, "components", req->components, req->n_components, 50, true))
        return NULL;
    if (req->postal_fee < 0 || req->postal_fee > MAX_FEE)
        return api_fail (error, INVALID, "postal_fee", "a fee is 0 to %lld đồng", MAX_FEE), NULL;
    if (req->procedure_fee < 0 || req->procedure_fee > MAX_FEE)
        return api_fail (error, INVALID, "procedure_fee", "a fee is 0 to %lld đồng", MAX_FEE), NULL;
    if (req->return_method > MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL)
        return api_fail (error, INVALID, "return_method", "unknown return method %d", req->return_method), NULL;
    postal_command_t command = { service, who, req, 0 };
    return service_run_once (service, req->idempotency_key, s_collect, &command, error);
}

static zchunk_t *
s_hand_over (void *context, api_error_t *error)
{
    postal_command_t *command = (postal_command_t *) context;
    const Motcua__V1__HandOverSlips *req = (const Motcua__V1__HandOverSlips *) command->req;
    db_t *db = service_db (command->service);
    int64_t now = vn_now_ms ();
    int64_t batch_no = postal_batch_create (db, "intake", command->who->name, now - now % 1000);
    if (batch_no < 0)
        return NULL;
    int moved = postal_batch_attach (db, batch_no, req->slip_numbers, req->n_slip_numbers);
    if (moved < 0)
        return NULL;
    if ((size_t) moved != req->n_slip_numbers) {
        api_fail (error, PRECONDITION, "slip_numbers",
                  "%zu of the %zu slips are unknown, listed twice or already handed over",
                  req->n_slip_numbers - (size_t) moved, req->n_slip_numbers);
        return NULL;
    }
    char record [32], change [160];
    snprintf (record, sizeof record, "BBGN-%lld", (long long) batch_no);
    audit_json (change, sizeof change, "kind", "intake", "signed_by", command->who->name, NULL);
    if (audit_change (db, "postal", command->who->name, command->who->role, "hand over", record, NULL, change))
        return NULL;
    bool found;
    return postal_batch_packed (db, batch_no, &found);
}

zchunk_t *
postal_hand_over (service_t *service, const principal_t *who, const Motcua__V1__HandOverSlips *req,
                  api_error_t *error)
{
    if (s_check_list (error, "slip_numbers", req->slip_numbers, req->n_slip_numbers, 100, true))
        return NULL;
    postal_command_t command = { service, who, req, 0 };
    return service_run_once (service, req->idempotency_key, s_hand_over, &command, error);
}

//  The receiving officer's signature on an intake record: completeness of
//  each slip, then HandoverSigned to intake. 0 or -1.
static int
s_intake_signed (postal_command_t *command, int64_t at, api_error_t *error)
{
    const Motcua__V1__SignBatch *req = (const Motcua__V1__SignBatch *) command->req;
    db_t *db = service_db (command->service);
    Motcua__V1__HandoverSigned signed_event = MOTCUA__V1__HANDOVER_SIGNED__INIT;
    for (size_t i = 0; i < req->n_incomplete; i++)
        if (postal_slip_judge (db, command->batch_no, req->incomplete [i]->slip_number, false,
                               req->incomplete [i]->reason))
            return -1;
    if (postal_batch_slips (db, command->batch_no, &signed_event))
        return -1;
    int rc = 0;
    for (size_t i = 0; i < req->n_incomplete && !rc; i++) {
        bool listed = false;
        for (size_t s = 0; s < signed_event.n_slips; s++)
            listed = listed || streq (signed_event.slips [s]->slip_number, req->incomplete [i]->slip_number);
        if (!listed)
            rc = api_fail (error, INVALID, "incomplete", "slip %s is not in hand-over record %lld",
                           req->incomplete [i]->slip_number, (long long) command->batch_no);
    }
    for (size_t s = 0; s < signed_event.n_slips && !rc; s++) {
        Motcua__V1__PostalSlip *slip = signed_event.slips [s];
        slip->complete = !*slip->reason;
        if (slip->complete && postal_slip_judge (db, command->batch_no, slip->slip_number, true, ""))
            rc = -1;
        else
        if (service_allow_dossier (command->service, command->who, "", slip->procedure_code, "",
                                   "receive postal dossiers", error))
            rc = -1;
    }
    if (!rc) {
        char record [32];
        snprintf (record, sizeof record, "BBGN-%lld", (long long) command->batch_no);
        signed_event.batch_no = command->batch_no;
        signed_event.signed_at = at;
        signed_event.officer = (char *) command->who->name;
        signed_event.officer_role = (char *) command->who->role;
        batch_row_t batch;
        rc = postal_batch_load (db, command->batch_no, &batch) == 1 ? 0 : -1;
        signed_event.postal_worker = batch.created_by;
        Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
        event.occurred_at = at;
        event.actor = (char *) command->who->name;
        event.dossier_code = record;
        event.body_case = MOTCUA__V1__EVENT__BODY_HANDOVER_SIGNED;
        event.handover_signed = &signed_event;
        rc = rc || outbox_append (db, "postal", "postal", &event);
    }
    postal_batch_slips_free (&signed_event);
    return rc;
}

static zchunk_t *
s_sign (void *context, api_error_t *error)
{
    postal_command_t *command = (postal_command_t *) context;
    db_t *db = service_db (command->service);
    batch_row_t batch;
    int found = postal_batch_load (db, command->batch_no, &batch);
    if (found < 0) {
        api_db_fail (error, db_error (db));
        return NULL;
    }
    if (*batch.signed_by) {
        char at [40];
        api_fail (error, PRECONDITION, "batch_no", "hand-over record %lld is already signed by %s at %s",
                  (long long) command->batch_no, batch.signed_by, vn_format_form (batch.signed_at, at, sizeof at));
        return NULL;
    }
    int64_t now = vn_now_ms ();
    if (streq (batch.kind, "intake"))
        now -= now % 1000;              //  the receipt time shows whole seconds
    if (postal_batch_sign (db, command->batch_no, command->who->name, now)
    ||  (streq (batch.kind, "intake") ? s_intake_signed (command, now, error)
                                      : postal_return_signed (command->service, command->who,
                                                              command->batch_no, now, error)))
        return NULL;
    char record [32], change [160];
    snprintf (record, sizeof record, "BBGN-%lld", (long long) command->batch_no);
    audit_json (change, sizeof change, "kind", batch.kind, "signed_by", command->who->name, NULL);
    if (audit_change (db, "postal", command->who->name, command->who->role, "sign hand-over", record,
                      "{\"signed_by\":\"\"}", change))
        return NULL;
    log_info ("hand-over record %lld (%s) signed by %s", (long long) command->batch_no, batch.kind,
              command->who->name);
    return postal_batch_packed (db, command->batch_no, &(bool) { false });
}

zchunk_t *
postal_sign (service_t *service, const principal_t *who, const Motcua__V1__SignBatch *req,
             api_error_t *error)
{
    for (size_t i = 0; i < req->n_incomplete; i++)
        if (api_check_text (error, "incomplete.slip_number", req->incomplete [i]->slip_number, 64, true)
        ||  api_check_text (error, "incomplete.reason", req->incomplete [i]->reason, 1000, true))
            return NULL;
    batch_row_t batch;
    int found = postal_batch_load (service_db (service), req->batch_no, &batch);
    if (found < 0)
        return api_db_fail (error, db_error (service_db (service))), NULL;
    if (!found)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "batch_no",
                         "no hand-over record %lld", (long long) req->batch_no), NULL;
    //  Each record is signed by the side that did not draw it up.
    bool intake = streq (batch.kind, "intake");
    if (service_allow_when (service, who, "sign", intake ? POSTAL_SIGN_INTAKE : POSTAL_SIGN_RETURN, error))
        return NULL;
    if (!intake && req->n_incomplete)
        return api_fail (error, INVALID, "incomplete", "a return record lists results, not incomplete dossiers"), NULL;
    postal_command_t command = { service, who, req, req->batch_no };
    return service_run_once (service, req->idempotency_key, s_sign, &command, error);
}

zchunk_t *
postal_show_batch (service_t *service, const Motcua__V1__ShowBatch *req, api_error_t *error)
{
    bool found = false;
    zchunk_t *body = postal_batch_packed (service_db (service), req->batch_no, &found);
    if (!body && found)
        api_db_fail (error, db_error (service_db (service)));
    else
    if (!body && !db_is_up (service_db (service)))
        api_db_fail (error, db_error (service_db (service)));
    else
    if (!body)
        api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "batch_no",
                  "no hand-over record %lld", (long long) req->batch_no);
    return body;
}

int
postal_intake_apply (service_t *service, const Motcua__V1__Event *event)
{
    const Motcua__V1__PostalIntakeAnswered *answer = event->postal_intake_answered;
    db_t *db = service_db (service);
    //  A received dossier's answer is kept under its code, naming the slip
    //  and record: from then on the dossier's trail shows its postal intake.
    bool refused = *answer->refusal_number != 0;
    char change [400], record [32];
    snprintf (record, sizeof record, "BBGN-%lld", (long long) answer->batch_no);
    audit_json (change, sizeof change, "slip", answer->slip_number, "record", record,
                "status", refused ? "refused" : "received",
                "answer", refused ? answer->refusal_number : answer->dossier_code, NULL);
    return postal_slip_answer (db, answer)
        || audit_change (db, "postal", event->actor, event->producer, "intake answer",
                         refused ? answer->slip_number : answer->dossier_code, NULL, change) ? -1 : 0;
}

int
postal_intake_audit (service_t *service, const char *dossier_code, Motcua__V1__AuditTrail *trail)
{
    db_t *db = service_db (service);
    const char *params [1] = { dossier_code };
    PGresult *result = db_query (db,
        "SELECT slip_number, coalesce (batch_no, 0) FROM postal.slip WHERE dossier_code = $1", 1, params);
    if (!result)
        return -1;
    int rc = 0;
    for (int r = 0; r < PQntuples (result) && !rc; r++) {
        char record [32];
        snprintf (record, sizeof record, "BBGN-%s", PQgetvalue (result, r, 1));
        rc = audit_trail (db, "postal", PQgetvalue (result, r, 0), trail)
          || audit_trail (db, "postal", record, trail);
    }
    PQclear (result);
    return rc;
}
