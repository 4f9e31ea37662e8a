/*  reporting_forms — II.06a rows, drill-down, rates and series. See
    reporting_forms.h.                                                     */
#include "reporting_sql.h"
#include "reporting_forms.h"
#include "reporting_rollup.h"
#include "form06a.h"
#include "period.h"
#include "vntime.h"
#include "worktime.h"
#include "log.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

static const rollup_key_t s_any;     //  no filter

int
reporting_forms_window (const Motcua__V1__ReportRequest *p, int64_t *from, int64_t *to,
                        char *label, size_t size, api_error_t *error)
{
    if (!p)
        return api_fail (error, INVALID, "period", "the request names no period");
    if (p->period != MOTCUA__V1__PERIOD_KIND__PERIOD_UNSPECIFIED) {
        if (period_window ((period_kind_t) p->period, p->year, p->number, p->calendar, from, to, label, size))
            return api_fail (error, INVALID, "period",
                             "no such period: the year must be 1901-9998, a month 1-12, a quarter 1-4");
        return 0;
    }
    if (p->to <= p->from)
        return api_fail (error, INVALID, "to", "the period must end after it starts");
    int64_t earliest = vn_instant (1900, 1, 1, 0), latest = vn_instant (10000, 1, 1, 0);
    if (p->from < earliest || p->to > latest)
        return api_fail (error, INVALID, p->from < earliest ? "from" : "to",
                         "the period must lie between the years 1900 and 9999");
    *from = p->from;
    *to = p->to;
    vn_civil_t a, b;
    vn_civil (p->from, &a);
    vn_civil (p->to - 1, &b);
    snprintf (label, size, "Từ ngày %02d/%02d/%04d đến ngày %02d/%02d/%04d",
              a.day, a.month, a.year, b.day, b.month, b.year);
    return 0;
}

//  Rollups answer whole local days once they are built; otherwise the facts.
static bool
s_from_facts (db_t *db, const Motcua__V1__ReportRequest *p, int64_t from, int64_t to)
{
    return p->from_facts || !reporting_rollup_aligned (from) || !reporting_rollup_aligned (to)
        || reporting_rollup_built (db) != 1;
}

static int
s_groups (const Motcua__V1__ReportRequest *p, int *groups, size_t *n, api_error_t *error)
{
    *n = 0;
    for (size_t i = 0; i < p->n_group_by; i++) {
        int g = p->group_by [i];
        if (g < GROUP_AGENCY || g > GROUP_PROCEDURE)
            return api_fail (error, INVALID, "group_by", "group by agency, field, level or procedure");
        for (size_t j = 0; j < *n; j++)
            if (groups [j] == g)
                return api_fail (error, INVALID, "group_by", "each key may be grouped on once");
        groups [(*n)++] = g;
    }
    return 0;
}

static void
s_counts_to_pb (const report06a_t *r, Motcua__V1__Report06a *pb)
{
    pb->from = r->from;
    pb->to = r->to;
    pb->received_total = r->received_total;
    pb->received_online = r->received_online;
    pb->received_direct = r->received_direct;
    pb->received_postal = r->received_postal;
    pb->carried_over = r->carried_over;
    pb->resolved_total = r->resolved_total;
    pb->resolved_early = r->resolved_early;
    pb->resolved_on_time = r->resolved_on_time;
    pb->resolved_late = r->resolved_late;
    pb->in_progress_total = r->in_progress_total;
    pb->in_progress_within = r->in_progress_within;
    pb->in_progress_overdue = r->in_progress_overdue;
}

static void
s_sum (report06a_t *total, const report06a_t *r)
{
    total->received_total += r->received_total;
    total->received_online += r->received_online;
    total->received_direct += r->received_direct;
    total->received_postal += r->received_postal;
    total->carried_over += r->carried_over;
    total->resolved_total += r->resolved_total;
    total->resolved_early += r->resolved_early;
    total->resolved_on_time += r->resolved_on_time;
    total->resolved_late += r->resolved_late;
    total->in_progress_total += r->in_progress_total;
    total->in_progress_within += r->in_progress_within;
    total->in_progress_overdue += r->in_progress_overdue;
}

