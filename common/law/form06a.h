/*  form06a — form II.06a as officials read and file it (Circular 01/2020/
    TT-VPCP, research/domain.md §1.2): its 13 columns and Vietnamese headings,
    a count read by column name, and the check of a row's identities, for our
    own rows and for hand-made reports given as the 11 numbers of columns 3-13
    (direct and postal together, as the form prints them). Pure.            */
#ifndef FORM06A_H
#define FORM06A_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "report06a.h"

//  The 12 counts of Report06a, by their API names (DrillRequest.column).
#define FORM06A_COUNTS 12
extern const char *form06a_count_names [FORM06A_COUNTS];

//  The count named name, or -1 (and *ok = false) if no such column.
int64_t form06a_get (const report06a_t *r, const char *name, bool *ok);

//  The form's 13 columns: headings (Vietnamese) of columns 1..13 and the
//  group heading each sits under ("" for none).
extern const char *form06a_headings [13];
extern const char *form06a_groups [13];

//  A filed row's 11 numbers (columns 3-13): received, online, direct and
//  postal, carried over, resolved, early, on time, late, in progress,
//  within, overdue.
typedef struct { int64_t v [11]; } form06a_filed_t;

void form06a_filed_from (const report06a_t *r, form06a_filed_t *out);

//  Check a filed row's identities. Returns how many break, and describes
//  them (Vietnamese, with the numbers) into why.
int  form06a_check (const form06a_filed_t *row, char *why, size_t size);

//  Does next's carried over equal previous's in progress? 0 if so, else -1
//  with why set.
int  form06a_check_link (const form06a_filed_t *previous, const form06a_filed_t *next,
                         char *why, size_t size);

//  A stated rate "numerator/denominator = percent" (one decimal, as reports
//  print it): 0 if 100 * n / d rounds to it, else -1 with why set (e.g. the
//  seed's 224/267 stated as 82.4% is 83.9%).
int  form06a_check_rate (int64_t numerator, int64_t denominator, double stated, char *why, size_t size);

#endif
