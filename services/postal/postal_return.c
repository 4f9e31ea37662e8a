/*  postal_return — results back by public post (Decision 45/2016 art. 9-10,
    TT 17/2017 art. 5 and 7). The agency hands results to post in a batch
    (`motcua counter dispatch`: sender = agency, originals listed, physical
    items with kind and size); the postal worker signs it (`motcua post
    sign-batch`), which is J and fixes each shipment's J+n deadline by route.
    Then in transit, failed attempts each leaving an invitation, delivery on
    the recipient's ID, or — after two invitations two working days apart —
    back to the agency. Every move goes to reporting (ShipmentMoved).       */
#include "postal_ops.h"
#include "postal_slip_store.h"
#include "postal_deadline.h"
#include "process_step.h"
#include "audit.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

#define INVALID      MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define PRECONDITION MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION
#define MAX_ATTEMPTS 16

static int
s_may_move (const shipment_row_t *row, const char *to, api_error_t *error)
{
    const char *from_states;
    int allowed = postal_move_allowed (row->status, to, &from_states);
    if (allowed == -2)
        return api_fail (error, INVALID, "state", "unknown shipment state '%s' (in_transit, failed_attempt, returned)", to);
    if (allowed == -1)
        return api_fail (error, PRECONDITION, "dossier_code",
                         "the shipment of %s is %s: it cannot become %s (only from %s)",
                         row->dossier_code, row->status, to, from_states);
    return 0;
}

typedef struct {
    service_t *service;
    const principal_t *who;
    const void *req;
} return_command_t;

//  The shipment of a dossier, if the caller's grant covers the dossier (what:
//  the refusal's words). 0, or -1 with error set.
static int
s_load (return_command_t *command, const char *code, shipment_row_t *row, const char *what, api_error_t *error)
{
    db_t *db = service_db (command->service);
    int found = postal_store_load (db, code, row);
    if (found < 0)
        return api_db_fail (error, db_error (db));
    if (!found)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                         "no shipment for dossier %s (is its result ready, and going by post?)", code);
    return service_allow_dossier (command->service, command->who, code, row->procedure_code,
                                  row->agency_code, what, error);
}

int
postal_emit_moved (db_t *db, const shipment_row_t *row, const char *actor, int64_t at)
{
    Motcua__V1__ShipmentMoved moved = MOTCUA__V1__SHIPMENT_MOVED__INIT;
    moved.dossier_code = (char *) row->dossier_code;
    moved.shipment_id = (char *) row->shipment_id;
    moved.state = (char *) row->status;
    moved.at = at;
    moved.route = (char *) row->route;
    moved.deadline_at = row->deadline_at;
    moved.batch_no = row->batch_no;
    moved.note = (char *) row->note;
    moved.invitations = row->invitations;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = at;
    event.actor = (char *) actor;
    event.dossier_code = (char *) row->dossier_code;
    event.body_case = MOTCUA__V1__EVENT__BODY_SHIPMENT_MOVED;
    event.shipment_moved = &moved;
    return outbox_append (db, "postal", "postal", &event);
}

//  Write the row's new state with its audit row and event. 0 or -1.
static int
s_record (db_t *db, shipment_row_t *row, const char *action, const char *old_status, const principal_t *who,
          int64_t at, char **originals, size_t n_originals, char **items, size_t n_items, bool emit)
{
    char old_value [64], new_value [700];
    audit_json (old_value, sizeof old_value, "status", old_status, NULL);
    audit_json (new_value, sizeof new_value, "status", row->status, "route", row->route, "note", row->note, NULL);
    return postal_store_update (db, row, originals, n_originals, items, n_items)
        || audit_change (db, "postal", who->name, who->role, action, row->dossier_code, old_value, new_value)
        || (emit && postal_emit_moved (db, row, who->name, at)) ? -1 : 0;
}


static zchunk_t *
s_dispatch (void *context, api_error_t *error)
{
    return_command_t *command = (return_command_t *) context;
    const Motcua__V1__DispatchResults *req = (const Motcua__V1__DispatchResults *) command->req;
    db_t *db = service_db (command->service);
    int64_t now = vn_now_ms ();
    int64_t batch_no = postal_batch_create (db, "return", command->who->name, now - now % 1000);
    if (batch_no < 0)
        return NULL;
    for (size_t i = 0; i < req->n_results; i++) {
        const Motcua__V1__ResultToPost *result = req->results [i];
        shipment_row_t row;
        if (s_load (command, result->dossier_code, &row, "hand results to the post", error))
            return NULL;
        if (!streq (row.status, "created") || row.batch_no) {
            api_fail (error, PRECONDITION, "dossier_code", "the result of %s is already with the post (%s)",
                      row.dossier_code, row.status);
            return NULL;
        }
        //  The counter's rule holds by post too: an approved result goes
        //  once attached; a physical one flags the slip's item by default.
        postal_result_t attached;
        int has = postal_store_result (db, row.dossier_code, &attached);
        if (has < 0) {
            api_db_fail (error, db_error (db));
            return NULL;
        }
        if (!has && attached.outcome != MOTCUA__V1__OUTCOME__OUTCOME_REJECTED) {
            char why [400];
            api_fail (error, PRECONDITION, "dossier_code", "%s",
                      result_missing_text (why, sizeof why, row.dossier_code, "resolved", attached.rule_set));
            return NULL;
        }
        char item [64], *items [1] = { item };
        bool flagged = result->n_items == 0 && result_item_default (attached.kind, item, sizeof item) == 0;
        row.batch_no = batch_no;
        snprintf (row.route, sizeof row.route, "%s", result->route);
        row.with_appointment = result->with_appointment;
        row.postal_fee = result->postal_fee;
        if (s_record (db, &row, "dispatch", "created", command->who, now, result->originals, result->n_originals,
                      flagged ? items : result->items, flagged ? 1 : result->n_items, false))
            return NULL;
    }
    bool found;
    return postal_batch_packed (db, batch_no, &found);
}

