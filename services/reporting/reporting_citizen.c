/*  reporting_citizen — ratings, feedback, satisfaction, II.07b. See
    reporting_citizen.h.                                                   */
#include "reporting_store.h"
#include "reporting_sql.h"
#include "db_ms.h"
#include "reporting_citizen.h"
#include "reporting_forms.h"
#include "idempotency.h"
#include "rule_set.h"
#include "satisfaction.h"
#include "worktime.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define NOT_FOUND MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND


//  1 if reporting knows the dossier, 0 if not (error set), -1 on failure.
static int
s_known (db_t *db, const char *code, api_error_t *error)
{
    const char *params [1] = { code };
    PGresult *res = db_query (db, "SELECT 1 FROM reporting.dossier_fact WHERE dossier_code = $1"
                                  " AND received_at IS NOT NULL", 1, params);
    if (!res)
        return api_db_fail (error, db_error (db));
    int found = PQntuples (res) > 0;
    PQclear (res);
    if (!found)
        api_fail (error, NOT_FOUND, "dossier_code", "no dossier %s is known to reporting", code);
    return found;
}

// --------------------------------------------------------------------------
//  Ratings

typedef struct {
    db_t *db;
    const principal_t *who;
    const Motcua__V1__RateRequest *req;
    int64_t at;
} s_rate_t;

static zchunk_t *
s_rate_work (void *context, api_error_t *error)
{
    s_rate_t *c = (s_rate_t *) context;
    char at [24], item [8], level [8];
    for (size_t i = 0; i < c->req->n_items; i++) {
        snprintf (item, sizeof item, "%d", c->req->items [i]->item);
        snprintf (level, sizeof level, "%d", c->req->items [i]->level);
        const char *params [7] = {
            c->req->dossier_code, item, level, *c->req->channel ? c->req->channel : "kiosk",
            c->req->comment, reporting_num (c->at, at, sizeof at), c->who->name
        };
        if (db_exec (c->db, "INSERT INTO reporting.rating (dossier_code, item, level, channel, comment,"
                            " rated_at, recorded_by) VALUES ($1, $2, $3, $4, $5, " DB_TS (6) ", $7)", 7, params)) {
            api_db_fail (error, db_error (c->db));
            return NULL;
        }
    }
    Motcua__V1__RateResult result = MOTCUA__V1__RATE_RESULT__INIT;
    result.dossier_code = c->req->dossier_code;
    result.rated_at = c->at;
    result.items = (int32_t) c->req->n_items;
    return api_pack (&result.base);
}

static Motcua__V1__RateResult *
s_rate (service_t *service, const principal_t *who, const Motcua__V1__RateRequest *req, api_error_t *error)
{
    db_t *db = service_db (service);
    static const char *channels [] = { "", "kiosk", "portal", "paper", "sms" };
    bool channel_ok = false;
    for (size_t i = 0; i < sizeof channels / sizeof channels [0]; i++)
        channel_ok |= streq (req->channel, channels [i]);
    if (api_check_text (error, "idempotency_key", req->idempotency_key, 128, true)
    ||  api_check_text (error, "dossier_code", req->dossier_code, 64, true)
    ||  api_check_text (error, "comment", req->comment, 2000, false))
        return NULL;
    if (!channel_ok) {
        api_fail (error, INVALID, "channel", "the channel is kiosk, portal, paper or sms");
        return NULL;
    }
    if (req->n_items == 0 || req->n_items > 10) {
        api_fail (error, INVALID, "items", "rate 1 to 10 items (0 overall, 1-9 the items of Decree 118/2025 art. 33)");
        return NULL;
    }
    bool seen [10] = { false };
    for (size_t i = 0; i < req->n_items; i++) {
        int item = req->items [i]->item, level = req->items [i]->level;
        if (item < 0 || item > 9 || seen [item]) {
            api_fail (error, INVALID, "items.item", "item %d: items are 0 (overall) to 9, each once", item);
            return NULL;
        }
        if (level < 1 || level > 5) {
            api_fail (error, INVALID, "items.level",
                      "level %d: 1 rất không hài lòng, 2 không hài lòng, 3 bình thường, 4 hài lòng, 5 rất hài lòng",
                      level);
            return NULL;
        }
        seen [item] = true;
    }
    int64_t now = vn_now_ms ();
    if (req->rated_at < 0 || req->rated_at > now + 60000) {
        api_fail (error, INVALID, "rated_at", "a rating cannot be made in the future");
        return NULL;
    }
    reporting_scope_t scope;
    if (s_known (db, req->dossier_code, error) != 1
    ||  reporting_store_scope (db, req->dossier_code, &scope) < 0
    ||  service_allow_dossier (service, who, req->dossier_code, scope.procedure, scope.agency,
                               "record ratings", error))
        return NULL;
    s_rate_t context = { db, who, req, req->rated_at ? req->rated_at : now };
    zchunk_t *body = service_run_once (service, req->idempotency_key, s_rate_work, &context, error);
    if (!body)
        return NULL;
    Motcua__V1__RateResult *result = motcua__v1__rate_result__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    return result;
}

