/*  period — reporting periods (DESIGN §6, research/domain.md §1.4): month,
    quarter, 6 months, 9 months and year, each from the 15th of the month
    before its first month to the 14th of its last month (Decree 09/2019), or
    the calendar period on request; and the months inside a period, for
    monthly series. Windows are [from, to) in ms, local midnights. Pure.     */
#ifndef PERIOD_H
#define PERIOD_H
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PERIOD_NONE = 0, PERIOD_MONTH = 1, PERIOD_QUARTER = 2,
    PERIOD_HALF_YEAR = 3, PERIOD_NINE_MONTHS = 4, PERIOD_YEAR = 5
} period_kind_t;

//  The window of a period. number: month 1-12 or quarter 1-4 (unused for the
//  others). label (may be NULL) gets the Vietnamese name, e.g. "Quý I năm
//  2024". 0, or -1 for a bad kind, year (1901-9998) or number.
int  period_window (period_kind_t kind, int year, int number, bool calendar,
                    int64_t *from, int64_t *to, char *label, size_t label_size);

//  Parse "month:2024-03", "quarter:2024-1", "half:2024", "nine:2024",
//  "year:2024". 0 or -1.
int  period_parse (const char *text, period_kind_t *kind, int *year, int *number);

//  The months of [from, to): up to max windows, each a report month (15th →
//  14th) or, if calendar, a calendar month, clipped to [from, to). Returns
//  how many. labels[i] (may be NULL) gets "MM/YYYY" (12 bytes each).
size_t period_months (int64_t from, int64_t to, bool calendar, int64_t *starts,
                      int64_t *ends, char (*labels) [12], size_t max);

#endif
