/*  postal_store — postal's SQL for shipments. See postal_store.h.           */
#include <czmq.h>
#include "postal_store.h"
#include "postal_list.h"
#include "db_rows.h"
#include "db_ms.h"

#define COLUMNS "shipment_id, dossier_code, recipient_name, recipient_id, phone, address, status, " \
                DB_MS ("created_at") ", " DB_MS ("delivered_at") ", route, with_appointment," \
                " coalesce (batch_no, 0), " DB_MS ("handed_at") ", " DB_MS ("deadline_at") ", " \
                DB_MS ("returned_at") ", postal_fee, note, array_to_string (originals, E'\\x1f')," \
                " array_to_string (items, E'\\x1f')," \
                " (SELECT count (*) FROM postal.attempt a WHERE a.shipment_id = s.shipment_id)," \
                " s.procedure_code, s.agency_code"

static void
s_read_row (PGresult *result, int r, void *out)
{
    shipment_row_t *row = (shipment_row_t *) out;
    memset (row, 0, sizeof *row);
    snprintf (row->shipment_id, sizeof row->shipment_id, "%s", PQgetvalue (result, r, 0));
    snprintf (row->dossier_code, sizeof row->dossier_code, "%s", PQgetvalue (result, r, 1));
    snprintf (row->name, sizeof row->name, "%s", PQgetvalue (result, r, 2));
    snprintf (row->id_number, sizeof row->id_number, "%s", PQgetvalue (result, r, 3));
    snprintf (row->phone, sizeof row->phone, "%s", PQgetvalue (result, r, 4));
    snprintf (row->address, sizeof row->address, "%s", PQgetvalue (result, r, 5));
    snprintf (row->status, sizeof row->status, "%s", PQgetvalue (result, r, 6));
    row->created_at = atoll (PQgetvalue (result, r, 7));
    row->delivered_at = atoll (PQgetvalue (result, r, 8));
    snprintf (row->route, sizeof row->route, "%s", PQgetvalue (result, r, 9));
    row->with_appointment = streq (PQgetvalue (result, r, 10), "t");
    row->batch_no = atoll (PQgetvalue (result, r, 11));
    row->handed_at = atoll (PQgetvalue (result, r, 12));
    row->deadline_at = atoll (PQgetvalue (result, r, 13));
    row->returned_at = atoll (PQgetvalue (result, r, 14));
    row->postal_fee = atoll (PQgetvalue (result, r, 15));
    snprintf (row->note, sizeof row->note, "%s", PQgetvalue (result, r, 16));
    snprintf (row->originals, sizeof row->originals, "%s", PQgetvalue (result, r, 17));
    snprintf (row->items, sizeof row->items, "%s", PQgetvalue (result, r, 18));
    row->invitations = atoi (PQgetvalue (result, r, 19));
    snprintf (row->procedure_code, sizeof row->procedure_code, "%s", PQgetvalue (result, r, 20));
    snprintf (row->agency_code, sizeof row->agency_code, "%s", PQgetvalue (result, r, 21));
}

void
postal_row_to_pb (shipment_row_t *row, Motcua__V1__Shipment *shipment)
{
    motcua__v1__applicant__init (&row->recipient);
    row->recipient.name = row->name;
    row->recipient.id_number = row->id_number;
    row->recipient.phone = row->phone;
    row->recipient.address = row->address;
    shipment->shipment_id = row->shipment_id;
    shipment->dossier_code = row->dossier_code;
    shipment->recipient = &row->recipient;
    shipment->status = row->status;
    shipment->created_at = row->created_at;
    shipment->delivered_at = row->delivered_at;
    shipment->route = row->route;
    shipment->with_appointment = row->with_appointment;
    shipment->batch_no = row->batch_no;
    shipment->handed_at = row->handed_at;
    shipment->deadline_at = row->deadline_at;
    shipment->returned_at = row->returned_at;
    shipment->postal_fee = row->postal_fee;
    shipment->invitations = row->invitations;
    shipment->note = row->note;
    shipment->n_originals = postal_split (row->originals, row->originals_v, POSTAL_LIST_MAX);
    shipment->originals = row->originals_v;
    shipment->n_items = postal_split (row->items, row->items_v, POSTAL_LIST_MAX);
    shipment->items = row->items_v;
}

