/*  test_reporting — black-box tests of reporting's forms (issue 4), against
    the four real services on a throw-away PostgreSQL with CURVE on:
      histories   randomised dossier histories (receipts, supplements paused
                  and handed in, due-time changes, decisions, withdrawals,
                  closures) written as events into a producer's outbox in a
                  shuffled order, delivered by the real relay; then for many
                  whole-day windows and every grouping, the service's answer
                  from its rollups equals its count over the facts, and both
                  equal report06a over the histories as generated
      edges       14th 23:59:59 vs 15th 00:00 (+07:00); year N's in progress is
                  year N+1's carried over; resolved on the due day vs the day
                  before; paused in time vs already overdue; withdrawn and closed
                  dossiers, all found by drill-down in the right cell
      live        a dossier submitted at the counter reaches the rollups
      cli         motcua report --by/--csv/--xlsx (the workbook opened back and
                  its cells checked), report check on our CSV and on the seed's
                  hand-made rows, rates, series, log book, ratings and feedback */
#include <czmq.h>
#include "testkit.h"
#include "harness.h"
#include "outbox.h"
#include "period.h"
#include "report06a.h"
#include "form06a.h"
#include "vntime.h"
#include "worktime.h"

static client_t *s_dashboard;
static int s_run;                   //  a per-run tag in dossier codes

#define GROUPS 4
static const char *s_fields [] = { "Thi đua - Khen thưởng", "Văn thư - Lưu trữ", "Việc làm" };
static const char *s_procedures [] = { "1.000843", "1.000804", "H27.NV.003", "2.001234" };

typedef struct {
    char code [48];
    int kind;                       //  index into s_procedures / field
    report_fact_t fact;             //  as generated: what report06a must see
    int outcome;                    //  Outcome when resolved
    int64_t first_due;              //  the due time at receipt
    const char *procedure;          //  NULL: s_procedures [kind]
    bool digitised;                 //  an electronic result is attached
} s_history_t;

static char s_agency [32];          //  this run's own agency: its row is ours alone

//  Append one event for reporting only (other subscribers' deliveries dropped).
static int
s_emit (db_t *db, Motcua__V1__Event *event)
{
    event->actor = (char *) "test";
    return outbox_append (db, "intake", "intake", event);
}

static int
s_emit_history (db_t *db, const s_history_t *h, int part)
{
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.dossier_code = (char *) h->code;
    const report_fact_t *f = &h->fact;
    switch (part) {
        case 0: {
            Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
            applicant.name = (char *) "Trần Thị Bình";
            applicant.address = (char *) "Xã Thạch Hà";
            applicant.phone = (char *) "0912000111";
            Motcua__V1__DossierReceived r = MOTCUA__V1__DOSSIER_RECEIVED__INIT;
            r.dossier_code = (char *) h->code;
            r.procedure_code = (char *) (h->procedure ? h->procedure : s_procedures [h->kind]);
            r.procedure_name = (char *) "Thủ tục thử";
            r.agency_code = s_agency;
            r.field = (char *) s_fields [h->kind % 3];
            r.channel = (Motcua__V1__Channel) f->channel;
            r.return_method = h->kind % 2 ? MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL : MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
            r.applicant = &applicant;
            r.received_at = f->received_at;
            r.due_at = h->first_due;
            r.rule_set = (char *) (f->received_at < vn_instant (2025, 7, 1, 0) ? "2018" : "2025");
            event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED;
            event.dossier_received = &r;
            return s_emit (db, &event);
        }
        case 1: {
            if (!f->paused_at)
                return 0;
            Motcua__V1__SupplementRequested s = MOTCUA__V1__SUPPLEMENT_REQUESTED__INIT;
            s.dossier_code = (char *) h->code;
            s.requested_at = f->paused_at;
            event.body_case = MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED;
            event.supplement_requested = &s;
            return s_emit (db, &event);
        }
        case 2: {
            if (!f->resumed_at)
                return 0;
            Motcua__V1__SupplementReceived s = MOTCUA__V1__SUPPLEMENT_RECEIVED__INIT;
            s.dossier_code = (char *) h->code;
            s.received_at = f->resumed_at;
            event.body_case = MOTCUA__V1__EVENT__BODY_SUPPLEMENT_RECEIVED;
            event.supplement_received = &s;
            return s_emit (db, &event);
        }
        case 3: {
            if (f->due_at == h->first_due)
                return 0;
            Motcua__V1__DueTimeChanged c = MOTCUA__V1__DUE_TIME_CHANGED__INIT;
            c.dossier_code = (char *) h->code;
            c.due_at = f->due_at;
            c.previous_due_at = h->first_due;
            c.rule = (char *) "supplement";
            c.reason = (char *) "bổ sung";
            c.changed_at = f->resumed_at ? f->resumed_at : f->received_at;
            event.body_case = MOTCUA__V1__EVENT__BODY_DUE_TIME_CHANGED;
            event.due_time_changed = &c;
            return s_emit (db, &event);
        }
        case 5: {
            if (!h->digitised)
                return 0;
            Motcua__V1__ResultAttached a = MOTCUA__V1__RESULT_ATTACHED__INIT;
            a.dossier_code = (char *) h->code;
            a.kind = (char *) "document";
            a.reference = (char *) "QĐ-thử";
            a.attached_at = f->resolved_at;
            event.body_case = MOTCUA__V1__EVENT__BODY_RESULT_ATTACHED;
            event.result_attached = &a;
            return s_emit (db, &event);
        }
        default: {
            if (!f->resolved_at)
                return 0;
            Motcua__V1__DossierResolved r = MOTCUA__V1__DOSSIER_RESOLVED__INIT;
            r.dossier_code = (char *) h->code;
            r.outcome = (Motcua__V1__Outcome) h->outcome;
            r.resolved_at = f->resolved_at;
            r.due_at = f->due_at;
            event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED;
            event.dossier_resolved = &r;
            return s_emit (db, &event);
        }
    }
}

