/*  postal_slip_store — postal intake's SQL. See postal_slip_store.h.       */
#include "postal_slip_store.h"
#include "postal_store.h"
#include "postal_list.h"
#include "dossier_code.h"
#include "api.h"
#include "vntime.h"
#include "db_ms.h"
#include "db_rows.h"

#define SLIP_COLUMNS "slip_number, procedure_code, procedure_name, agency_code, sender_name," \
    " sender_id, phone, address, array_to_string (components, E'\\x1f'), return_method, postal_fee," \
    " procedure_fee, place, " DB_MS ("collected_at") ", collected_by, coalesce (batch_no, 0)," \
    " coalesce (complete, false), reason, coalesce (dossier_code, ''), " DB_MS ("received_at") ", " \
    DB_MS ("due_at") ", coalesce (refusal_number, ''), status," \
    " coalesce ((SELECT name FROM catalog.agency a WHERE a.code = agency_code), agency_code)"
#define MAX_COMPONENTS 64

static char *
s_num (int64_t value, char *buf, size_t size)
{
    snprintf (buf, size, "%lld", (long long) value);
    return buf;
}

int
postal_slip_procedure (db_t *db, const char *code, char *name, size_t name_size,
                       char *agency, size_t agency_size)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT name, agency_code FROM catalog.procedure_at (now ()) WHERE code = $1", 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    if (found) {
        snprintf (name, name_size, "%s", PQgetvalue (result, 0, 0));
        snprintf (agency, agency_size, "%s", PQgetvalue (result, 0, 1));
    }
    PQclear (result);
    return found;
}

int
postal_slip_insert (db_t *db, Motcua__V1__Slip *slip)
{
    char day [24], method [24], postal_fee [24], procedure_fee [24], collected [24];
    int day_key = dossier_code_day (slip->collected_at);
    const char *counter_params [1] = { s_num (day_key, day, sizeof day) };
    PGresult *result = db_query (db,
        "INSERT INTO postal.slip_counter (day, last) VALUES ($1, 1)"
        " ON CONFLICT (day) DO UPDATE SET last = postal.slip_counter.last + 1 RETURNING last",
        1, counter_params);
    if (!result)
        return -1;
    long sequence = atol (PQgetvalue (result, 0, 0));
    PQclear (result);
    if (dossier_code_format (slip->slip_number, 64, "PG", day_key, sequence))
        return -1;
    char *components = postal_join (slip->components, slip->n_components);
    const Motcua__V1__Applicant *s = slip->sender;
    const char *params [15] = {
        slip->slip_number, slip->procedure_code, slip->procedure_name, slip->agency_code,
        s->name, s->id_number, s->phone, s->address, components,
        s_num (slip->return_method, method, sizeof method),
        s_num (slip->postal_fee, postal_fee, sizeof postal_fee),
        s_num (slip->procedure_fee, procedure_fee, sizeof procedure_fee),
        slip->place, s_num (slip->collected_at, collected, sizeof collected), slip->collected_by
    };
    int rc = db_exec (db,
        "INSERT INTO postal.slip (slip_number, procedure_code, procedure_name, agency_code,"
        " sender_name, sender_id, phone, address, components, return_method, postal_fee,"
        " procedure_fee, place, collected_at, collected_by) VALUES ($1, $2, $3, $4, $5, $6, $7,"
        " $8, string_to_array ($9, E'\\x1f'), $10, $11, $12, $13, " DB_TS_OR_NULL (14) ", $15)", 15, params);
    free (components);
    return rc;
}

int64_t
postal_batch_create (db_t *db, const char *kind, const char *who, int64_t at)
{
    char when [24];
    const char *params [3] = { kind, who, s_num (at, when, sizeof when) };
    PGresult *result = db_query (db,
        "INSERT INTO postal.batch (kind, created_by, created_at) VALUES ($1, $2, " DB_TS_OR_NULL (3) ")"
        " RETURNING batch_no", 3, params);
    if (!result)
        return -1;
    int64_t batch_no = atoll (PQgetvalue (result, 0, 0));
    PQclear (result);
    return batch_no;
}

