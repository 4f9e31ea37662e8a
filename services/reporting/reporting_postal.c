/*  reporting_postal — the postal road seen by reporting. See reporting_postal.h. */
#include <czmq.h>
#include "reporting_postal.h"
#include "postal_deadline.h"
#include "vntime.h"
#include "db_ms.h"


static char *
s_num (int64_t value, char *buf, size_t size)
{
    snprintf (buf, size, "%lld", (long long) value);
    return buf;
}

//  How far along a state is: a later stage wins over an earlier one, and
//  within a stage (in transit ⇄ failed attempt) the latest move wins.
#define RANK(col) "(CASE " col " WHEN 'created' THEN 0 WHEN 'handed_over' THEN 1" \
                  " WHEN 'delivered' THEN 3 WHEN 'returned' THEN 3 WHEN 'collected' THEN 4 ELSE 2 END)"

//  A shipment's facts: each column set once by the event that asserts it,
//  the state by stage and time (events may arrive in any order).
static int
s_merge_shipment (db_t *db, const char *code, const char *state, int64_t at, const char *route,
                  int64_t handed_at, int64_t deadline_at, int64_t delivered_at, int64_t returned_at,
                  int invitations)
{
    char a [24], h [24], d [24], v [24], r [24], n [16];
    const char *params [10] = { code, state, s_num (at, a, sizeof a), route,
                                s_num (handed_at, h, sizeof h), s_num (deadline_at, d, sizeof d),
                                s_num (delivered_at, v, sizeof v), s_num (returned_at, r, sizeof r),
                                s_num (invitations, n, sizeof n), NULL };
    return db_exec (db,
        "INSERT INTO reporting.postal_shipment AS s (dossier_code, state, state_at, route, handed_at,"
        " deadline_at, delivered_at, returned_at, invitations)"
        " VALUES ($1, $2, " DB_TS_OR_NULL (3) ", $4, " DB_TS_OR_NULL (5) ", " DB_TS_OR_NULL (6) ", " DB_TS_OR_NULL (7) ", " DB_TS_OR_NULL (8) ", $9)"
        " ON CONFLICT (dossier_code) DO UPDATE SET"
        " state = CASE WHEN " RANK ("EXCLUDED.state") " > " RANK ("s.state") " OR (" RANK ("EXCLUDED.state")
        " = " RANK ("s.state") " AND EXCLUDED.state_at >= s.state_at) THEN EXCLUDED.state ELSE s.state END,"
        " state_at = CASE WHEN " RANK ("EXCLUDED.state") " > " RANK ("s.state") " OR (" RANK ("EXCLUDED.state")
        " = " RANK ("s.state") " AND EXCLUDED.state_at >= s.state_at) THEN EXCLUDED.state_at ELSE s.state_at END,"
        " route = CASE WHEN EXCLUDED.route <> '' THEN EXCLUDED.route ELSE s.route END,"
        " handed_at = coalesce (s.handed_at, EXCLUDED.handed_at),"
        " deadline_at = coalesce (EXCLUDED.deadline_at, s.deadline_at),"
        " delivered_at = coalesce (s.delivered_at, EXCLUDED.delivered_at),"
        " returned_at = coalesce (s.returned_at, EXCLUDED.returned_at),"
        " invitations = greatest (s.invitations, EXCLUDED.invitations)", 9, params);
}