#define PARTS 6                     //  events a history may have

//  Write every history's events in a shuffled order, one transaction, and
//  wait until reporting has acknowledged them all.
static bool
s_deliver (s_history_t *histories, int count)
{
    db_t *db = db_new (harness_config ()->conninfo);
    if (db_ensure (db) || db_begin (db)) {
        db_destroy (&db);
        return false;
    }
    int parts = count * PARTS;
    int *order = malloc ((size_t) parts * sizeof (int));
    for (int i = 0; i < parts; i++)
        order [i] = i;
    unsigned seed = (unsigned) s_run;
    for (int i = parts - 1; i > 0; i--) {
        int j = rand_r (&seed) % (i + 1), t = order [i];
        order [i] = order [j];
        order [j] = t;
    }
    int rc = 0;
    for (int i = 0; i < parts && !rc; i++)
        rc = s_emit_history (db, &histories [order [i] / PARTS], order [i] % PARTS);
    free (order);
    rc = rc || db_exec (db, "DELETE FROM intake.outbox_delivery WHERE subscriber <> 'reporting'"
                            " AND event_id IN (SELECT event_id FROM intake.outbox WHERE dossier_code LIKE 'RPT-%')",
                        0, NULL);
    if (rc || db_commit (db)) {
        db_rollback (db);
        db_destroy (&db);
        return false;
    }
    db_destroy (&db);
    for (int i = 0; i < 600; i++) {
        if (harness_sql_int ("SELECT count (*) FROM intake.outbox_delivery d JOIN intake.outbox o USING (event_id)"
                             " WHERE d.state <> 'done' AND o.dossier_code LIKE 'RPT-%'", 0, NULL) == 0)
            return true;
        zclock_sleep (100);
    }
    return false;
}

//  One random history, shaped to hit every rule.
static void
s_random_history (s_history_t *h, int i, unsigned *seed)
{
    memset (h, 0, sizeof *h);
    snprintf (h->code, sizeof h->code, "RPT-%d-%04d", s_run, i);
    h->kind = rand_r (seed) % GROUPS;
    report_fact_t *f = &h->fact;
    int64_t base = vn_instant (2023, 1, 1, 0);
    f->received_at = base + (int64_t) (rand_r (seed) % (700 * 24)) * 3600 * 1000 + rand_r (seed) % 3600000;
    h->first_due = f->received_at + (int64_t) (1 + rand_r (seed) % 40) * MS_PER_DAY / 2;
    f->due_at = h->first_due;
    f->channel = 1 + rand_r (seed) % 3;
    if (rand_r (seed) % 3 == 0) {
        f->paused_at = f->received_at + (int64_t) (rand_r (seed) % 30) * MS_PER_DAY / 2 + 1000;
        if (rand_r (seed) % 2) {
            f->resumed_at = f->paused_at + (int64_t) (1 + rand_r (seed) % 20) * MS_PER_DAY / 2;
            if (rand_r (seed) % 2)          //  the clock moved on by the pause
                f->due_at = h->first_due + (f->resumed_at - f->paused_at);
        }
    }
    if (rand_r (seed) % 5) {
        int64_t earliest = f->resumed_at ? f->resumed_at : f->paused_at ? f->paused_at : f->received_at;
        f->resolved_at = rand_r (seed) % 4 == 0 && vn_day_start (f->due_at) + 8 * 3600 * 1000 > earliest
                       ? vn_day_start (f->due_at) + 8 * 3600 * 1000
                       : earliest + (int64_t) (rand_r (seed) % 60) * MS_PER_DAY / 2 + 1;
        int o = rand_r (seed) % 10;
        h->outcome = o < 6 ? 1 : o < 8 ? 2 : o < 9 ? 3 : 4;
        h->digitised = h->outcome <= 2 && rand_r (seed) % 2;
    }
}