static void
s_read_batch (PGresult *result, int r, void *out)
{
    batch_row_t *row = (batch_row_t *) out;
    memset (row, 0, sizeof *row);
    snprintf (row->kind, sizeof row->kind, "%s", PQgetvalue (result, r, 0));
    snprintf (row->created_by, sizeof row->created_by, "%s", PQgetvalue (result, r, 1));
    snprintf (row->signed_by, sizeof row->signed_by, "%s", PQgetvalue (result, r, 2));
    row->created_at = atoll (PQgetvalue (result, r, 3));
    row->signed_at = atoll (PQgetvalue (result, r, 4));
}

int
postal_batch_load (db_t *db, int64_t batch_no, batch_row_t *row)
{
    char batch [24];
    const char *params [1] = { s_num (batch_no, batch, sizeof batch) };
    PGresult *result = db_query (db,
        "SELECT kind, created_by, coalesce (signed_by, ''), " DB_MS ("created_at") ", " DB_MS ("signed_at")
        " FROM postal.batch WHERE batch_no = $1 FOR UPDATE", 1, params);
    return db_rows_one (result, s_read_batch, row);
}

int
postal_batch_sign (db_t *db, int64_t batch_no, const char *who, int64_t at)
{
    char batch [24], when [24];
    const char *params [3] = { s_num (batch_no, batch, sizeof batch), who, s_num (at, when, sizeof when) };
    return db_exec (db,
        "UPDATE postal.batch SET signed_by = $2, signed_at = " DB_TS_OR_NULL (3) " WHERE batch_no = $1", 3, params);
}

int
postal_batch_attach (db_t *db, int64_t batch_no, char **slips, size_t count)
{
    char batch [24];
    char *joined = postal_join (slips, count);
    const char *params [2] = { s_num (batch_no, batch, sizeof batch), joined };
    PGresult *result = db_query (db,
        "UPDATE postal.slip SET batch_no = $1, status = 'handed_over'"
        " WHERE slip_number = ANY (string_to_array ($2, E'\\x1f')) AND status = 'collected'", 2, params);
    free (joined);
    if (!result)
        return -1;
    int moved = atoi (PQcmdTuples (result));
    PQclear (result);
    return moved;
}

int
postal_slip_judge (db_t *db, int64_t batch_no, const char *slip, bool complete, const char *reason)
{
    char batch [24];
    const char *params [4] = { s_num (batch_no, batch, sizeof batch), slip, complete ? "t" : "f", reason };
    return db_exec (db,
        "UPDATE postal.slip SET complete = $3, reason = $4 WHERE batch_no = $1 AND slip_number = $2",
        4, params);
}

int
postal_slip_answer (db_t *db, const Motcua__V1__PostalIntakeAnswered *a)
{
    char received [24], due [24];
    bool refused = *a->refusal_number != 0;
    const char *params [6] = { a->slip_number, refused ? NULL : a->dossier_code,
                               s_num (a->received_at, received, sizeof received),
                               s_num (a->due_at, due, sizeof due),
                               refused ? a->refusal_number : NULL, refused ? "refused" : "received" };
    return db_exec (db,
        "UPDATE postal.slip SET dossier_code = $2, received_at = " DB_TS_OR_NULL (3) ", due_at = " DB_TS_OR_NULL (4) ","
        " refusal_number = $5, status = $6 WHERE slip_number = $1", 6, params);
}

//  One slip of a result, pointing into it; the components are split from a copy.
typedef struct {
    Motcua__V1__Slip slip;
    Motcua__V1__Applicant sender;
    char *joined;
    char *components [MAX_COMPONENTS];
} slip_view_t;

