/*  report06a — II.06a arithmetic. See report06a.h.                         */
#include <string.h>
#include "report06a.h"
#include "worktime.h"

void
report06a_init (report06a_t *report, int64_t from, int64_t to)
{
    memset (report, 0, sizeof *report);
    report->from = from;
    report->to = to;
}

void
report06a_add (report06a_t *r, const report_fact_t *fact)
{
    //  The window's population: received before its end, not finished before its start.
    if (!fact->received_at || fact->received_at >= r->to)
        return;
    if (fact->resolved_at && fact->resolved_at < r->from)
        return;
    r->received_total++;
    if (fact->received_at < r->from)
        r->carried_over++;
    else
    if (fact->channel == 2)
        r->received_online++;
    else
    if (fact->channel == 3)
        r->received_postal++;
    else
        r->received_direct++;

    if (fact->resolved_at && fact->resolved_at < r->to) {
        r->resolved_total++;
        timeliness_t t = worktime_timeliness (fact->due_at, fact->resolved_at);
        if (t == TIMELINESS_EARLY)
            r->resolved_early++;
        else
        if (t == TIMELINESS_ON_TIME)
            r->resolved_on_time++;
        else
            r->resolved_late++;
    }
    else {
        r->in_progress_total++;
        bool waiting = fact->paused_at && fact->paused_at < r->to
                    && (!fact->resumed_at || fact->resumed_at >= r->to);
        if (waiting ? fact->paused_at <= fact->due_at : fact->due_at >= r->to)
            r->in_progress_within++;
        else
            r->in_progress_overdue++;
    }
}

bool
report06a_consistent (const report06a_t *r)
{
    return r->received_total == r->received_online + r->received_direct + r->received_postal + r->carried_over
        && r->received_total == r->resolved_total + r->in_progress_total
        && r->resolved_total == r->resolved_early + r->resolved_on_time + r->resolved_late
        && r->in_progress_total == r->in_progress_within + r->in_progress_overdue;
}