static reporting_reply_t *
s_report (int64_t from, int64_t to, const Motcua__V1__Grouping *groups, size_t n, bool facts)
{
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    report.from = from;
    report.to = to;
    report.n_group_by = n;
    report.group_by = (Motcua__V1__Grouping *) groups;
    report.from_facts = facts;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = &report;
    reporting_reply_t *reply = reporting_client_send (s_dashboard, &request);
    if (reply && (reply->error || !reply->report))
        reporting_reply_destroy (&reply);
    return reply;
}

static bool
s_same_counts (const Motcua__V1__Report06a *a, const report06a_t *b)
{
    return a->received_total == b->received_total && a->received_online == b->received_online
        && a->received_direct == b->received_direct && a->received_postal == b->received_postal
        && a->carried_over == b->carried_over && a->resolved_total == b->resolved_total
        && a->resolved_early == b->resolved_early && a->resolved_on_time == b->resolved_on_time
        && a->resolved_late == b->resolved_late && a->in_progress_total == b->in_progress_total
        && a->in_progress_within == b->in_progress_within && a->in_progress_overdue == b->in_progress_overdue;
}

static void
s_pb_to_report (const Motcua__V1__Report06a *a, report06a_t *r)
{
    report06a_init (r, a->from, a->to);
    r->received_total = a->received_total; r->received_online = a->received_online;
    r->received_direct = a->received_direct; r->received_postal = a->received_postal;
    r->carried_over = a->carried_over; r->resolved_total = a->resolved_total;
    r->resolved_early = a->resolved_early; r->resolved_on_time = a->resolved_on_time;
    r->resolved_late = a->resolved_late; r->in_progress_total = a->in_progress_total;
    r->in_progress_within = a->in_progress_within; r->in_progress_overdue = a->in_progress_overdue;
}

static bool
s_rows_equal (const Motcua__V1__Report06a *a, const Motcua__V1__Report06a *b)
{
    if (a->n_rows != b->n_rows)
        return false;
    for (size_t i = 0; i < a->n_rows; i++) {
        report06a_t rb;
        s_pb_to_report (b->rows [i]->counts, &rb);
        if (strcmp (a->rows [i]->field, b->rows [i]->field) || strcmp (a->rows [i]->procedure_code, b->rows [i]->procedure_code)
        ||  strcmp (a->rows [i]->agency_code, b->rows [i]->agency_code) || strcmp (a->rows [i]->level, b->rows [i]->level)
        ||  !s_same_counts (a->rows [i]->counts, &rb))
            return false;
    }
    return true;
}

#define HISTORIES 300
//  The rollups' content: rows left all zero by events are not content.
#define ROLLUP_HASH "SELECT sum (hashtext (r::text)) FROM reporting.rollup r WHERE (new_online, new_direct," \
    " new_postal, res_early, res_on_time, res_late, open, overdue, new_capable, new_capable_online," \
    " new_digitised, res_digitised, res_postal_return) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)"