//  Agency and procedure names, as the catalogue gives them now.
static PGresult *
s_names (db_t *db)
{
    return db_query (db,
        "SELECT 'a', code, name FROM catalog.agency UNION ALL"
        " SELECT DISTINCT ON (code) 'p', code, name FROM catalog.procedure_version"
        " ORDER BY 1, 2", 0, NULL);
}

static char *
s_name (PGresult *names, const char *kind, const char *code)
{
    for (int r = 0; names && r < PQntuples (names); r++)
        if (*PQgetvalue (names, r, 0) == *kind && streq (PQgetvalue (names, r, 1), code))
            return PQgetvalue (names, r, 2);
    return (char *) "";
}

static zchunk_t *
s_report (db_t *db, const Motcua__V1__ReportingRequest *request, api_error_t *error)
{
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    const Motcua__V1__ReportRequest *p = request->report;
    int64_t from, to;
    char label [128];
    int groups [4];
    size_t n_groups;
    rollup_row_t *rows = NULL;
    size_t n_rows = 0;
    PGresult *names = NULL;
    Motcua__V1__Report06a totals = MOTCUA__V1__REPORT06A__INIT;
    Motcua__V1__Report06aRow *row_pb = NULL;
    Motcua__V1__Report06a *counts_pb = NULL;
    Motcua__V1__Report06aRow **row_ptrs = NULL;
    if (reporting_forms_window (p, &from, &to, label, sizeof label, error)
    ||  s_groups (p, groups, &n_groups, error))
        goto done;
    bool facts = s_from_facts (db, p, from, to);
    if (reporting_rollup_rows (db, from, to, groups, n_groups, &s_any, facts, &rows, &n_rows)
    ||  (n_groups && !(names = s_names (db)))) {
        api_db_fail (error, db_error (db));
        goto done;
    }
    report06a_t total;
    report06a_init (&total, from, to);
    if (n_groups) {
        row_pb = calloc (n_rows + 1, sizeof *row_pb);
        counts_pb = calloc (n_rows + 1, sizeof *counts_pb);
        row_ptrs = calloc (n_rows + 1, sizeof *row_ptrs);
    }
    for (size_t i = 0; i < n_rows; i++) {
        s_sum (&total, &rows [i].counts);
        if (!report06a_consistent (&rows [i].counts))
            log_error ("II.06a identities broken for a row of [%lld, %lld)", (long long) from, (long long) to);
        if (!n_groups)
            continue;
        motcua__v1__report06a_row__init (&row_pb [i]);
        motcua__v1__report06a__init (&counts_pb [i]);
        s_counts_to_pb (&rows [i].counts, &counts_pb [i]);
        row_pb [i].agency_code = rows [i].key.agency;
        row_pb [i].field = rows [i].key.field;
        row_pb [i].level = rows [i].key.level;
        row_pb [i].procedure_code = rows [i].key.procedure;
        row_pb [i].agency_name = s_name (names, "a", rows [i].key.agency);
        row_pb [i].procedure_name = s_name (names, "p", rows [i].key.procedure);
        row_pb [i].counts = &counts_pb [i];
        row_ptrs [i] = &row_pb [i];
    }
    s_counts_to_pb (&total, &totals);
    totals.n_rows = n_groups ? n_rows : 0;
    totals.rows = row_ptrs;
    totals.period_label = label;
    totals.from_rollups = !facts;
    reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_REPORT;
    reply.report = &totals;
done:;
    zchunk_t *packed = api_reply_pack (&reply.base, error);
    free (rows);
    free (row_pb);
    free (counts_pb);
    free (row_ptrs);
    if (names)
        PQclear (names);
    return packed;
}

static void
s_rate (Motcua__V1__Rate *rate, int64_t numerator, int64_t denominator, const char *label)
{
    motcua__v1__rate__init (rate);
    rate->numerator = numerator;
    rate->denominator = denominator;
    rate->percent = denominator ? 100.0 * (double) numerator / (double) denominator : 0;
    rate->label = (char *) label;
}

typedef struct {
    Motcua__V1__Rates rates;
    Motcua__V1__Rate r [7];
} s_rates_t;