//  Rows of a query into a new array. Count or -1.
static int
s_rows (PGresult *result, shipment_row_t **rows)
{
    int count;
    *rows = (shipment_row_t *) db_rows_all (result, sizeof **rows, s_read_row, &count);
    return count;
}

int
postal_store_create (db_t *db, const Motcua__V1__ResultReady *ready, shipment_row_t *row)
{
    const Motcua__V1__Applicant *r = ready->recipient;
    char shipment_id [80], created [24];
    snprintf (shipment_id, sizeof shipment_id, "BC-%s", ready->dossier_code);
    snprintf (created, sizeof created, "%lld", (long long) ready->ready_at);
    char outcome [16];
    snprintf (outcome, sizeof outcome, "%d", (int) ready->outcome);
    const char *params [11] = { shipment_id, ready->dossier_code, r ? r->name : "",
                                r ? r->id_number : "", r ? r->phone : "", r ? r->address : "", created,
                                ready->rule_set ? ready->rule_set : "", outcome,
                                ready->procedure_code ? ready->procedure_code : "",
                                ready->agency_code ? ready->agency_code : "" };
    PGresult *result = db_query (db,
        "INSERT INTO postal.shipment AS s (shipment_id, dossier_code, recipient_name, recipient_id,"
        " phone, address, status, created_at, rule_set, outcome, procedure_code, agency_code)"
        " VALUES ($1, $2, $3, $4, $5, $6, 'created',"
        " to_timestamp ($7::bigint / 1000.0), $8, $9, $10, $11) ON CONFLICT (dossier_code) DO NOTHING"
        " RETURNING " COLUMNS, 11, params);
    return db_rows_one (result, s_read_row, row);       //  1 if created now
}

int
postal_store_load (db_t *db, const char *dossier_code, shipment_row_t *row)
{
    const char *params [1] = { dossier_code };
    PGresult *result = db_query (db,
        "SELECT " COLUMNS " FROM postal.shipment s WHERE dossier_code = $1 FOR UPDATE", 1, params);
    return db_rows_one (result, s_read_row, row);
}

int
postal_store_delivered (db_t *db, const shipment_row_t *row)
{
    char delivered [24];
    snprintf (delivered, sizeof delivered, "%lld", (long long) row->delivered_at);
    const char *params [2] = { row->shipment_id, delivered };
    return db_exec (db,
        "UPDATE postal.shipment SET status = 'delivered',"
        " delivered_at = to_timestamp ($2::bigint / 1000.0) WHERE shipment_id = $1", 2, params);
}

int
postal_store_open (db_t *db, int64_t overdue_at, const auth_scope_t *scope, shipment_row_t **rows)
{
    char at [24], sql [1024], where [256];
    snprintf (at, sizeof at, "%lld", (long long) overdue_at);
    const char *params [3] = { at, scope->agency, scope->procedures };
    snprintf (sql, sizeof sql, "SELECT " COLUMNS " FROM postal.shipment s WHERE status NOT IN ('delivered', 'returned')"
              " AND ($1 = '0' OR deadline_at < " DB_TS_OR_NULL (1) ")%s ORDER BY created_at LIMIT 1000",
              auth_scope_sql (where, sizeof where, "s.agency_code", "s.procedure_code", 2));
    return s_rows (db_query (db, sql, 3, params), rows);
}

int
postal_store_of_batch (db_t *db, int64_t batch_no, shipment_row_t **rows)
{
    char batch [24];
    snprintf (batch, sizeof batch, "%lld", (long long) batch_no);
    const char *params [1] = { batch };
    return s_rows (db_query (db,
        "SELECT " COLUMNS " FROM postal.shipment s WHERE batch_no = $1 ORDER BY dossier_code",
        1, params), rows);
}