int
reporting_postal_apply (db_t *db, const Motcua__V1__Event *event)
{
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED: {
            const Motcua__V1__DossierReceived *r = event->dossier_received;
            char channel [16], method [16], at [24];
            const char *params [4] = { r->dossier_code, s_num (r->channel, channel, sizeof channel),
                                       s_num (r->return_method, method, sizeof method),
                                       s_num (r->received_at, at, sizeof at) };
            return db_exec (db,
                "INSERT INTO reporting.postal_dossier (dossier_code, channel, return_method, received_at)"
                " VALUES ($1, $2, $3, " DB_TS_OR_NULL (4) ") ON CONFLICT (dossier_code) DO NOTHING", 4, params);
        }
        case MOTCUA__V1__EVENT__BODY_POSTAL_INTAKE_ANSWERED: {
            const Motcua__V1__PostalIntakeAnswered *a = event->postal_intake_answered;
            bool refused = *a->refusal_number != 0;
            char batch [24], at [24], postal [24], procedure [24];
            const char *params [7] = { a->slip_number, s_num (a->batch_no, batch, sizeof batch),
                                       refused ? a->refusal_number : a->dossier_code, refused ? "t" : "f",
                                       s_num (event->occurred_at, at, sizeof at),
                                       s_num (a->postal_fee, postal, sizeof postal),
                                       s_num (a->procedure_fee, procedure, sizeof procedure) };
            return db_exec (db,
                "INSERT INTO reporting.postal_slip (slip_number, batch_no, dossier_code, refused,"
                " answered_at, postal_fee, procedure_fee) VALUES ($1, $2, $3, $4, " DB_TS_OR_NULL (5) ", $6, $7)"
                " ON CONFLICT (slip_number) DO NOTHING", 7, params);
        }
        case MOTCUA__V1__EVENT__BODY_SHIPMENT_CREATED:
            return s_merge_shipment (db, event->dossier_code, "created", event->shipment_created->created_at,
                                     "", 0, 0, 0, 0, 0);
        case MOTCUA__V1__EVENT__BODY_SHIPMENT_MOVED: {
            const Motcua__V1__ShipmentMoved *m = event->shipment_moved;
            return s_merge_shipment (db, event->dossier_code, m->state, m->at, m->route,
                                     streq (m->state, "handed_over") ? m->at : 0, m->deadline_at, 0,
                                     streq (m->state, "returned") ? m->at : 0, m->invitations);
        }
        case MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED: {
            const Motcua__V1__ShipmentDelivered *d = event->shipment_delivered;
            return s_merge_shipment (db, event->dossier_code, "delivered", d->delivered_at, "",
                                     0, 0, d->delivered_at, 0, 0);
        }
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED: {
            //  Back from the post, then collected at the counter.
            char at [24];
            const char *params [2] = { event->dossier_code,
                                       s_num (event->dossier_returned->returned_at, at, sizeof at) };
            if (event->dossier_returned->via != MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER)
                return 0;
            return db_exec (db,
                "UPDATE reporting.postal_shipment SET state = 'collected', state_at = " DB_TS_OR_NULL (2)
                " WHERE dossier_code = $1", 2, params);
        }
        default:
            return 0;
    }
}

void
reporting_postal_detail (const Motcua__V1__Event *event, char *buf, size_t size)
{
    char at [40], due [40];
    if (event->body_case == MOTCUA__V1__EVENT__BODY_POSTAL_INTAKE_ANSWERED) {
        const Motcua__V1__PostalIntakeAnswered *a = event->postal_intake_answered;
        vn_format_form (a->collected_at, at, sizeof at);
        if (*a->refusal_number)
            snprintf (buf, size, "Phiếu gửi %s (nhận lúc %s, %s), biên bản giao nhận số %lld: trả lại — %s",
                      a->slip_number, at, a->collected_by, (long long) a->batch_no, a->reason);
        else
            snprintf (buf, size, "Phiếu gửi %s (nhận lúc %s, %s), biên bản giao nhận số %lld: tiếp nhận, hẹn trả %s",
                      a->slip_number, at, a->collected_by, (long long) a->batch_no,
                      vn_format_form (a->due_at, due, sizeof due));
    }
    else
    if (event->body_case == MOTCUA__V1__EVENT__BODY_SHIPMENT_MOVED) {
        const Motcua__V1__ShipmentMoved *m = event->shipment_moved;
        postal_route_t route = 0;
        postal_route_parse (m->route, &route);
        size_t used = (size_t) snprintf (buf, size, "%s", postal_state_label (m->state));
        if (streq (m->state, "handed_over") && used < size)
            used += (size_t) snprintf (buf + used, size - used, " (biên bản số %lld), tuyến %s, hạn phát hết ngày %s",
                                       (long long) m->batch_no, postal_route_label (route),
                                       vn_format_form (m->deadline_at - 1, due, sizeof due) + 6);
        if (streq (m->state, "failed_attempt") && used < size)
            used += (size_t) snprintf (buf + used, size - used, " (lần %d): %s", m->invitations, m->note);
        if (streq (m->state, "returned") && used < size)
            snprintf (buf + used, size - used, " sau %d lần mời nhận", m->invitations);
    }
    else
    if (event->body_case == MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED)
        snprintf (buf, size, "%s — bưu gửi %s", postal_state_label ("delivered"),
                  event->shipment_delivered->shipment_id);
    else
    if (event->body_case == MOTCUA__V1__EVENT__BODY_SHIPMENT_CREATED)
        snprintf (buf, size, "%s — bưu gửi %s", postal_state_label ("created"),
                  event->shipment_created->shipment_id);
}