//  Rates of a window from the prefix sums of its total.
static void
s_rates (s_rates_t *out, const rollup_row_t *row)
{
    const int64_t *f = row->before_from.v, *t = row->before_to.v;
    const report06a_t *c = &row->counts;
    int64_t new_total = c->received_online + c->received_direct + c->received_postal;
    motcua__v1__rates__init (&out->rates);
    out->rates.from = c->from;
    out->rates.to = c->to;
    s_rate (&out->r [0], c->received_online, new_total, "Tỷ lệ hồ sơ tiếp nhận trực tuyến");
    s_rate (&out->r [1], t [RM_NEW_CAPABLE_ONLINE] - f [RM_NEW_CAPABLE_ONLINE],
            t [RM_NEW_CAPABLE] - f [RM_NEW_CAPABLE],
            "Tỷ lệ hồ sơ trực tuyến trên các TTHC có cung cấp dịch vụ công trực tuyến");
    s_rate (&out->r [2], t [RM_RES_DIGITISED] - f [RM_RES_DIGITISED], c->resolved_total,
            "Tỷ lệ số hóa kết quả giải quyết TTHC");
    s_rate (&out->r [3], t [RM_NEW_DIGITISED] - f [RM_NEW_DIGITISED], new_total,
            "Tỷ lệ số hóa hồ sơ TTHC");
    s_rate (&out->r [4], c->received_postal, new_total, "Tỷ lệ hồ sơ tiếp nhận qua dịch vụ bưu chính công ích");
    s_rate (&out->r [5], t [RM_RES_POSTAL_RETURN] - f [RM_RES_POSTAL_RETURN], c->resolved_total,
            "Tỷ lệ kết quả trả qua dịch vụ bưu chính công ích");
    s_rate (&out->r [6], c->resolved_early + c->resolved_on_time, c->resolved_total,
            "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");
    out->rates.online_intake = &out->r [0];
    out->rates.online_intake_capable = &out->r [1];
    out->rates.result_digitised = &out->r [2];
    out->rates.dossier_digitised = &out->r [3];
    out->rates.postal_intake = &out->r [4];
    out->rates.postal_return = &out->r [5];
    out->rates.on_time = &out->r [6];
}

//  One total row of [from, to) for filter, always from the rollups when
//  they can answer (rates need their sums), else over the facts (rates then
//  from the facts' counts only).
static int
s_total (db_t *db, const Motcua__V1__ReportRequest *p, int64_t from, int64_t to,
         const rollup_key_t *filter, rollup_row_t *out)
{
    rollup_row_t *rows = NULL;
    size_t n = 0;
    bool facts = s_from_facts (db, p, from, to);
    if (reporting_rollup_rows (db, from, to, NULL, 0, filter, facts, &rows, &n))
        return -1;
    memset (out, 0, sizeof *out);
    report06a_init (&out->counts, from, to);
    if (n)
        *out = rows [0];
    free (rows);
    return 0;
}

static zchunk_t *
s_rates_reply (db_t *db, const Motcua__V1__ReportingRequest *request, api_error_t *error)
{
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    int64_t from, to;
    char label [128];
    rollup_row_t total;
    s_rates_t rates;
    const Motcua__V1__ReportRequest *p = request->rates ? request->rates->period : NULL;
    if (!reporting_forms_window (p, &from, &to, label, sizeof label, error)) {
        if (s_total (db, p, from, to, &s_any, &total))
            api_db_fail (error, db_error (db));
        else {
            s_rates (&rates, &total);
            reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_RATES;
            reply.rates = &rates.rates;
        }
    }
    return api_reply_pack (&reply.base, error);
}

static void
s_filter (rollup_key_t *key, const char *agency, const char *field, const char *level, const char *procedure)
{
    snprintf (key->agency, sizeof key->agency, "%s", agency);
    snprintf (key->field, sizeof key->field, "%s", field);
    snprintf (key->level, sizeof key->level, "%s", level);
    snprintf (key->procedure, sizeof key->procedure, "%s", procedure);
}

static int
s_check_keys (api_error_t *error, const char *agency, const char *field, const char *level, const char *procedure)
{
    return api_check_text (error, "agency_code", agency, 63, false)
        || api_check_text (error, "field", field, 255, false)
        || api_check_text (error, "level", level, 15, false)
        || api_check_text (error, "procedure_code", procedure, 63, false);
}