static void
test_histories (void)
{
    static s_history_t h [HISTORIES];
    unsigned seed = (unsigned) s_run * 7919u;
    for (int i = 0; i < HISTORIES; i++)
        s_random_history (&h [i], i, &seed);
    CHECK (s_deliver (h, HISTORIES), "histories: every event of 300 shuffled histories is delivered");
    static const Motcua__V1__Grouping groupings [][2] = {
        { 0 }, { MOTCUA__V1__GROUPING__GROUPING_FIELD }, { MOTCUA__V1__GROUPING__GROUPING_PROCEDURE },
        { MOTCUA__V1__GROUPING__GROUPING_AGENCY, MOTCUA__V1__GROUPING__GROUPING_LEVEL },
        { MOTCUA__V1__GROUPING__GROUPING_FIELD, MOTCUA__V1__GROUPING__GROUPING_PROCEDURE },
    };
    static const size_t n_groupings [] = { 0, 1, 1, 2, 2 };
    int windows = 0, agree_facts = 0, agree_expect = 0, consistent = 0, rollups = 0;
    for (int w = 0; w < 40; w++) {
        int64_t from = vn_instant (2023, 1, 1, 0) + (int64_t) (rand_r (&seed) % 760) * MS_PER_DAY;
        int64_t to = from + (int64_t) (1 + rand_r (&seed) % 400) * MS_PER_DAY;
        if (w < 4) {                //  the reporting years and a quarter
            period_kind_t kind = w < 3 ? PERIOD_YEAR : PERIOD_QUARTER;
            period_window (kind, 2023 + w % 3, 2, false, &from, &to, NULL, 0);
        }
        report06a_t expect;
        report06a_init (&expect, from, to);
        for (int i = 0; i < HISTORIES; i++)
            report06a_add (&expect, &h [i].fact);
        for (size_t g = 0; g < 5; g++) {
            reporting_reply_t *fast = s_report (from, to, groupings [g], n_groupings [g], false);
            reporting_reply_t *slow = s_report (from, to, groupings [g], n_groupings [g], true);
            Motcua__V1__Grouping by_agency [1] = { MOTCUA__V1__GROUPING__GROUPING_AGENCY };
            reporting_reply_t *ours = s_report (from, to, by_agency, 1, false);
            windows++;
            if (fast && slow && ours) {
                report06a_t whole, mine;
                report06a_init (&mine, from, to);
                for (size_t r = 0; r < ours->report->n_rows; r++)
                    if (streq (ours->report->rows [r]->agency_code, s_agency))
                        s_pb_to_report (ours->report->rows [r]->counts, &mine);
                s_pb_to_report (fast->report, &whole);
                rollups += fast->report->from_rollups;
                agree_expect += memcmp (&mine, &expect, sizeof mine) == 0;
                agree_facts += s_same_counts (slow->report, &whole) && s_rows_equal (fast->report, slow->report);
                bool rows_ok = report06a_consistent (&whole);
                for (size_t r = 0; r < fast->report->n_rows; r++) {
                    report06a_t row;
                    s_pb_to_report (fast->report->rows [r]->counts, &row);
                    rows_ok &= report06a_consistent (&row);
                }
                consistent += rows_ok;
            }
            reporting_reply_destroy (&fast);
            reporting_reply_destroy (&slow);
            reporting_reply_destroy (&ours);
        }
    }
    CHECK_EQ_INT (rollups, windows, "histories: whole-day windows are answered from the rollups");
    CHECK_EQ_INT (agree_facts, windows, "histories: rollups equal the service's count over the facts, row by row, for every grouping");
    CHECK_EQ_INT (agree_expect, windows, "histories: this run's row equals report06a over the histories as generated");
    CHECK_EQ_INT (consistent, windows, "histories: the four identities hold on every row and total");
    //  Electronic results: the rate's numerator, month by month, for this run's agency.
    Motcua__V1__ReportRequest year = MOTCUA__V1__REPORT_REQUEST__INIT;
    year.period = MOTCUA__V1__PERIOD_KIND__PERIOD_YEAR;
    year.year = 2024;
    Motcua__V1__SeriesRequest series = MOTCUA__V1__SERIES_REQUEST__INIT;
    series.period = &year;
    series.agency_code = s_agency;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_SERIES;
    request.series = &series;
    reporting_reply_t *reply = reporting_client_send (s_dashboard, &request);
    int64_t from, to, want_n = 0, want_d = 0, got_n = 0, got_d = 0;
    period_window (PERIOD_YEAR, 2024, 0, false, &from, &to, NULL, 0);
    for (int i = 0; i < HISTORIES; i++)
        if (h [i].fact.resolved_at >= from && h [i].fact.resolved_at < to) {
            want_d++;
            want_n += h [i].digitised;
        }
    for (size_t i = 0; reply && reply->series && i < reply->series->n_points; i++) {
        got_n += reply->series->points [i]->rates->result_digitised->numerator;
        got_d += reply->series->points [i]->rates->result_digitised->denominator;
    }
    CHECK (reply && reply->series && reply->series->n_points == 12 && want_n > 0
           && got_n == want_n && got_d == want_d,
           "histories: electronic results attached are the digitisation rate's numerator, month by month");
    reporting_reply_destroy (&reply);
    //  Rebuilding the rollups from the facts gives the same rollups.
    harness_wait_until (harness_settled, NULL, HARNESS_SETTLE_MS);
    int64_t before = harness_sql_int (ROLLUP_HASH, 0, NULL);
    CHECK (harness_sh ("%s/motcua-reporting --rebuild-rollups", getenv ("MOTCUA_BIN") ? getenv ("MOTCUA_BIN") : "build/bin") == 0,
           "histories: motcua-reporting --rebuild-rollups runs");
    int64_t after = harness_sql_int (ROLLUP_HASH, 0, NULL);
    CHECK (before == after && before != -1, "histories: rollups kept by events equal rollups rebuilt from the facts");
}

