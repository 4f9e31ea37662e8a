/*  worktime — the legal clock's arithmetic. See worktime.h.                   */
#include <stdio.h>
#include <string.h>
#include "vntime.h"
#include "worktime.h"

void
worktime_rules_default (worktime_rules_t *rules)
{
    memset (rules, 0, sizeof *rules);
    worktime_rules_parse_hours (rules, "07:00-11:30,13:30-17:00");
}

int
worktime_rules_parse_hours (worktime_rules_t *rules, const char *text)
{
    worktime_rules_t parsed = *rules;     //  rules stay untouched on failure
    int count = 0, prev_end = -1;
    const char *p = text;
    while (p && *p) {
        int h1, m1, h2, m2, used = 0;
        if (sscanf (p, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &used) != 4
        ||  count == WORKTIME_MAX_SPANS)
            return -1;
        int start = h1 * 60 + m1, end = h2 * 60 + m2;
        if (h1 < 0 || m1 < 0 || h2 < 0 || m2 < 0 || m1 > 59 || m2 > 59
        ||  start >= end || end > 24 * 60 || start < prev_end)
            return -1;
        parsed.span_start [count] = start;
        parsed.span_end [count] = end;
        prev_end = end;
        count++;
        p += used;
        if (*p == ',' && p [1])
            p++;
        else
        if (*p)
            return -1;
    }
    if (count == 0)
        return -1;
    parsed.span_count = count;
    *rules = parsed;
    return 0;
}

static bool
s_working_date (const worktime_rules_t *rules, int64_t days)
{
    int y, m, d;
    vn_civil_from_days (days, &y, &m, &d);
    if (rules->is_working_day)
        return rules->is_working_day (rules->calendar, y, m, d);
    int64_t wd = (days + 4) % 7;
    if (wd < 0)
        wd += 7;
    return wd >= 1 && wd <= 5;
}

static int64_t
s_local_days (int64_t at_ms, int *minute_of_day)
{
    int64_t local = at_ms + VN_OFFSET_MS;
    int64_t days = local / MS_PER_DAY - (local % MS_PER_DAY < 0);
    if (minute_of_day)
        *minute_of_day = (int) ((local - days * MS_PER_DAY) / MS_PER_MINUTE);
    return days;
}

static int64_t
s_instant (int64_t days, int minute)
{
    return days * MS_PER_DAY + minute * MS_PER_MINUTE - VN_OFFSET_MS;
}

bool
worktime_is_working_day (const worktime_rules_t *rules, int64_t at_ms)
{
    return s_working_date (rules, s_local_days (at_ms, NULL));
}

int64_t
worktime_align (const worktime_rules_t *rules, int64_t at_ms)
{
    int minute;
    int64_t days = s_local_days (at_ms, &minute);
    int64_t ms_in_minute = (at_ms + VN_OFFSET_MS) - (days * MS_PER_DAY + minute * MS_PER_MINUTE);
    for (int guard = 0; guard < 3660; guard++, days++, minute = 0, ms_in_minute = 0) {
        if (!s_working_date (rules, days))
            continue;
        for (int i = 0; i < rules->span_count; i++) {
            if (minute < rules->span_start [i])
                return s_instant (days, rules->span_start [i]);
            if (minute < rules->span_end [i])
                return s_instant (days, minute) + ms_in_minute;
        }
    }
    return at_ms;       //  no working day within ten years: a broken calendar
}

int64_t
worktime_add (const worktime_rules_t *rules, int64_t start_ms, int64_t minutes)
{
    int64_t at = worktime_align (rules, start_ms);
    int64_t left = minutes * MS_PER_MINUTE;
    for (int guard = 0; guard < 100000; guard++) {
        int minute;
        int64_t days = s_local_days (at, &minute);
        int64_t span_end = 0;
        for (int i = 0; i < rules->span_count; i++)
            if (minute >= rules->span_start [i] && minute < rules->span_end [i]) {
                span_end = s_instant (days, rules->span_end [i]);
                break;
            }
        if (span_end == 0)
            return at;          //  cannot happen after align
        if (at + left <= span_end)
            return at + left;
        left -= span_end - at;
        at = worktime_align (rules, span_end);
    }
    return at;
}

int64_t
worktime_between (const worktime_rules_t *rules, int64_t from_ms, int64_t to_ms)
{
    int64_t total = 0;
    int64_t at = worktime_align (rules, from_ms);
    while (at < to_ms) {
        int minute;
        int64_t days = s_local_days (at, &minute);
        int64_t span_end = at;
        for (int i = 0; i < rules->span_count; i++)
            if (minute >= rules->span_start [i] && minute < rules->span_end [i])
                span_end = s_instant (days, rules->span_end [i]);
        if (span_end <= at)
            break;
        int64_t stop = span_end < to_ms ? span_end : to_ms;
        total += stop - at;
        at = worktime_align (rules, span_end);
    }
    return (total + MS_PER_MINUTE / 2) / MS_PER_MINUTE;       //  to the nearest minute
}

int64_t
worktime_due (const worktime_rules_t *rules, int64_t start_ms, int value, limit_unit_t unit)
{
    if (unit == LIMIT_WORKING_DAYS)
        return worktime_add (rules, start_ms, (int64_t) value * WORKTIME_MINUTES_PER_DAY);
    if (unit == LIMIT_WORKING_HOURS)
        return worktime_add (rules, start_ms, (int64_t) value * 60);
    //  Calendar days: office close of the Nth day, never on a day off.
    int64_t days = s_local_days (start_ms, NULL) + value;
    while (!s_working_date (rules, days))
        days++;
    return s_instant (days, rules->span_end [rules->span_count - 1]);
}

timeliness_t
worktime_timeliness (int64_t due_ms, int64_t resolved_ms)
{
    if (resolved_ms > due_ms)
        return TIMELINESS_LATE;
    if (s_local_days (resolved_ms, NULL) < s_local_days (due_ms, NULL))
        return TIMELINESS_EARLY;
    return TIMELINESS_ON_TIME;
}

const char *
timeliness_name (timeliness_t t)
{
    return t == TIMELINESS_EARLY ? "early"
         : t == TIMELINESS_ON_TIME ? "on_time"
         : t == TIMELINESS_LATE ? "late" : "";
}

static const char *s_unit_names [] = { "", "working_days", "working_hours", "calendar_days" };

int
limit_unit_parse (const char *text, limit_unit_t *unit)
{
    for (int i = LIMIT_WORKING_DAYS; i <= LIMIT_CALENDAR_DAYS; i++)
        if (text && strcmp (text, s_unit_names [i]) == 0) {
            *unit = (limit_unit_t) i;
            return 0;
        }
    return -1;
}

const char *
limit_unit_name (limit_unit_t unit)
{
    return unit >= LIMIT_WORKING_DAYS && unit <= LIMIT_CALENDAR_DAYS ? s_unit_names [unit] : "";
}

void
limit_text (int value, limit_unit_t unit, char *buf, size_t size)
{
    const char *words = unit == LIMIT_WORKING_DAYS ? "ngày làm việc"
                      : unit == LIMIT_WORKING_HOURS ? "giờ làm việc" : "ngày";
    snprintf (buf, size, "%d %s", value, words);
}