// --------------------------------------------------------------------------
//  Feedback

typedef struct {
    db_t *db;
    const principal_t *who;
    const Motcua__V1__FeedbackRequest *req;
    const Motcua__V1__FeedbackHandleRequest *handle;
    int64_t at;
} s_feedback_t;

static zchunk_t *
s_feedback_work (void *context, api_error_t *error)
{
    s_feedback_t *c = (s_feedback_t *) context;
    Motcua__V1__FeedbackResult result = MOTCUA__V1__FEEDBACK_RESULT__INIT;
    char at [24], id [48];
    PGresult *res;
    if (c->req) {
        const Motcua__V1__FeedbackRequest *r = c->req;
        vn_civil_t day;
        vn_civil (c->at, &day);
        char prefix [24];
        snprintf (prefix, sizeof prefix, "PAKN-%02d%02d%02d-", day.year % 100, day.month, day.day);
        const char *params [8] = {
            r->feedback_id, prefix, r->dossier_code, r->kind, r->content, r->sender,
            reporting_num (c->at, at, sizeof at), c->who->name
        };
        //  The id given, or the day's next number (requests run one at a time).
        res = db_query (c->db,
            "INSERT INTO reporting.feedback (feedback_id, dossier_code, kind, content, sender, received_at, recorded_by)"
            " SELECT CASE WHEN $1 <> '' THEN $1 ELSE $2 || lpad ((count (*) + 1)::text, 4, '0') END,"
            " $3, $4, $5, $6, " DB_TS (7) ", $8 FROM reporting.feedback WHERE feedback_id LIKE $2 || '%'"
            " RETURNING feedback_id", 8, params);
        if (!res) {
            if (streq (db_sqlstate (c->db), "23505"))
                api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_ALREADY_EXISTS, "feedback_id",
                          "feedback %s is already recorded", r->feedback_id);
            else
                api_db_fail (error, db_error (c->db));
            return NULL;
        }
        result.state = (char *) "received";
    }
    else {
        const Motcua__V1__FeedbackHandleRequest *h = c->handle;
        const char *params [4] = { h->feedback_id, h->result, reporting_num (c->at, at, sizeof at),
                                   h->substantiated ? "true" : "false" };
        res = db_query (c->db,
            "UPDATE reporting.feedback SET handled_at = " DB_TS (3) ", result = $2, substantiated = $4::boolean"
            " WHERE feedback_id = $1 AND handled_at IS NULL AND received_at <= " DB_TS (3)
            " RETURNING feedback_id", 4, params);
        if (!res) {
            api_db_fail (error, db_error (c->db));
            return NULL;
        }
        if (!PQntuples (res)) {
            PQclear (res);
            api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION, "feedback_id",
                      "feedback %s is unknown, already handled, or received after that time", h->feedback_id);
            return NULL;
        }
        result.state = (char *) "handled";
    }
    snprintf (id, sizeof id, "%s", PQgetvalue (res, 0, 0));
    PQclear (res);
    result.feedback_id = id;
    result.at = c->at;
    return api_pack (&result.base);
}

