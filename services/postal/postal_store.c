/*  postal_store — postal's SQL. See postal_store.h.                         */
#include <czmq.h>
#include "postal_store.h"

#define MS(col) "coalesce ((extract (epoch FROM " col ") * 1000)::bigint, 0)"
#define COLUMNS "shipment_id, dossier_code, recipient_name, recipient_id, phone, address, status, " \
                MS ("created_at") ", " MS ("delivered_at")

static void
s_read_row (PGresult *result, int r, shipment_row_t *row)
{
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
}

int
postal_store_create (db_t *db, const Motcua__V1__ResultReady *ready, shipment_row_t *row)
{
    const Motcua__V1__Applicant *r = ready->recipient;
    char shipment_id [80], created [24];
    snprintf (shipment_id, sizeof shipment_id, "BC-%s", ready->dossier_code);
    snprintf (created, sizeof created, "%lld", (long long) ready->ready_at);
    const char *params [7] = { shipment_id, ready->dossier_code, r ? r->name : "",
                               r ? r->id_number : "", r ? r->phone : "", r ? r->address : "", created };
    PGresult *result = db_query (db,
        "INSERT INTO postal.shipment (shipment_id, dossier_code, recipient_name, recipient_id,"
        " phone, address, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'created',"
        " to_timestamp ($7::bigint / 1000.0)) ON CONFLICT (dossier_code) DO NOTHING"
        " RETURNING " COLUMNS, 7, params);
    if (!result)
        return -1;
    int created_now = PQntuples (result) == 1;
    if (created_now)
        s_read_row (result, 0, row);
    PQclear (result);
    return created_now;
}

int
postal_store_load (db_t *db, const char *dossier_code, shipment_row_t *row)
{
    const char *params [1] = { dossier_code };
    PGresult *result = db_query (db,
        "SELECT " COLUMNS " FROM postal.shipment WHERE dossier_code = $1 FOR UPDATE", 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    if (found)
        s_read_row (result, 0, row);
    PQclear (result);
    return found;
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
postal_store_open (db_t *db, shipment_row_t **rows)
{
    PGresult *result = db_query (db,
        "SELECT " COLUMNS " FROM postal.shipment WHERE status = 'created'"
        " ORDER BY created_at LIMIT 1000", 0, NULL);
    if (!result)
        return -1;
    int count = PQntuples (result);
    *rows = (shipment_row_t *) calloc ((size_t) count + 1, sizeof (shipment_row_t));
    for (int r = 0; r < count; r++)
        s_read_row (result, r, &(*rows) [r]);
    PQclear (result);
    return count;
}