zchunk_t *
postal_dispatch (service_t *service, const principal_t *who, const Motcua__V1__DispatchResults *req,
                 api_error_t *error)
{
    if (req->n_results == 0 || req->n_results > 100)
        return api_fail (error, INVALID, "results", "list 1 to 100 results"), NULL;
    for (size_t i = 0; i < req->n_results; i++) {
        const Motcua__V1__ResultToPost *r = req->results [i];
        postal_route_t route;
        if (api_check_text (error, "results.dossier_code", r->dossier_code, 64, true))
            return NULL;
        if (postal_route_parse (r->route, &route))
            return api_fail (error, INVALID, "results.route",
                             "unknown route '%s' (district, province, major_cities, inter_province)", r->route), NULL;
        if (r->postal_fee < 0 || r->postal_fee > 1000000000000LL)
            return api_fail (error, INVALID, "results.postal_fee", "a fee is 0 to 10^12 đồng"), NULL;
        if (r->n_originals > POSTAL_LIST_MAX || r->n_items > POSTAL_LIST_MAX)
            return api_fail (error, INVALID, "results.items", "at most %d originals and %d items",
                             POSTAL_LIST_MAX, POSTAL_LIST_MAX), NULL;
        for (size_t k = 0; k < r->n_originals; k++)
            if (api_check_text (error, "results.originals", r->originals [k], 100, true))
                return NULL;
        for (size_t k = 0; k < r->n_items; k++) {
            if (api_check_text (error, "results.items", r->items [k], 60, true))
                return NULL;
            const char *colon = strchr (r->items [k], ':');
            if (!colon || colon == r->items [k] || !colon [1])
                return api_fail (error, INVALID, "results.items",
                                 "a physical item is KIND:SIZE, e.g. certificate:A3 (got '%s')", r->items [k]), NULL;
        }
        for (size_t k = 0; k < r->n_originals + r->n_items; k++)
            if (strchr (k < r->n_originals ? r->originals [k] : r->items [k - r->n_originals], '\x1f'))
                return api_fail (error, INVALID, "results.items", "control characters are not allowed"), NULL;
    }
    return_command_t command = { service, who, req };
    return service_run_once (service, req->idempotency_key, s_dispatch, &command, error);
}

int
postal_return_signed (service_t *service, const principal_t *who, int64_t batch_no, int64_t at,
                      api_error_t *error)
{
    db_t *db = service_db (service);
    shipment_row_t *rows = NULL;
    int count = postal_store_of_batch (db, batch_no, &rows);
    if (count < 0)
        return api_db_fail (error, db_error (db));
    worktime_rules_t rules;
    service_rules (service, NULL, &rules);
    int rc = 0;
    for (int i = 0; i < count && !rc; i++) {
        shipment_row_t *row = &rows [i];
        postal_route_t route = POSTAL_ROUTE_DISTRICT;
        postal_route_parse (row->route, &route);
        snprintf (row->status, sizeof row->status, "handed_over");
        row->handed_at = at;
        row->deadline_at = postal_deadline (&rules, at, route, row->with_appointment);
        rc = s_record (db, row, "take", "created", who, at, NULL, 0, NULL, 0, true);
    }
    free (rows);
    return rc;
}