static Motcua__V1__FeedbackResult *
s_feedback (service_t *service, const principal_t *who, const Motcua__V1__FeedbackRequest *req,
            const Motcua__V1__FeedbackHandleRequest *handle, api_error_t *error)
{
    db_t *db = service_db (service);
    int64_t now = vn_now_ms (), at = req ? req->received_at : handle->handled_at;
    const char *key = req ? req->idempotency_key : handle->idempotency_key;
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "feedback_id", req ? req->feedback_id : handle->feedback_id, 40, !req))
        return NULL;
    if (req) {
        if (api_check_text (error, "dossier_code", req->dossier_code, 64, false)
        ||  api_check_text (error, "content", req->content, 4000, true)
        ||  api_check_text (error, "sender", req->sender, 300, false))
            return NULL;
        if (!streq (req->kind, "regulation") && !streq (req->kind, "conduct")) {
            api_fail (error, INVALID, "kind", "feedback is about a regulation or about officials' conduct");
            return NULL;
        }
        if (*req->dossier_code && s_known (db, req->dossier_code, error) != 1)
            return NULL;
    }
    else
    if (api_check_text (error, "result", handle->result, 4000, true))
        return NULL;
    if (at < 0 || at > now + 60000) {
        api_fail (error, INVALID, req ? "received_at" : "handled_at", "the time cannot be in the future");
        return NULL;
    }
    s_feedback_t context = { db, who, req, handle, at ? at : now };
    zchunk_t *body = service_run_once (service, key, s_feedback_work, &context, error);
    if (!body)
        return NULL;
    Motcua__V1__FeedbackResult *result = motcua__v1__feedback_result__unpack (NULL, zchunk_size (body),
                                                                               zchunk_data (body));
    zchunk_destroy (&body);
    return result;
}

static int
s_feedback_counts (db_t *db, int64_t from, int64_t to, Motcua__V1__FeedbackCounts *counts)
{
    char f [24], t [24];
    const char *params [2] = { reporting_num (from, f, sizeof f), reporting_num (to, t, sizeof t) };
    PGresult *res = db_query (db,
        "SELECT count (*) FILTER (WHERE received_at >= " DB_TS (1) "),"
        " count (*) FILTER (WHERE received_at < " DB_TS (1) "),"
        " count (*) FILTER (WHERE handled_at < " DB_TS (2) "),"
        " count (*) FILTER (WHERE handled_at IS NULL OR handled_at >= " DB_TS (2) "),"
        " count (*) FILTER (WHERE kind = 'regulation'), count (*) FILTER (WHERE kind = 'conduct')"
        " FROM reporting.feedback WHERE received_at < " DB_TS (2)
        " AND (handled_at IS NULL OR handled_at >= " DB_TS (1) ")", 2, params);
    if (!res)
        return -1;
    counts->from = from;
    counts->to = to;
    counts->received_new = atoll (PQgetvalue (res, 0, 0));
    counts->carried_over = atoll (PQgetvalue (res, 0, 1));
    counts->received_total = counts->received_new + counts->carried_over;
    counts->handled = atoll (PQgetvalue (res, 0, 2));
    counts->in_progress = atoll (PQgetvalue (res, 0, 3));
    counts->regulation = atoll (PQgetvalue (res, 0, 4));
    counts->conduct = atoll (PQgetvalue (res, 0, 5));
    PQclear (res);
    return 0;
}

// --------------------------------------------------------------------------
//  Satisfaction