//  Is code in the cell (column) of window, as drill-down lists it?
static bool
s_in_cell (int64_t from, int64_t to, const char *column, const char *code)
{
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    period.from = from;
    period.to = to;
    Motcua__V1__DrillRequest drill = MOTCUA__V1__DRILL_REQUEST__INIT;
    drill.period = &period;
    drill.column = (char *) column;
    drill.procedure_code = (char *) "H27.NV.004";
    drill.agency_code = s_agency;
    drill.limit = 10000;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_DRILL;
    request.drill = &drill;
    reporting_reply_t *reply = reporting_client_send (s_dashboard, &request);
    bool found = false;
    for (size_t i = 0; reply && !reply->error && reply->dossiers && i < reply->dossiers->n_dossiers; i++)
        found |= streq (reply->dossiers->dossiers [i]->dossier_code, code);
    reporting_reply_destroy (&reply);
    return found;
}

static void
test_edges (void)
{
    //  Named dossiers on their own procedure (H27.NV.004), so cells can be told apart.
    int64_t y24_from, y24_to, y25_from, y25_to;
    period_window (PERIOD_YEAR, 2024, 0, false, &y24_from, &y24_to, NULL, 0);
    period_window (PERIOD_YEAR, 2025, 0, false, &y25_from, &y25_to, NULL, 0);
    int64_t last = vn_instant (2024, 12, 14, 23 * 60 + 59) + 59000, first = vn_instant (2024, 12, 15, 0);
    int64_t due = vn_instant (2024, 12, 10, 17 * 60);
    struct { const char *name; int64_t received, due, resolved, paused, resumed; int outcome; } cases [] = {
        { "late-14th",     last,  last + 20 * MS_PER_DAY, 0, 0, 0, 0 },
        { "early-15th",    first, first + 20 * MS_PER_DAY, 0, 0, 0, 0 },
        { "on-due-day",    vn_instant (2024, 12, 1, 9 * 60), due, vn_instant (2024, 12, 10, 8 * 60), 0, 0, 1 },
        { "day-before",    vn_instant (2024, 12, 1, 9 * 60), due, vn_instant (2024, 12, 9, 16 * 60), 0, 0, 1 },
        { "after-due",     vn_instant (2024, 12, 1, 9 * 60), due, vn_instant (2024, 12, 10, 17 * 60) + 60000, 0, 0, 1 },
        { "paused-in-time", vn_instant (2024, 11, 1, 9 * 60), vn_instant (2024, 12, 1, 17 * 60), 0,
          vn_instant (2024, 11, 20, 9 * 60), 0, 0 },
        { "paused-overdue", vn_instant (2024, 11, 1, 9 * 60), vn_instant (2024, 11, 15, 17 * 60), 0,
          vn_instant (2024, 11, 20, 9 * 60), 0, 0 },
        { "withdrawn",     vn_instant (2024, 11, 1, 9 * 60), due, vn_instant (2024, 12, 12, 10 * 60), 0, 0, 3 },
        { "closed",        vn_instant (2024, 11, 1, 9 * 60), due, vn_instant (2024, 12, 11, 10 * 60),
          vn_instant (2024, 11, 5, 9 * 60), 0, 4 },
    };
    enum { N = sizeof cases / sizeof cases [0] };
    s_history_t h [N];
    for (int i = 0; i < N; i++) {
        memset (&h [i], 0, sizeof h [i]);
        snprintf (h [i].code, sizeof h [i].code, "RPT-%d-%s", s_run, cases [i].name);
        h [i].kind = 0;
        h [i].fact = (report_fact_t) { cases [i].received, cases [i].due, cases [i].resolved, 1,
                                       cases [i].paused, cases [i].resumed };
        h [i].first_due = cases [i].due;
        h [i].outcome = cases [i].outcome;
        h [i].procedure = "H27.NV.004";
    }
    CHECK (s_deliver (h, N), "edges: the named dossiers are delivered");
    char code [64];
#define CODE(n) (snprintf (code, sizeof code, "RPT-%d-%s", s_run, n), code)
    CHECK (s_in_cell (y24_from, y24_to, "received_direct", CODE ("late-14th")),
           "edges: received 14/12/2024 23:59:59 +07:00 is new in year 2024");
    CHECK (!s_in_cell (y24_from, y24_to, "received_total", CODE ("early-15th")),
           "edges: received 15/12/2024 00:00 +07:00 is not in year 2024");
    CHECK (s_in_cell (y25_from, y25_to, "received_direct", CODE ("early-15th")),
           "edges: received 15/12/2024 00:00 +07:00 is new in year 2025");
    CHECK (s_in_cell (y25_from, y25_to, "carried_over", CODE ("late-14th")),
           "edges: the 14th's open dossier is carried over into year 2025");
    CHECK (s_in_cell (y24_from, y24_to, "resolved_on_time", CODE ("on-due-day")), "edges: resolved on the due day is on time");
    CHECK (s_in_cell (y24_from, y24_to, "resolved_early", CODE ("day-before")), "edges: resolved the day before is early");
    CHECK (s_in_cell (y24_from, y24_to, "resolved_late", CODE ("after-due")), "edges: resolved a minute after the due time is late");
    CHECK (s_in_cell (y24_from, y24_to, "in_progress_within", CODE ("paused-in-time")),
           "edges: waiting for a supplement asked in time: within the deadline");
    CHECK (s_in_cell (y24_from, y24_to, "in_progress_overdue", CODE ("paused-overdue")),
           "edges: waiting for a supplement asked when already overdue: overdue");
    CHECK (s_in_cell (y24_from, y24_to, "resolved_total", CODE ("withdrawn"))
           && s_in_cell (y24_from, y24_to, "resolved_late", CODE ("withdrawn")),
           "edges: a withdrawn dossier is resolved in the period it ended, judged by its end time");
    CHECK (s_in_cell (y24_from, y24_to, "resolved_total", CODE ("closed"))
           && !s_in_cell (y25_from, y25_to, "carried_over", CODE ("closed")),
           "edges: a closed dossier is resolved, and not carried into the next year");
    //  Year N's in progress is year N+1's carried over, through the service.
    bool linked = true;
    for (int year = 2023; year <= 2025; year++) {
        int64_t a, b, c, d;
        period_window (PERIOD_YEAR, year, 0, false, &a, &b, NULL, 0);
        period_window (PERIOD_YEAR, year + 1, 0, false, &c, &d, NULL, 0);
        reporting_reply_t *x = s_report (a, b, NULL, 0, false), *y = s_report (c, d, NULL, 0, false);
        linked &= x && y && x->report->in_progress_total == y->report->carried_over && x->report->in_progress_total > 0;
        reporting_reply_destroy (&x);
        reporting_reply_destroy (&y);
    }
    CHECK (linked, "edges: each year's in progress equals the next year's carried over (2023-2026)");
    //  The same by period request, and a named period's label.
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    report.period = MOTCUA__V1__PERIOD_KIND__PERIOD_QUARTER;
    report.year = 2024;
    report.number = 4;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT;
    request.report = &report;
    reporting_reply_t *reply = reporting_client_send (s_dashboard, &request);
    CHECK (reply && reply->report && streq (reply->report->period_label, "Quý IV năm 2024")
           && reply->report->from == vn_instant (2024, 9, 15, 0) && reply->report->to == y24_to,
           "edges: quarter IV of 2024 runs 15/9 → 14/12 and is labelled in Vietnamese");
    reporting_reply_destroy (&reply);
    report.number = 5;
    reply = reporting_client_send (s_dashboard, &request);
    CHECK (reply && reply->error && reply->error->code == MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
           && streq (reply->error->field, "period"), "edges: quarter 5 is a typed INVALID_ARGUMENT on period");
    reporting_reply_destroy (&reply);
#undef CODE
}