static zchunk_t *
s_series (db_t *db, const Motcua__V1__ReportingRequest *request, api_error_t *error)
{
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    const Motcua__V1__SeriesRequest *s = request->series;
    int64_t from, to;
    char label [128];
    enum { MAX = 120 };
    int64_t starts [MAX], ends [MAX];
    char labels [MAX][12];
    Motcua__V1__Series series = MOTCUA__V1__SERIES__INIT;
    Motcua__V1__SeriesPoint points [MAX], *point_ptrs [MAX];
    Motcua__V1__Report06a counts [MAX];
    s_rates_t rates [MAX];
    if (reporting_forms_window (s->period, &from, &to, label, sizeof label, error)
    ||  s_check_keys (error, s->agency_code, s->field, s->level, s->procedure_code))
        return api_reply_pack (&reply.base, error);
    rollup_key_t filter;
    s_filter (&filter, s->agency_code, s->field, s->level, s->procedure_code);
    size_t n = period_months (from, to, s->period->calendar, starts, ends, labels, MAX);
    for (size_t i = 0; i < n; i++) {
        rollup_row_t total;
        if (s_total (db, s->period, starts [i], ends [i], &filter, &total)) {
            api_db_fail (error, db_error (db));
            return api_reply_pack (&reply.base, error);
        }
        motcua__v1__series_point__init (&points [i]);
        motcua__v1__report06a__init (&counts [i]);
        s_counts_to_pb (&total.counts, &counts [i]);
        s_rates (&rates [i], &total);
        points [i].label = labels [i];
        points [i].counts = &counts [i];
        points [i].rates = &rates [i].rates;
        point_ptrs [i] = &points [i];
    }
    series.n_points = n;
    series.points = point_ptrs;
    reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_SERIES;
    reply.series = &series;
    return api_reply_pack (&reply.base, error);
}

// --------------------------------------------------------------------------
//  Drill-down and the log book: the window's facts, each counted alone by
//  report06a, kept when it lands in the asked column (so the list always
//  matches the cell).

#define LIST_COLUMNS \
    "f.dossier_code, coalesce (f.procedure_code, ''), coalesce (p.procedure_name, ''), coalesce (f.agency_code, ''), " \
    "coalesce (f.field, ''), f.level, coalesce (f.channel, 1), " DB_MS ("f.received_at") ", " DB_MS ("f.due_at") ", " \
    DB_MS ("f.resolved_at") ", " DB_MS ("f.returned_at") ", coalesce (f.outcome, 0), " \
    DB_MS ("f.paused_at") ", " DB_MS ("f.resumed_at") ", coalesce (p.applicant_name, ''), " \
    "coalesce (p.applicant_address, ''), coalesce (p.applicant_phone, ''), coalesce (f.return_method, 0)"

static const char *
s_status (const PGresult *res, int r)
{
    int outcome = atoi (PQgetvalue (res, r, 11));
    bool resolved = atoll (PQgetvalue (res, r, 9)) != 0;
    bool waiting = atoll (PQgetvalue (res, r, 12)) && !atoll (PQgetvalue (res, r, 13));
    return atoll (PQgetvalue (res, r, 10)) ? "returned"
         : resolved && outcome == MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN ? "withdrawn"
         : resolved && outcome == MOTCUA__V1__OUTCOME__OUTCOME_CLOSED ? "closed"
         : resolved ? "resolved" : waiting ? "supplement_requested" : "in_process";
}