static const char *s_names_2018 [9] = {
    "Tổng thời gian giải quyết TTHC so với thời gian quy định",
    "Thời gian thực hiện tại từng cơ quan, đơn vị tham gia giải quyết",
    "Số lần tổ chức, cá nhân phải liên hệ để hoàn thiện hồ sơ",
    "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ",
    "Thực hiện tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa",
    "Công khai thủ tục hành chính tại Bộ phận Một cửa",
    "Thái độ của cán bộ, công chức",
    "Tiếp thu, giải trình phản ánh, kiến nghị",
    "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến",
};

static const char *s_names_2025 [9] = {
    "Thời gian giải quyết",
    "Số lượng cơ quan, đơn vị phải liên hệ",
    "Số lần phải liên hệ",
    "Tính chính xác của thông tin công khai",
    "Thái độ của cán bộ, công chức",
    "Kết quả và chi phí đúng quy định",
    "Chất lượng hướng dẫn, giải thích",
    "Chất lượng dịch vụ công trực tuyến",
    "Ý kiến khác",
};

typedef struct {
    Motcua__V1__Satisfaction s;
    Motcua__V1__IndicatorScore ind [9], *ind_p [9];
    Motcua__V1__ItemRating item [9], *item_p [9];
    int64_t levels [9][5];
    int64_t overall [5];
} s_satisfaction_t;

static int
s_satisfaction (db_t *db, int64_t from, int64_t to, s_satisfaction_t *out)
{
    memset (out, 0, sizeof *out);
    motcua__v1__satisfaction__init (&out->s);
    char f [24], t [24];
    const char *params [2] = { reporting_num (from, f, sizeof f), reporting_num (to, t, sizeof t) };
    PGresult *res = db_query (db,
        "SELECT coalesce (f.rule_set, '2018'), coalesce ((extract (epoch FROM f.due_at) * 1000)::bigint, 0),"
        " (extract (epoch FROM f.resolved_at) * 1000)::bigint, f.supplements, coalesce (f.channel, 1),"
        " EXISTS (SELECT 1 FROM reporting.feedback k WHERE k.dossier_code = f.dossier_code"
        "         AND k.kind = 'conduct' AND k.substantiated)"
        " FROM reporting.dossier_fact f WHERE f.received_at IS NOT NULL"
        " AND f.resolved_at >= " DB_TS (1) " AND f.resolved_at < " DB_TS (2), 2, params);
    if (!res)
        return -1;
    for (int i = 0; i < 9; i++) {
        motcua__v1__indicator_score__init (&out->ind [i]);
        out->ind [i].number = i + 1;
        out->ind [i].name = (char *) s_names_2018 [i];
        out->ind_p [i] = &out->ind [i];
        motcua__v1__item_rating__init (&out->item [i]);
        out->item [i].item = i + 1;
        out->item [i].name = (char *) s_names_2025 [i];
        out->item [i].n_levels = 5;
        out->item [i].levels = out->levels [i];
        out->item_p [i] = &out->item [i];
    }
    for (int r = 0; r < PQntuples (res); r++) {
        satisfaction_facts_t facts = {
            worktime_timeliness (atoll (PQgetvalue (res, r, 1)), atoll (PQgetvalue (res, r, 2))),
            atoi (PQgetvalue (res, r, 3)), atoi (PQgetvalue (res, r, 4)), *PQgetvalue (res, r, 5) == 't'
        };
        rules_id_t rules;
        if (rule_set_parse (PQgetvalue (res, r, 0), &rules) == 0 && rules == RULES_2025) {
            out->s.dossiers_2025++;
            bool good [3];
            satisfaction_items_2025 (&facts, good);
            for (int i = 0; i < 3; i++) {
                if (good [i])
                    out->item [i].automatic_good++;
                else
                    out->item [i].automatic_bad++;
            }
            continue;
        }
        out->s.dossiers_2018++;
        int points [9];
        satisfaction_points_2018 (&facts, points);
        for (int i = 0; i < 9; i++) {
            Motcua__V1__IndicatorScore *s = &out->ind [i];
            if (points [i] < 0)
                s->not_assessed++;
            else {
                *(points [i] == 2 ? &s->two_points : points [i] == 1 ? &s->one_point : &s->zero_points) += 1;
                out->s.points_2018 += points [i];
                out->s.max_points_2018 += 2;
            }
        }
    }
    PQclear (res);
    res = db_query (db, "SELECT item, level, count (*) FROM reporting.rating"
                        " WHERE rated_at >= " DB_TS (1) " AND rated_at < " DB_TS (2) " GROUP BY item, level", 2, params);
    if (!res)
        return -1;
    for (int r = 0; r < PQntuples (res); r++) {
        int item = atoi (PQgetvalue (res, r, 0)), level = atoi (PQgetvalue (res, r, 1));
        int64_t n = atoll (PQgetvalue (res, r, 2));
        if (level < 1 || level > 5)
            continue;
        if (item >= 1 && item <= 9)
            out->levels [item - 1][level - 1] += n;
        out->overall [level - 1] += n;
        out->s.ratings += n;
    }
    PQclear (res);
    out->s.from = from;
    out->s.to = to;
    out->s.n_indicators_2018 = 9;
    out->s.indicators_2018 = out->ind_p;
    out->s.n_items_2025 = 9;
    out->s.items_2025 = out->item_p;
    out->s.n_overall_levels = 5;
    out->s.overall_levels = out->overall;
    return 0;
}

