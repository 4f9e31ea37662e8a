/*  rollup — a dossier's deltas to the reporting rollups. See rollup.h.     */
#include "rollup.h"
#include "vntime.h"
#include "worktime.h"

const char *rollup_metric_names [RM_COUNT] = {
    "new_online", "new_direct", "new_postal",
    "res_early", "res_on_time", "res_late",
    "open", "overdue",
    "new_capable", "new_capable_online", "new_digitised",
    "res_digitised", "res_postal_return",
};

static size_t
s_put (rollup_delta_t *out, size_t n, int64_t at, rollup_metric_t metric, int delta)
{
    out [n].at = at;
    out [n].metric = metric;
    out [n].delta = delta;
    return n + 1;
}

size_t
rollup_deltas (const rollup_fact_t *fact, rollup_delta_t *out)
{
    const report_fact_t *f = &fact->base;
    if (!f->received_at)
        return 0;
    size_t n = 0;
    int64_t received = f->received_at;
    //  A resolution recorded before the receipt cannot be: count it at receipt.
    int64_t resolved = f->resolved_at && f->resolved_at < received ? received : f->resolved_at;

    n = s_put (out, n, received, f->channel == 2 ? RM_NEW_ONLINE
                               : f->channel == 3 ? RM_NEW_POSTAL : RM_NEW_DIRECT, 1);
    if (fact->online_capable) {
        n = s_put (out, n, received, RM_NEW_CAPABLE, 1);
        if (f->channel == 2)
            n = s_put (out, n, received, RM_NEW_CAPABLE_ONLINE, 1);
    }
    if (fact->digitised)
        n = s_put (out, n, received, RM_NEW_DIGITISED, 1);
    n = s_put (out, n, received, RM_OPEN, 1);

    //  Overdue over (start, resolved]: never while a pause that began in time waits.
    int64_t start = f->due_at > received ? f->due_at : received;
    bool paused_in_time = f->paused_at && f->paused_at <= f->due_at;
    bool overdue = !paused_in_time || f->resumed_at;
    if (paused_in_time && f->resumed_at > start)
        start = f->resumed_at;
    if (overdue && (!resolved || start < resolved)) {
        n = s_put (out, n, start, RM_OVERDUE, 1);
        if (resolved)
            n = s_put (out, n, resolved, RM_OVERDUE, -1);
    }
    if (resolved) {
        timeliness_t t = worktime_timeliness (f->due_at, resolved);
        n = s_put (out, n, resolved, t == TIMELINESS_EARLY ? RM_RES_EARLY
                                   : t == TIMELINESS_ON_TIME ? RM_RES_ON_TIME : RM_RES_LATE, 1);
        n = s_put (out, n, resolved, RM_OPEN, -1);
        if (fact->result_digitised)
            n = s_put (out, n, resolved, RM_RES_DIGITISED, 1);
        if (fact->postal_return)
            n = s_put (out, n, resolved, RM_RES_POSTAL_RETURN, 1);
    }
    return n;
}

int32_t
rollup_day_bucket (int64_t at)
{
    int64_t local = at + VN_OFFSET_MS;
    return (int32_t) (local >= 0 ? local / MS_PER_DAY : -((-local + MS_PER_DAY - 1) / MS_PER_DAY));
}

int32_t
rollup_month_bucket (int64_t at)
{
    int y, m, d;
    vn_civil_from_days (rollup_day_bucket (at), &y, &m, &d);
    return (int32_t) (y * 12 + m - 1);
}

int64_t
rollup_day_start (int32_t day)
{
    return (int64_t) day * MS_PER_DAY - VN_OFFSET_MS;
}

int32_t
rollup_month_first_day (int32_t month)
{
    return (int32_t) vn_days_from_civil (month / 12, month % 12 + 1, 1);
}

void
rollup_report (const rollup_sums_t *f, const rollup_sums_t *t, report06a_t *r)
{
    int64_t from = r->from, to = r->to;
    report06a_init (r, from, to);
    r->received_online = t->v [RM_NEW_ONLINE] - f->v [RM_NEW_ONLINE];
    r->received_direct = t->v [RM_NEW_DIRECT] - f->v [RM_NEW_DIRECT];
    r->received_postal = t->v [RM_NEW_POSTAL] - f->v [RM_NEW_POSTAL];
    r->carried_over = f->v [RM_OPEN];
    r->received_total = r->received_online + r->received_direct + r->received_postal + r->carried_over;
    r->resolved_early = t->v [RM_RES_EARLY] - f->v [RM_RES_EARLY];
    r->resolved_on_time = t->v [RM_RES_ON_TIME] - f->v [RM_RES_ON_TIME];
    r->resolved_late = t->v [RM_RES_LATE] - f->v [RM_RES_LATE];
    r->resolved_total = r->resolved_early + r->resolved_on_time + r->resolved_late;
    r->in_progress_total = t->v [RM_OPEN];
    r->in_progress_overdue = t->v [RM_OVERDUE];
    r->in_progress_within = r->in_progress_total - r->in_progress_overdue;
}