static slip_view_t *
s_slip_view (PGresult *result, int r)
{
    slip_view_t *view = (slip_view_t *) calloc (1, sizeof *view);
    motcua__v1__slip__init (&view->slip);
    motcua__v1__applicant__init (&view->sender);
    Motcua__V1__Slip *s = &view->slip;
    s->slip_number = PQgetvalue (result, r, 0);
    s->procedure_code = PQgetvalue (result, r, 1);
    s->procedure_name = PQgetvalue (result, r, 2);
    s->agency_code = PQgetvalue (result, r, 3);
    view->sender.name = PQgetvalue (result, r, 4);
    view->sender.id_number = PQgetvalue (result, r, 5);
    view->sender.phone = PQgetvalue (result, r, 6);
    view->sender.address = PQgetvalue (result, r, 7);
    s->sender = &view->sender;
    view->joined = strdup (PQgetvalue (result, r, 8));
    s->n_components = postal_split (view->joined, view->components, MAX_COMPONENTS);
    s->components = view->components;
    s->return_method = (Motcua__V1__ReturnMethod) atoi (PQgetvalue (result, r, 9));
    s->postal_fee = atoll (PQgetvalue (result, r, 10));
    s->procedure_fee = atoll (PQgetvalue (result, r, 11));
    s->place = PQgetvalue (result, r, 12);
    s->collected_at = atoll (PQgetvalue (result, r, 13));
    s->collected_by = PQgetvalue (result, r, 14);
    s->batch_no = atoll (PQgetvalue (result, r, 15));
    s->complete = streq (PQgetvalue (result, r, 16), "t");
    s->reason = PQgetvalue (result, r, 17);
    s->dossier_code = PQgetvalue (result, r, 18);
    s->received_at = atoll (PQgetvalue (result, r, 19));
    s->due_at = atoll (PQgetvalue (result, r, 20));
    s->refusal_number = PQgetvalue (result, r, 21);
    s->status = PQgetvalue (result, r, 22);
    s->agency_name = PQgetvalue (result, r, 23);
    return view;
}

static void
s_slip_view_destroy (slip_view_t **view_p)
{
    if (*view_p) {
        free ((*view_p)->joined);
        free (*view_p);
        *view_p = NULL;
    }
}

static PGresult *
s_slips_of (db_t *db, const char *where, const char *value)
{
    char sql [1024];
    snprintf (sql, sizeof sql, "SELECT " SLIP_COLUMNS " FROM postal.slip WHERE %s = $1 ORDER BY slip_number", where);
    const char *params [1] = { value };
    return db_query (db, sql, 1, params);
}

zchunk_t *
postal_slip_packed (db_t *db, const char *slip_number)
{
    PGresult *result = s_slips_of (db, "slip_number", slip_number);
    if (!result || PQntuples (result) != 1) {
        if (result)
            PQclear (result);
        return NULL;
    }
    slip_view_t *view = s_slip_view (result, 0);
    zchunk_t *chunk = api_pack (&view->slip.base);
    s_slip_view_destroy (&view);
    PQclear (result);
    return chunk;
}

zchunk_t *
postal_batch_packed (db_t *db, int64_t batch_no, bool *found)
{
    batch_row_t row;
    *found = false;
    int loaded = postal_batch_load (db, batch_no, &row);
    if (loaded <= 0)
        return NULL;
    *found = true;
    Motcua__V1__Batch batch = MOTCUA__V1__BATCH__INIT;
    batch.batch_no = batch_no;
    batch.kind = row.kind;
    batch.created_by = row.created_by;
    batch.created_at = row.created_at;
    batch.signed_by = row.signed_by;
    batch.signed_at = row.signed_at;
    char number [24];
    PGresult *result = s_slips_of (db, "batch_no", s_num (batch_no, number, sizeof number));
    shipment_row_t *shipments = NULL;
    int n_shipments = postal_store_of_batch (db, batch_no, &shipments);
    if (!result || n_shipments < 0) {
        if (result)
            PQclear (result);
        free (shipments);
        return NULL;
    }
    //  Slips: the fees add up by construction (received + refused + waiting).
    batch.n_slips = (size_t) PQntuples (result);
    batch.slips = (Motcua__V1__Slip **) calloc (batch.n_slips + 1, sizeof (void *));
    slip_view_t **views = (slip_view_t **) calloc (batch.n_slips + 1, sizeof (void *));
    for (size_t i = 0; i < batch.n_slips; i++) {
        views [i] = s_slip_view (result, (int) i);
        Motcua__V1__Slip *s = batch.slips [i] = &views [i]->slip;
        batch.postal_fee_total += s->postal_fee;
        batch.procedure_fee_total += s->procedure_fee;
        if (streq (s->status, "received")) {
            batch.received++;
            batch.procedure_fee_received += s->procedure_fee;
        }
        else
        if (streq (s->status, "refused")) {
            batch.refused++;
            batch.procedure_fee_refused += s->procedure_fee;
        }
        else
            batch.waiting++;
    }
    batch.n_shipments = (size_t) n_shipments;
    batch.shipments = (Motcua__V1__Shipment **) calloc ((size_t) n_shipments + 1, sizeof (void *));
    Motcua__V1__Shipment *shipment_pbs = (Motcua__V1__Shipment *) calloc ((size_t) n_shipments + 1,
                                                                          sizeof (Motcua__V1__Shipment));
    for (int i = 0; i < n_shipments; i++) {
        motcua__v1__shipment__init (&shipment_pbs [i]);
        postal_row_to_pb (&shipments [i], &shipment_pbs [i]);
        batch.shipments [i] = &shipment_pbs [i];
        batch.postal_fee_total += shipments [i].postal_fee;
    }
    zchunk_t *chunk = api_pack (&batch.base);
    for (size_t i = 0; i < batch.n_slips; i++)
        s_slip_view_destroy (&views [i]);
    free (views);
    free (batch.slips);
    free (batch.shipments);
    free (shipment_pbs);
    free (shipments);
    PQclear (result);
    return chunk;
}