// --------------------------------------------------------------------------
//  II.07b

typedef struct {
    Motcua__V1__Form07b form;
    Motcua__V1__Form07bRow *rows, **row_p, total;
    int64_t *numbers;               //  12 per row, then 12 for the total
} s_form07b_t;

static void
s_row07b (Motcua__V1__Form07bRow *row, int64_t *numbers)
{
    motcua__v1__form07b_row__init (row);
    row->n_local = row->n_one_stop = row->n_processes = 4;
    row->local = numbers;
    row->one_stop = numbers + 4;
    row->processes = numbers + 8;
}

static int
s_form07b (db_t *db, int64_t to, s_form07b_t *out, PGresult **keep)
{
    memset (out, 0, sizeof *out);
    char t [24];
    const char *params [1] = { reporting_num (to - 1, t, sizeof t) };
    //  The versions in force at the period's last instant. Every catalogue
    //  procedure is taken in at the one-stop counter.
    PGresult *res = db_query (db,
        "SELECT v.agency_code, a.name, count (*),"
        " count (*) FILTER (WHERE v.level = 'province'), count (*) FILTER (WHERE v.level = 'district'),"
        " count (*) FILTER (WHERE v.level = 'commune'),"
        " count (*) FILTER (WHERE EXISTS (SELECT 1 FROM catalog.procedure_step s WHERE s.version_id = v.id)),"
        " count (*) FILTER (WHERE v.level = 'province' AND EXISTS (SELECT 1 FROM catalog.procedure_step s WHERE s.version_id = v.id)),"
        " count (*) FILTER (WHERE v.level = 'district' AND EXISTS (SELECT 1 FROM catalog.procedure_step s WHERE s.version_id = v.id)),"
        " count (*) FILTER (WHERE v.level = 'commune' AND EXISTS (SELECT 1 FROM catalog.procedure_step s WHERE s.version_id = v.id))"
        " FROM catalog.procedure_at (" DB_TS (1) ") v JOIN catalog.agency a ON a.code = v.agency_code"
        " GROUP BY v.agency_code, a.name ORDER BY v.agency_code", 1, params);
    if (!res)
        return -1;
    *keep = res;
    size_t n = (size_t) PQntuples (res);
    out->rows = calloc (n + 1, sizeof *out->rows);
    out->row_p = calloc (n + 1, sizeof *out->row_p);
    out->numbers = calloc ((n + 1) * 12, sizeof (int64_t));
    int64_t *total = out->numbers + n * 12;
    for (size_t r = 0; r < n; r++) {
        int64_t *v = out->numbers + r * 12;
        s_row07b (&out->rows [r], v);
        out->rows [r].agency_code = PQgetvalue (res, (int) r, 0);
        out->rows [r].agency_name = PQgetvalue (res, (int) r, 1);
        for (int i = 0; i < 4; i++) {
            v [i] = v [4 + i] = atoll (PQgetvalue (res, (int) r, 2 + i));
            v [8 + i] = atoll (PQgetvalue (res, (int) r, 6 + i));
        }
        for (int i = 0; i < 12; i++)
            total [i] += v [i];
        out->row_p [r] = &out->rows [r];
    }
    s_row07b (&out->total, total);
    out->total.agency_name = (char *) "Tổng cộng";
    motcua__v1__form07b__init (&out->form);
    out->form.at = to - 1;
    out->form.n_rows = n;
    out->form.rows = out->row_p;
    out->form.total = &out->total;
    return 0;
}