static zchunk_t *
s_list (db_t *db, const principal_t *who, const Motcua__V1__ReportingRequest *request, bool log_book,
        api_error_t *error)
{
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    const Motcua__V1__DrillRequest *d = log_book ? NULL : request->drill;
    const Motcua__V1__ReportRequest *p = log_book ? (request->log_book ? request->log_book->period : NULL)
                                                  : d->period;
    const char *column = log_book ? "received_new" : d->column;
    int64_t from, to;
    char label [128];
    bool ok = log_book;
    report06a_t probe;
    report06a_init (&probe, 0, 0);
    if (!log_book)
        form06a_get (&probe, column, &ok);
    int limit = log_book ? 100000 : d->limit ? d->limit : 100;
    int offset = log_book ? 0 : d->offset;
    if (reporting_forms_window (p, &from, &to, label, sizeof label, error)
    ||  (!log_book && s_check_keys (error, d->agency_code, d->field, d->level, d->procedure_code)))
        return api_reply_pack (&reply.base, error);
    if (!ok) {
        api_fail (error, INVALID, "column", "no II.06a column '%s'; use one of received_total, received_online,"
                  " …, in_progress_overdue", column);
        return api_reply_pack (&reply.base, error);
    }
    if (limit < 1 || limit > (log_book ? 100000 : 10000) || offset < 0) {
        api_fail (error, INVALID, limit < 1 || limit > 10000 ? "limit" : "offset",
                  "limit must be 1-10000 and offset not negative");
        return api_reply_pack (&reply.base, error);
    }
    char f [24], t [24];
    snprintf (f, sizeof f, "%lld", (long long) from);
    snprintf (t, sizeof t, "%lld", (long long) to);
    const char *params [10] = { f, t, "-infinity", "" };
    int count = 4;
    char where [768] = "";
    rollup_key_t filter = s_any;
    if (!log_book) {
        s_filter (&filter, d->agency_code, d->field, d->level, d->procedure_code);
        const char *values [4] = { filter.agency, filter.field, filter.level, filter.procedure };
        const char *columns [4] = { "agency_code", "field", "level", "procedure_code" };
        size_t w = 0;
        for (int i = 0; i < 4; i++)
            if (*values [i]) {
                params [count++] = values [i];
                w += (size_t) snprintf (where + w, sizeof where - w, " AND coalesce (f.%s, '') = $%d",
                                        columns [i], count);
            }
        //  Narrow to the column's class; report06a below decides each row.
        snprintf (where + w, sizeof where - w, "%s",
              strncmp (column, "received_", 9) == 0 && !streq (column, "received_total")
                ? " AND f.received_at >= to_timestamp ($1::bigint / 1000.0)"
            : streq (column, "carried_over") ? " AND f.received_at < to_timestamp ($1::bigint / 1000.0)"
            : streq (column, "resolved_on_time")          //  the due day, at or before the due time
                ? " AND f.resolved_at < to_timestamp ($2::bigint / 1000.0)"
                  " AND f.resolved_at <= f.due_at AND f.resolved_at > f.due_at - interval '1 day'"
            : streq (column, "resolved_late")
                ? " AND f.resolved_at < to_timestamp ($2::bigint / 1000.0)"
                  " AND f.resolved_at > coalesce (f.due_at, '-infinity')"
            : strncmp (column, "resolved_", 9) == 0 ? " AND f.resolved_at < to_timestamp ($2::bigint / 1000.0)"
            : strncmp (column, "in_progress_", 12) == 0
                ? " AND (f.resolved_at IS NULL OR f.resolved_at >= to_timestamp ($2::bigint / 1000.0))" : "");
    }
    //  Only the dossiers the caller's grant covers (agency, procedures).
    auth_scope_t scope;
    auth_scope (who, &scope);
    params [count++] = scope.agency;
    params [count++] = scope.procedures;
    char scope_sql [256];
    strncat (where, auth_scope_sql (scope_sql, sizeof scope_sql, "f.agency_code", "f.procedure_code", count - 1),
             sizeof where - strlen (where) - 1);
    //  Pages in (received_at, dossier_code) order, until the list is full.
    char sql [3072];
    snprintf (sql, sizeof sql, "SELECT " LIST_COLUMNS ", f.received_at::text FROM reporting.dossier_fact f"
              " LEFT JOIN reporting.dossier_party p USING (dossier_code)"
              " WHERE f.received_at < to_timestamp ($2::bigint / 1000.0)%s%s"
              " AND (f.received_at, f.dossier_code) > ($3::timestamptz, $4)"
              " ORDER BY f.received_at, f.dossier_code LIMIT 2000",
              log_book ? " AND f.received_at >= to_timestamp ($1::bigint / 1000.0)"
                       : " AND (f.resolved_at IS NULL OR f.resolved_at >= to_timestamp ($1::bigint / 1000.0))",
              where);
    Motcua__V1__DossierSummary *items = calloc ((size_t) limit + 1, sizeof *items);
    Motcua__V1__DossierSummary **ptrs = calloc ((size_t) limit + 1, sizeof *ptrs);
    Motcua__V1__DossierList list = MOTCUA__V1__DOSSIER_LIST__INIT;
    zlist_t *pages = zlist_new ();
    int64_t matched = 0;
    bool failed = false;
    while (list.n_dossiers < (size_t) limit) {
        PGresult *res = db_query (db, sql, count, params);
        if (!res) {
            failed = true;
            break;
        }
        zlist_append (pages, res);
        int rows = PQntuples (res);
        for (int r = 0; r < rows && list.n_dossiers < (size_t) limit; r++) {
            report_fact_t fact = {
                atoll (PQgetvalue (res, r, 7)), atoll (PQgetvalue (res, r, 8)), atoll (PQgetvalue (res, r, 9)),
                atoi (PQgetvalue (res, r, 6)), atoll (PQgetvalue (res, r, 12)), atoll (PQgetvalue (res, r, 13))
            };
            if (!log_book) {
                report06a_t one;
                report06a_init (&one, from, to);
                report06a_add (&one, &fact);
                bool known;
                if (form06a_get (&one, column, &known) != 1)
                    continue;
            }
            if (matched++ < offset)
                continue;
            Motcua__V1__DossierSummary *s = &items [list.n_dossiers];
            motcua__v1__dossier_summary__init (s);
            s->dossier_code = PQgetvalue (res, r, 0);
            s->procedure_code = PQgetvalue (res, r, 1);
            s->procedure_name = PQgetvalue (res, r, 2);
            s->agency_code = PQgetvalue (res, r, 3);
            s->field = PQgetvalue (res, r, 4);
            s->level = PQgetvalue (res, r, 5);
            s->channel = (Motcua__V1__Channel) fact.channel;
            s->received_at = fact.received_at;
            s->due_at = fact.due_at;
            s->resolved_at = fact.resolved_at;
            s->returned_at = atoll (PQgetvalue (res, r, 10));
            s->status = (char *) s_status (res, r);
            s->timeliness = (char *) (fact.resolved_at && fact.due_at
                          ? timeliness_name (worktime_timeliness (fact.due_at, fact.resolved_at)) : "");
            if (log_book) {
                s->applicant_name = PQgetvalue (res, r, 14);
                s->applicant_address = PQgetvalue (res, r, 15);
                s->applicant_phone = PQgetvalue (res, r, 16);
            }
            s->return_method = (Motcua__V1__ReturnMethod) atoi (PQgetvalue (res, r, 17));
            ptrs [list.n_dossiers++] = s;
        }
        if (rows < 2000)
            break;
        params [2] = PQgetvalue (res, rows - 1, 18);
        params [3] = PQgetvalue (res, rows - 1, 0);
    }
    //  How many in all: the cell's own count (the same rule, from the report).
    rollup_row_t *total = NULL;
    size_t n_total = 0;
    if (!failed && !log_book) {
        if (reporting_rollup_rows (db, from, to, NULL, 0, &filter, s_from_facts (db, p, from, to), &total, &n_total))
            failed = true;
        else {
            bool known;
            matched = n_total ? form06a_get (&total [0].counts, column, &known) : 0;
        }
        free (total);
    }
    if (failed)
        api_db_fail (error, db_error (db));
    list.dossiers = ptrs;
    list.total = matched;
    list.from = from;
    list.to = to;
    reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_DOSSIERS;
    reply.dossiers = &list;
    zchunk_t *packed = api_reply_pack (&reply.base, error);
    free (items);
    free (ptrs);
    for (PGresult *page = (PGresult *) zlist_first (pages); page; page = (PGresult *) zlist_next (pages))
        PQclear (page);
    zlist_destroy (&pages);
    return packed;
}

zchunk_t *
reporting_forms_handle (service_t *service, const principal_t *who, const Motcua__V1__ReportingRequest *request)
{
    db_t *db = service_db (service);
    api_error_t error = { 0 };
    switch (request->body_case) {
        case MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT:
        case MOTCUA__V1__REPORTING_REQUEST__BODY_RATES:
        case MOTCUA__V1__REPORTING_REQUEST__BODY_SERIES:
            return request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT ? s_report (db, request, &error)
                 : request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_RATES ? s_rates_reply (db, request, &error)
                 : s_series (db, request, &error);
        case MOTCUA__V1__REPORTING_REQUEST__BODY_DRILL:
            return s_list (db, who, request, false, &error);
        case MOTCUA__V1__REPORTING_REQUEST__BODY_LOG_BOOK:
            return s_list (db, who, request, true, &error);
        default:
            return NULL;
    }
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    return api_reply_pack (&reply.base, &error);
}