static zchunk_t *
s_move (void *context, api_error_t *error)
{
    return_command_t *command = (return_command_t *) context;
    const Motcua__V1__MoveShipment *req = (const Motcua__V1__MoveShipment *) command->req;
    db_t *db = service_db (command->service);
    shipment_row_t row;
    if (s_load (command, req->dossier_code, &row, "move shipments", error) || s_may_move (&row, req->state, error))
        return NULL;
    int64_t now = vn_now_ms ();
    char old_status [16];
    snprintf (old_status, sizeof old_status, "%s", row.status);
    snprintf (row.note, sizeof row.note, "%s", req->note);
    if (streq (req->state, "failed_attempt")) {
        if (row.invitations >= MAX_ATTEMPTS) {
            api_fail (error, PRECONDITION, "dossier_code", "%d attempts already: return it to the agency",
                      row.invitations);
            return NULL;
        }
        row.invitations++;
        if (postal_store_attempt (db, row.shipment_id, row.invitations, now, command->who->name, req->note))
            return NULL;
    }
    if (streq (req->state, "returned")) {
        int64_t times [MAX_ATTEMPTS];
        int n = postal_store_attempt_times (db, row.shipment_id, times, MAX_ATTEMPTS);
        char why [200];
        if (n < 0)
            return NULL;
        worktime_rules_t rules;
        service_rules (command->service, NULL, &rules);
        if (postal_may_return (&rules, times, (size_t) n, why, sizeof why)) {
            api_fail (error, PRECONDITION, "dossier_code", "the result of %s stays with the post: %s (TT 17/2017 art. 5.2.h)",
                      row.dossier_code, why);
            return NULL;
        }
        row.returned_at = now;
    }
    snprintf (row.status, sizeof row.status, "%s", req->state);
    if (s_record (db, &row, row.status, old_status, command->who, now, NULL, 0, NULL, 0, true))
        return NULL;
    log_info ("shipment of %s: %s → %s by %s", row.dossier_code, old_status, row.status, command->who->name);
    Motcua__V1__Shipment shipment = MOTCUA__V1__SHIPMENT__INIT;
    postal_row_to_pb (&row, &shipment);
    return api_pack (&shipment.base);
}

zchunk_t *
postal_move (service_t *service, const principal_t *who, const Motcua__V1__MoveShipment *req,
             api_error_t *error)
{
    if (api_check_text (error, "dossier_code", req->dossier_code, 64, true)
    ||  api_check_text (error, "state", req->state, 32, true)
    ||  api_check_text (error, "note", req->note, 500, streq (req->state, "failed_attempt")))
        return NULL;
    return_command_t command = { service, who, req };
    return service_run_once (service, req->idempotency_key, s_move, &command, error);
}

static zchunk_t *
s_deliver (void *context, api_error_t *error)
{
    return_command_t *command = (return_command_t *) context;
    const Motcua__V1__DeliverShipment *req = (const Motcua__V1__DeliverShipment *) command->req;
    db_t *db = service_db (command->service);
    shipment_row_t row;
    if (s_load (command, req->dossier_code, &row, "record deliveries", error) || s_may_move (&row, "delivered", error))
        return NULL;
    //  The recipient shows an ID (CCCD, passport): it must be the applicant's.
    if (!streq (row.id_number, req->recipient_id_number)) {
        api_fail (error, PRECONDITION, "recipient_id_number",
                  "the ID shown is not the applicant's: the result of %s is not handed over", row.dossier_code);
        return NULL;
    }
    char old_status [16];
    snprintf (old_status, sizeof old_status, "%s", row.status);
    row.delivered_at = vn_now_ms ();
    snprintf (row.status, sizeof row.status, "delivered");
    Motcua__V1__ShipmentDelivered delivered = MOTCUA__V1__SHIPMENT_DELIVERED__INIT;
    delivered.dossier_code = row.dossier_code;
    delivered.shipment_id = row.shipment_id;
    delivered.delivered_at = row.delivered_at;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = row.delivered_at;
    event.actor = (char *) command->who->name;
    event.dossier_code = row.dossier_code;
    event.body_case = MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED;
    event.shipment_delivered = &delivered;
    if (s_record (db, &row, "deliver", old_status, command->who, row.delivered_at, NULL, 0, NULL, 0, false)
    ||  outbox_append (db, "postal", "postal", &event))
        return NULL;
    log_info ("delivered %s by %s", row.dossier_code, command->who->name);
    Motcua__V1__Shipment shipment = MOTCUA__V1__SHIPMENT__INIT;
    postal_row_to_pb (&row, &shipment);
    return api_pack (&shipment.base);
}

zchunk_t *
postal_deliver (service_t *service, const principal_t *who, const Motcua__V1__DeliverShipment *req,
                api_error_t *error)
{
    if (api_check_text (error, "dossier_code", req->dossier_code, 64, true)
    ||  api_check_text (error, "recipient_id_number", req->recipient_id_number, 32, true))
        return NULL;
    return_command_t command = { service, who, req };
    return service_run_once (service, req->idempotency_key, s_deliver, &command, error);
}

zchunk_t *
postal_overdue (service_t *service, const principal_t *who, api_error_t *error)
{
    shipment_row_t *rows = NULL;
    auth_scope_t scope;
    auth_scope (who, &scope);
    int count = postal_store_open (service_db (service), vn_now_ms (), &scope, &rows);
    if (count < 0)
        return api_db_fail (error, db_error (service_db (service))), NULL;
    Motcua__V1__ShipmentList list = MOTCUA__V1__SHIPMENT_LIST__INIT;
    Motcua__V1__Shipment *shipments = (Motcua__V1__Shipment *) calloc ((size_t) count + 1, sizeof *shipments);
    list.shipments = (Motcua__V1__Shipment **) calloc ((size_t) count + 1, sizeof (void *));
    list.n_shipments = (size_t) count;
    for (int i = 0; i < count; i++) {
        motcua__v1__shipment__init (&shipments [i]);
        postal_row_to_pb (&rows [i], &shipments [i]);
        list.shipments [i] = &shipments [i];
    }
    zchunk_t *body = api_pack (&list.base);
    free (list.shipments);
    free (shipments);
    free (rows);
    return body;
}