zchunk_t *
reporting_citizen_handle (service_t *service, const principal_t *who, const Motcua__V1__ReportingRequest *request)
{
    db_t *db = service_db (service);
    api_error_t error = { 0 };
    Motcua__V1__ReportingReply reply = MOTCUA__V1__REPORTING_REPLY__INIT;
    reply.request_id = request->request_id;
    Motcua__V1__RateResult *rated = NULL;
    Motcua__V1__FeedbackResult *feedback = NULL;
    Motcua__V1__FeedbackCounts counts = MOTCUA__V1__FEEDBACK_COUNTS__INIT;
    s_satisfaction_t satisfaction;
    s_form07b_t form07b = { 0 };
    PGresult *keep = NULL;
    int64_t from, to;
    char label [128];
    switch (request->body_case) {
        case MOTCUA__V1__REPORTING_REQUEST__BODY_RATE:
            if ((rated = s_rate (service, who, request->rate, &error))) {
                reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_RATED;
                reply.rated = rated;
            }
            break;
        case MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK:
        case MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK_HANDLE:
            //  (the oneof's members share one slot: pick by the case)
            feedback = request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK
                ? s_feedback (service, who, request->feedback, NULL, &error)
                : s_feedback (service, who, NULL, request->feedback_handle, &error);
            if (feedback) {
                reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_FEEDBACK;
                reply.feedback = feedback;
            }
            break;
        case MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK_COUNTS:
        case MOTCUA__V1__REPORTING_REQUEST__BODY_SATISFACTION:
        case MOTCUA__V1__REPORTING_REQUEST__BODY_FORM07B: {
            const Motcua__V1__PeriodRequest *p =
                request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK_COUNTS ? request->feedback_counts
              : request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_SATISFACTION ? request->satisfaction
              : request->form07b;
            if (reporting_forms_window (p ? p->period : NULL, &from, &to, label, sizeof label, &error))
                break;
            if (request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK_COUNTS) {
                if (s_feedback_counts (db, from, to, &counts))
                    api_db_fail (&error, db_error (db));
                reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_FEEDBACK_COUNTS;
                reply.feedback_counts = &counts;
            }
            else
            if (request->body_case == MOTCUA__V1__REPORTING_REQUEST__BODY_SATISFACTION) {
                if (s_satisfaction (db, from, to, &satisfaction))
                    api_db_fail (&error, db_error (db));
                reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_SATISFACTION;
                reply.satisfaction = &satisfaction.s;
            }
            else {
                if (s_form07b (db, to, &form07b, &keep))
                    api_db_fail (&error, db_error (db));
                reply.body_case = MOTCUA__V1__REPORTING_REPLY__BODY_FORM07B;
                reply.form07b = &form07b.form;
            }
            break;
        }
        default:
            return NULL;
    }
    zchunk_t *packed = api_reply_pack (&reply.base, &error);
    if (rated)
        motcua__v1__rate_result__free_unpacked (rated, NULL);
    if (feedback)
        motcua__v1__feedback_result__free_unpacked (feedback, NULL);
    free (form07b.rows);
    free (form07b.row_p);
    free (form07b.numbers);
    if (keep)
        PQclear (keep);
    return packed;
}
