/*  worktime — the legal clock's arithmetic: office hours, working days and due
    times. Pure: the working-day rule is a callback, so the holiday calendar of a
    later issue plugs in without touching this file.                          */
#ifndef WORKTIME_H
#define WORKTIME_H
#include <stdint.h>
#include <stdbool.h>

#define WORKTIME_MAX_SPANS       4
#define WORKTIME_MINUTES_PER_DAY (8 * 60)       //  one working day = 8 hours

typedef enum {
    LIMIT_WORKING_DAYS = 1,
    LIMIT_WORKING_HOURS,
    LIMIT_CALENDAR_DAYS
} limit_unit_t;

typedef enum {
    TIMELINESS_EARLY = 1,
    TIMELINESS_ON_TIME,
    TIMELINESS_LATE
} timeliness_t;

//  Is this local date a working day? ctx is the caller's calendar.
typedef bool (worktime_day_fn) (void *ctx, int year, int month, int day);

typedef struct {
    int span_start [WORKTIME_MAX_SPANS];  //  minutes after local midnight
    int span_end [WORKTIME_MAX_SPANS];
    int span_count;
    worktime_day_fn *is_working_day;      //  NULL: Monday to Friday
    void *calendar;
} worktime_rules_t;

//  Default office hours 07:00–11:30 and 13:30–17:00, Monday to Friday.
void    worktime_rules_default (worktime_rules_t *rules);

//  Parse "07:00-11:30,13:30-17:00" into rules' spans. 0 or -1.
int     worktime_rules_parse_hours (worktime_rules_t *rules, const char *text);

bool    worktime_is_working_day (const worktime_rules_t *rules, int64_t at_ms);

//  The first working instant at or after at_ms (after hours → next morning).
int64_t worktime_align (const worktime_rules_t *rules, int64_t at_ms);

//  The instant reached after `minutes` working minutes from start.
//  A limit that ends exactly at a span's end stays there (17:00, not 07:00).
int64_t worktime_add (const worktime_rules_t *rules, int64_t start_ms, int64_t minutes);

//  Working minutes elapsed between two instants, to the nearest minute
//  (0 if to <= from).
int64_t worktime_between (const worktime_rules_t *rules, int64_t from_ms, int64_t to_ms);

//  Due time of a limit counted from the moment the clock starts.
//  Calendar days end at the office close of the Nth day, moved to the next
//  working day if that is a day off.
int64_t worktime_due (const worktime_rules_t *rules, int64_t start_ms,
                      int value, limit_unit_t unit);

//  Early: resolved before the due day; on time: on the due day, not after the
//  due time; late: after it.
timeliness_t worktime_timeliness (int64_t due_ms, int64_t resolved_ms);

const char  *timeliness_name (timeliness_t t);          //  early, on_time, late
int          limit_unit_parse (const char *text, limit_unit_t *unit);
const char  *limit_unit_name (limit_unit_t unit);
//  "20 ngày làm việc", "4 giờ làm việc", "30 ngày"
void         limit_text (int value, limit_unit_t unit, char *buf, size_t size);

#endif