int
postal_store_update (db_t *db, const shipment_row_t *row, char **originals, size_t n_originals,
                     char **items, size_t n_items)
{
    char batch [24], handed [24], deadline [24], returned [24], delivered [24], fee [24];
    char *original_list = postal_join (originals, n_originals), *item_list = postal_join (items, n_items);
    snprintf (batch, sizeof batch, "%lld", (long long) row->batch_no);
    snprintf (handed, sizeof handed, "%lld", (long long) row->handed_at);
    snprintf (deadline, sizeof deadline, "%lld", (long long) row->deadline_at);
    snprintf (returned, sizeof returned, "%lld", (long long) row->returned_at);
    snprintf (delivered, sizeof delivered, "%lld", (long long) row->delivered_at);
    snprintf (fee, sizeof fee, "%lld", (long long) row->postal_fee);
    const char *params [13] = { row->shipment_id, row->status, row->route,
                                row->with_appointment ? "t" : "f", batch, handed, deadline,
                                returned, delivered, fee, row->note,
                                originals ? original_list : NULL, items ? item_list : NULL };
    int rc = db_exec (db,
        "UPDATE postal.shipment SET status = $2, route = $3, with_appointment = $4,"
        " batch_no = nullif ($5, '0')::bigint, handed_at = " DB_TS_OR_NULL (6) ", deadline_at = " DB_TS_OR_NULL (7) ","
        " returned_at = " DB_TS_OR_NULL (8) ", delivered_at = " DB_TS_OR_NULL (9) ", postal_fee = $10, note = $11,"
        " originals = coalesce (string_to_array ($12, E'\\x1f'), originals),"
        " items = coalesce (string_to_array ($13, E'\\x1f'), items)"
        " WHERE shipment_id = $1", 13, params);
    free (original_list);
    free (item_list);
    return rc;
}

int
postal_store_attempt (db_t *db, const char *shipment_id, int n, int64_t at, const char *actor,
                      const char *reason)
{
    char number [16], when [24];
    snprintf (number, sizeof number, "%d", n);
    snprintf (when, sizeof when, "%lld", (long long) at);
    const char *params [5] = { shipment_id, number, when, actor, reason };
    return db_exec (db,
        "INSERT INTO postal.attempt (shipment_id, n, at, actor, reason)"
        " VALUES ($1, $2, " DB_TS_OR_NULL (3) ", $4, $5)", 5, params);
}

int
postal_store_attempt_times (db_t *db, const char *shipment_id, int64_t *times, int max)
{
    const char *params [1] = { shipment_id };
    PGresult *result = db_query (db,
        "SELECT " DB_MS ("at") " FROM postal.attempt WHERE shipment_id = $1 ORDER BY n", 1, params);
    if (!result)
        return -1;
    int count = PQntuples (result) < max ? PQntuples (result) : max;
    for (int r = 0; r < count; r++)
        times [r] = atoll (PQgetvalue (result, r, 0));
    PQclear (result);
    return count;
}

int
postal_store_attached (db_t *db, const Motcua__V1__ResultAttached *attached)
{
    char at [24];
    snprintf (at, sizeof at, "%lld", (long long) attached->attached_at);
    const char *params [5] = { attached->dossier_code, attached->kind, attached->reference,
                               attached->sha256 ? attached->sha256 : "", at };
    return db_exec (db,
        "INSERT INTO postal.result AS r (dossier_code, kind, reference, sha256, attached_at)"
        " VALUES ($1, $2, $3, $4, " DB_TS_OR_NULL (5) ") ON CONFLICT (dossier_code) DO UPDATE"
        " SET kind = excluded.kind, reference = excluded.reference, sha256 = excluded.sha256,"
        " attached_at = excluded.attached_at WHERE r.attached_at <= excluded.attached_at", 5, params);
}

int
postal_store_result (db_t *db, const char *dossier_code, postal_result_t *result_out)
{
    memset (result_out, 0, sizeof *result_out);
    const char *params [1] = { dossier_code };
    PGresult *result = db_query (db,
        "SELECT s.rule_set, s.outcome, coalesce (r.kind, ''), coalesce (r.reference, '')"
        " FROM postal.shipment s LEFT JOIN postal.result r USING (dossier_code)"
        " WHERE s.dossier_code = $1", 1, params);
    if (!result)
        return -1;
    if (PQntuples (result) == 1) {
        snprintf (result_out->rule_set, sizeof result_out->rule_set, "%s", PQgetvalue (result, 0, 0));
        result_out->outcome = atoi (PQgetvalue (result, 0, 1));
        snprintf (result_out->kind, sizeof result_out->kind, "%s", PQgetvalue (result, 0, 2));
        snprintf (result_out->reference, sizeof result_out->reference, "%s", PQgetvalue (result, 0, 3));
    }
    PQclear (result);
    return *result_out->kind ? 1 : 0;
}