static void
test_live (void)
{
    client_t *counter = client_new (harness_config (), "intake", "counter");
    char key [64], code [64];
    harness_new_key (key, sizeof key, "report-live");
    int64_t from = vn_day_start (vn_now_ms ()), to = from + MS_PER_DAY;
    Motcua__V1__Grouping by [1] = { MOTCUA__V1__GROUPING__GROUPING_PROCEDURE };
    reporting_reply_t *before = s_report (from, to, by, 1, false);
    int64_t had = before ? before->report->received_direct : -1;
    reporting_reply_destroy (&before);
    CHECK (harness_submit (counter, key, MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER, code, sizeof code) == 0,
           "live: a dossier is received at the counter");
    bool seen = false;
    for (int i = 0; i < 100 && !seen; i++) {
        reporting_reply_t *now = s_report (from, to, by, 1, false);
        seen = now && now->report->received_direct == had + 1 && now->report->from_rollups;
        reporting_reply_destroy (&now);
        if (!seen)
            zclock_sleep (100);
    }
    CHECK (seen, "live: today's report from the rollups counts it at once");
    client_destroy (&counter);
}

static bool
s_cli_has (const char *output, const char *text)
{
    return strstr (output, text) != NULL;
}

static void
test_cli (void)
{
    static char out [65536];
    const char *var = getenv ("MOTCUA_VAR");
    int rc = harness_cli (out, sizeof out, "report --period year:2024 --by field,procedure");
    CHECK (rc == 0 && s_cli_has (out, "Kỳ báo cáo: Năm 2024 (từ 2023-12-15 đến 2024-12-14)")
           && s_cli_has (out, "Tổng cộng") && s_cli_has (out, "Thi đua - Khen thưởng / 1.000843"),
           "cli: report --period year:2024 --by field,procedure prints the form's rows in Vietnamese");
    rc = harness_cli (out, sizeof out, "report --from 2024-01-01 --to 2024-01-31");
    CHECK (rc == 0 && s_cli_has (out, "Tổng số hồ sơ tiếp nhận") && s_cli_has (out, "Kỳ báo cáo: từ 2024-01-01 đến 2024-01-31"),
           "cli: report --from --to prints the totals as before");
    rc = harness_cli (out, sizeof out, "report --period year:2024 --by field --json");
    CHECK (rc == 0 && s_cli_has (out, "\"period_label\":\"Năm 2024\"") && s_cli_has (out, "\"rows\":[{"),
           "cli: report --json carries the label and the rows");
    rc = harness_cli (out, sizeof out, "report --period year:2024 --by field --csv %s/r.csv && "
                      "$MOTCUA_BIN/motcua report check %s/r.csv", var, var);
    CHECK (rc == 0 && s_cli_has (out, "0 dòng sai"), "cli: report check passes our own CSV");
    char path [512];
    snprintf (path, sizeof path, "%s/seed.csv", var);
    FILE *f = fopen (path, "w");
    if (f) {
        fputs ("STT,Kỳ báo cáo,Tổng số,Trực tuyến,\"Trực tiếp, bưu chính\",Từ kỳ trước,Đã giải quyết,"
               "Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết,Trong hạn,Quá hạn\n"
               "1,Năm 2021,599,73,508,21,532,0,532,0,67,67,0\n"
               "2,Năm 2022,1170,369,801,0,976,0,976,0,194,194,0\n"
               "3,Năm 2023,\"2.363\",\"1.146\",\"1.123\",194,\"2.198\",0,\"2.198\",0,165,165,0\n", f);
        fclose (f);
    }
    rc = harness_cli (out, sizeof out, "report check %s", path);
    CHECK (rc == 1 && s_cli_has (out, "dòng 2 (Năm 2021): tổng số nhận 599 ≠ trực tuyến 73 + trực tiếp, bưu chính 508 + từ kỳ trước 21 (= 602)"),
           "cli: report check names the seed's 2021 row (599 ≠ 73 + 508 + 21)");
    CHECK (s_cli_has (out, "dòng 4 (Năm 2023): tổng số nhận 2363 ≠ trực tuyến 1146 + trực tiếp, bưu chính 1123 + từ kỳ trước 194 (= 2463)"),
           "cli: report check names the seed's 2023 row (2,363 ≠ 1,146 + 1,123 + 194)");
    CHECK (s_cli_has (out, "dòng 3 (Năm 2022): từ kỳ trước chuyển qua 0 ≠ số đang giải quyết cuối kỳ trước 67"),
           "cli: report check sees that 2022 carried over 0 of 2021's 67 in progress");
    rc = harness_cli (out, sizeof out, "report check --rate 224/267=82.4 --rate 365/538=67.84");
    CHECK (rc == 1 && s_cli_has (out, "tỷ lệ 224/267 = 83,9%, không phải 82,4%") && s_cli_has (out, "365/538=67.84: đúng"),
           "cli: report check recomputes the seed's stated rates: 224/267 is 83.9%, not 82.4%");
    //  The workbook, opened back: merged header cells, Vietnamese headings, numbers as numbers.
    rc = harness_cli (out, sizeof out, "report --period year:2024 --by field --xlsx %s/r.xlsx", var);
    CHECK (rc == 0, "cli: report --xlsx writes the workbook");
    rc = harness_sh ("python3 tests/xlsx_check.py %s/r.xlsx %s/r.csv > %s/xlsx.log 2>&1", var, var, var);
    CHECK (rc == 0, "cli: the workbook opens: II.06a title, merged headers, headings and every number equal the CSV");
    rc = harness_cli (out, sizeof out, "report rates --period year:2024 --json");
    CHECK (rc == 0 && s_cli_has (out, "\"online_intake\":{\"numerator\":") && s_cli_has (out, "\"denominator\":"),
           "cli: report rates gives each rate with numerator and denominator");
    rc = harness_cli (out, sizeof out, "report series --period year:2024 --json");
    CHECK (rc == 0 && s_cli_has (out, "\"month\":\"01/2024\"") && s_cli_has (out, "\"month\":\"12/2024\""),
           "cli: report series has the year's 12 report months");
    rc = harness_cli (out, sizeof out, "report drill --period year:2024 --column nope");
    CHECK (rc == 1 && s_cli_has (out, "INVALID_ARGUMENT (column)"), "cli: drill on an unknown column is a typed error");
    rc = harness_cli (out, sizeof out, "report logbook --period year:2024 --xlsx %s/log.xlsx --csv -", var);
    CHECK (rc == 0 && s_cli_has (out, "Mã hồ sơ,Tên thủ tục hành chính") && s_cli_has (out, "Trần Thị Bình"),
           "cli: the log book (Mẫu 06) lists the period's dossiers with the applicant");
    //  Ratings and feedback.
    char code [64];
    snprintf (code, sizeof code, "RPT-%d-on-due-day", s_run);
    rc = harness_cli (out, sizeof out, "rate %s --overall 5 --item 1=4 --idempotency-key rate-%d", code, s_run);
    CHECK (rc == 0, "cli: a citizen's rating is recorded");
    rc = harness_cli (out, sizeof out, "rate %s --overall 5 --item 1=4 --idempotency-key rate-%d", code, s_run);
    const char *params [1] = { code };
    CHECK (rc == 0 && harness_sql_int ("SELECT count (*) FROM reporting.rating WHERE dossier_code = $1", 1, params) == 2,
           "cli: the same rating repeated with its key is recorded once");
    rc = harness_cli (out, sizeof out, "rate %s --item 3=9", code);
    CHECK (rc == 1 && s_cli_has (out, "INVALID_ARGUMENT (items.level)"), "cli: a level outside 1-5 is a typed error");
    rc = harness_cli (out, sizeof out, "rate RPT-nope --overall 3");
    CHECK (rc == 1 && s_cli_has (out, "NOT_FOUND"), "cli: rating an unknown dossier is NOT_FOUND");
    rc = harness_cli (out, sizeof out, "feedback add --kind conduct --content 'Cán bộ hẹn lại nhiều lần' --dossier %s --id PAKN-T-%d",
                      code, s_run);
    CHECK (rc == 0, "cli: feedback is recorded");
    rc = harness_cli (out, sizeof out, "feedback add --kind other --content x");
    CHECK (rc == 1 && s_cli_has (out, "INVALID_ARGUMENT (kind)"), "cli: feedback of no known kind is a typed error");
    rc = harness_cli (out, sizeof out, "report feedback --period month:2030-01 --json");
    CHECK (rc == 0 && s_cli_has (out, "\"received_new\":0") && !s_cli_has (out, "\"carried_over\":0,"),
           "cli: unhandled feedback is carried into a later month, not new there");
    rc = harness_cli (out, sizeof out, "feedback handle PAKN-T-%d --result 'Đã chấn chỉnh' --substantiated", s_run);
    CHECK (rc == 0, "cli: feedback is handled");
    rc = harness_cli (out, sizeof out, "feedback handle PAKN-T-%d --result again", s_run);
    CHECK (rc == 1 && s_cli_has (out, "FAILED_PRECONDITION"), "cli: handling it twice is FAILED_PRECONDITION");
    rc = harness_cli (out, sizeof out, "report satisfaction --period year:2024 --json");
    CHECK (rc == 0 && s_cli_has (out, "\"number\":7") && s_cli_has (out, "\"overall_levels\":["),
           "cli: satisfaction gives the nine 2018 indicators and the ratings");
    rc = harness_cli (out, sizeof out, "report 07b --period year:2025");
    CHECK (rc == 0 && s_cli_has (out, "Biểu mẫu II.07b") && s_cli_has (out, "Sở Nội vụ tỉnh Hà Tĩnh"),
           "cli: II.07b counts the catalogue's procedures by agency and level");
}

int
main (void)
{
    if (harness_init ()) {
        CHECK (false, "setup: settings load from the environment");
        return testkit_finish ();
    }
    s_run = (int) (vn_now_ms () / 1000 % 100000);
    snprintf (s_agency, sizeof s_agency, "H27.T%d", s_run);
    bool up = harness_start_all ();
    CHECK (up, "setup: the four services start and answer health");
    s_dashboard = up ? client_new (harness_config (), "reporting", "dashboard") : NULL;
    if (s_dashboard) {
        test_histories ();
        test_edges ();
        test_live ();
        test_cli ();
    }
    client_destroy (&s_dashboard);
    for (size_t i = 0; i < HARNESS_SERVICES; i++) {
        char name [96];
        snprintf (name, sizeof name, "teardown: %s stops cleanly on SIGTERM", harness_proc_at (i)->name);
        CHECK_EQ_INT (harness_stop (harness_proc_at (i), SIGTERM, 10000), 0, name);
    }
    return testkit_finish ();
}
