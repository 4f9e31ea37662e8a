/*  rollup — what one dossier adds to the reporting rollups, so that II.06a
    and the rates of any window of whole local days answer from sums kept up
    to date by events instead of a scan of the facts (issue 4 item 4).

    Every count of II.06a at a window [F, T) is a prefix sum S(D) = the sum
    of a dossier's deltas at instants before D:
        new by channel  = S(T) - S(F) of the receipts, resolved by timeliness
        likewise; carried over = S(F).open; in progress = S(T).open;
        overdue = S(T).overdue; within = in progress - overdue.
    A dossier is open over (received, resolved] and overdue over
    (max(received, due, r), resolved], where r is the supplement's hand-in
    time when the clock paused at or before the due time (+inf while it waits),
    which is exactly report06a's rule, so the two always agree (a property
    test checks it). Deltas are bucketed by local day and by local month;
    rollup_day_bucket of an instant x is below that of a local midnight D
    exactly when x < D. Pure.                                               */
#ifndef ROLLUP_H
#define ROLLUP_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "report06a.h"

typedef enum {
    RM_NEW_ONLINE, RM_NEW_DIRECT, RM_NEW_POSTAL,
    RM_RES_EARLY, RM_RES_ON_TIME, RM_RES_LATE,
    RM_OPEN, RM_OVERDUE,                //  stock deltas
    RM_NEW_CAPABLE, RM_NEW_CAPABLE_ONLINE, RM_NEW_DIGITISED,
    RM_RES_DIGITISED, RM_RES_POSTAL_RETURN,
    RM_COUNT
} rollup_metric_t;

//  Column names of the metrics in reporting.rollup.
extern const char *rollup_metric_names [RM_COUNT];

typedef struct {
    report_fact_t base;
    bool online_capable;        //  the procedure was offered online at receipt
    bool digitised;             //  the dossier's components are electronic
    bool result_digitised;      //  an electronic result was issued
    bool postal_return;         //  the result goes back by post
} rollup_fact_t;

typedef struct {
    int64_t at;
    rollup_metric_t metric;
    int delta;                  //  +1 or -1
} rollup_delta_t;

#define ROLLUP_MAX_DELTAS 12

//  The deltas of one dossier (none before its receipt is known). Returns the
//  count written to out (at most ROLLUP_MAX_DELTAS).
size_t rollup_deltas (const rollup_fact_t *fact, rollup_delta_t *out);

//  Buckets: local days since 1970-01-01, and local months year*12 + month-1.
int32_t rollup_day_bucket (int64_t at);
int32_t rollup_month_bucket (int64_t at);
//  The local midnight starting a day bucket, and the first day of a month bucket.
int64_t rollup_day_start (int32_t day);
int32_t rollup_month_first_day (int32_t month);

typedef struct { int64_t v [RM_COUNT]; } rollup_sums_t;

//  II.06a of [from, to) from the prefix sums before from and before to.
void rollup_report (const rollup_sums_t *before_from, const rollup_sums_t *before_to,
                    report06a_t *report);

#endif
