/*  report06a — the arithmetic of form II.06a (Circular 01/2020/TT-VPCP) over a
    window [from, to), DESIGN §6. Each dossier is counted once, so the form's
    identities hold by construction:
        received = new online + new direct + new postal + carried over
        received = resolved + in progress
        resolved = early + on time + late
        in progress = within deadline + overdue
    A dossier waiting for its supplement at the window's end is within the
    deadline unless it was already overdue when its clock paused.
    Pure: facts in, totals out.                                              */
#ifndef REPORT06A_H
#define REPORT06A_H
#include <stdint.h>
#include <stdbool.h>

typedef struct {
    int64_t received_at;        //  0: not (yet) known to be received
    int64_t due_at;
    int64_t resolved_at;        //  0: not resolved
    int channel;                //  1 direct, 2 online, 3 postal
    int64_t paused_at;          //  supplement requested (0: never)
    int64_t resumed_at;         //  supplement handed in (0: not yet)
} report_fact_t;

typedef struct {
    int64_t from, to;
    int64_t received_total, received_online, received_direct, received_postal, carried_over;
    int64_t resolved_total, resolved_early, resolved_on_time, resolved_late;
    int64_t in_progress_total, in_progress_within, in_progress_overdue;
} report06a_t;

void report06a_init (report06a_t *report, int64_t from, int64_t to);

//  Count one dossier; facts outside the window's population are ignored.
void report06a_add (report06a_t *report, const report_fact_t *fact);

//  Do the four identities hold? (They must; a check for reports from elsewhere.)
bool report06a_consistent (const report06a_t *report);

#endif