int
postal_batch_slips (db_t *db, int64_t batch_no, Motcua__V1__HandoverSigned *signed_event)
{
    char number [24];
    PGresult *result = s_slips_of (db, "batch_no", s_num (batch_no, number, sizeof number));
    if (!result)
        return -1;
    //  Deep copies: the event outlives the result.
    size_t count = (size_t) PQntuples (result);
    signed_event->n_slips = count;
    signed_event->slips = (Motcua__V1__PostalSlip **) calloc (count + 1, sizeof (void *));
    for (size_t i = 0; i < count; i++) {
        slip_view_t *view = s_slip_view (result, (int) i);
        Motcua__V1__PostalSlip *p = (Motcua__V1__PostalSlip *) calloc (1, sizeof *p);
        motcua__v1__postal_slip__init (p);
        Motcua__V1__Applicant *sender = (Motcua__V1__Applicant *) calloc (1, sizeof *sender);
        motcua__v1__applicant__init (sender);
        sender->name = strdup (view->sender.name);
        sender->id_number = strdup (view->sender.id_number);
        sender->phone = strdup (view->sender.phone);
        sender->address = strdup (view->sender.address);
        p->sender = sender;
        p->slip_number = strdup (view->slip.slip_number);
        p->procedure_code = strdup (view->slip.procedure_code);
        p->n_components = view->slip.n_components;
        p->components = (char **) calloc (p->n_components + 1, sizeof (char *));
        for (size_t c = 0; c < p->n_components; c++)
            p->components [c] = strdup (view->components [c]);
        p->return_method = view->slip.return_method;
        p->complete = view->slip.complete;
        p->reason = strdup (view->slip.reason);
        p->collected_at = view->slip.collected_at;
        p->collected_by = strdup (view->slip.collected_by);
        p->postal_fee = view->slip.postal_fee;
        p->procedure_fee = view->slip.procedure_fee;
        signed_event->slips [i] = p;
        s_slip_view_destroy (&view);
    }
    PQclear (result);
    return 0;
}

void
postal_batch_slips_free (Motcua__V1__HandoverSigned *signed_event)
{
    for (size_t i = 0; i < signed_event->n_slips; i++) {
        Motcua__V1__PostalSlip *p = signed_event->slips [i];
        free (p->sender->name); free (p->sender->id_number); free (p->sender->phone);
        free (p->sender->address); free (p->sender);
        free (p->slip_number); free (p->procedure_code); free (p->reason); free (p->collected_by);
        for (size_t c = 0; c < p->n_components; c++)
            free (p->components [c]);
        free (p->components);
        free (p);
    }
    free (signed_event->slips);
    signed_event->slips = NULL;
    signed_event->n_slips = 0;
}