int
reporting_postal_location (db_t *db, const char *code, char *buf, size_t size)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT state, " DB_MS ("state_at") " FROM reporting.postal_shipment WHERE dossier_code = $1", 1, params);
    if (!result)
        return -1;
    buf [0] = 0;
    if (PQntuples (result) == 1) {
        char at [40];
        const char *state = PQgetvalue (result, 0, 0);
        vn_format_form (atoll (PQgetvalue (result, 0, 1)), at, sizeof at);
        if (streq (state, "created"))
            snprintf (buf, size, "Tại cơ quan giải quyết, chờ giao bưu chính (từ %s)", at);
        else
        if (streq (state, "delivered"))
            snprintf (buf, size, "Người nhận đã nhận (bưu chính phát lúc %s)", at);
        else
        if (streq (state, "returned"))
            snprintf (buf, size, "Tại cơ quan giải quyết: bưu chính đã chuyển trả lúc %s", at);
        else
        if (streq (state, "collected"))
            snprintf (buf, size, "Người nộp đã nhận tại Bộ phận Một cửa (lúc %s)", at);
        else
            snprintf (buf, size, "Bưu chính đang giữ: %s (từ %s)", postal_state_label (state), at);
    }
    PQclear (result);
    return 0;
}

static int64_t
s_count (PGresult *result, int column)
{
    return atoll (PQgetvalue (result, 0, column));
}

int
reporting_postal_report (db_t *db, Motcua__V1__PostalReport *report, Motcua__V1__PostalRouteFigures *routes,
                         Motcua__V1__PostalRouteFigures **route_pointers)
{
    char from [24], to [24];
    const char *params [2] = { s_num (report->from, from, sizeof from), s_num (report->to, to, sizeof to) };
    PGresult *received = db_query (db,
        "SELECT count (*), count (*) FILTER (WHERE channel = 3), count (*) FILTER (WHERE return_method = 2)"
        " FROM reporting.postal_dossier WHERE received_at >= " DB_TS_OR_NULL (1) " AND received_at < " DB_TS_OR_NULL (2), 2, params);
    PGresult *slips = received ? db_query (db,
        "SELECT count (*) FILTER (WHERE refused), coalesce (sum (postal_fee), 0), coalesce (sum (procedure_fee), 0)"
        " FROM reporting.postal_slip WHERE answered_at >= " DB_TS_OR_NULL (1) " AND answered_at < " DB_TS_OR_NULL (2), 2, params) : NULL;
    //  Shipments by the day they were handed to post; returns by their day.
    PGresult *shipped = slips ? db_query (db,
        "SELECT route, count (*), count (delivered_at),"
        " count (*) FILTER (WHERE delivered_at < deadline_at)"
        " FROM reporting.postal_shipment WHERE handed_at >= " DB_TS_OR_NULL (1) " AND handed_at < " DB_TS_OR_NULL (2)
        " GROUP BY route", 2, params) : NULL;
    PGresult *returned = shipped ? db_query (db,
        "SELECT count (*) FROM reporting.postal_shipment"
        " WHERE returned_at >= " DB_TS_OR_NULL (1) " AND returned_at < " DB_TS_OR_NULL (2), 2, params) : NULL;
    int rc = returned ? 0 : -1;
    if (!rc) {
        report->received_total = s_count (received, 0);
        report->received_postal = s_count (received, 1);
        report->return_postal = s_count (received, 2);
        report->refused_postal = s_count (slips, 0);
        report->postal_fees = s_count (slips, 1);
        report->procedure_fees = s_count (slips, 2);
        report->returned_to_agency = s_count (returned, 0);
        //  Every route listed, in the table's order, zero or not.
        report->n_routes = REPORTING_POSTAL_ROUTES;
        report->routes = route_pointers;
        for (int r = 0; r < REPORTING_POSTAL_ROUTES; r++) {
            motcua__v1__postal_route_figures__init (&routes [r]);
            routes [r].route = (char *) postal_route_name ((postal_route_t) (r + 1));
            route_pointers [r] = &routes [r];
            for (int row = 0; row < PQntuples (shipped); row++)
                if (streq (PQgetvalue (shipped, row, 0), routes [r].route)) {
                    routes [r].handed = atoll (PQgetvalue (shipped, row, 1));
                    routes [r].delivered = atoll (PQgetvalue (shipped, row, 2));
                    routes [r].on_time = atoll (PQgetvalue (shipped, row, 3));
                }
            report->handed += routes [r].handed;
            report->delivered += routes [r].delivered;
            report->delivered_on_time += routes [r].on_time;
        }
    }
    if (received) PQclear (received);
    if (slips) PQclear (slips);
    if (shipped) PQclear (shipped);
    if (returned) PQclear (returned);
    return rc;
}
