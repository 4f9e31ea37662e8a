/*  period — reporting periods. See period.h.                               */
#include <stdio.h>
#include <string.h>
#include "period.h"
#include "vntime.h"

//  Local midnight of day of (year, month), month counted past 12 or below 1.
static int64_t
s_day (int year, int month, int day)
{
    while (month > 12) { month -= 12; year++; }
    while (month < 1)  { month += 12; year--; }
    return vn_instant (year, month, day, 0);
}

static const char *s_roman [] = { "", "I", "II", "III", "IV" };

int
period_window (period_kind_t kind, int year, int number, bool calendar,
               int64_t *from, int64_t *to, char *label, size_t label_size)
{
    if (year < 1901 || year > 9998)
        return -1;
    int first, last;                //  first and last month of the period
    char name [64];
    switch (kind) {
        case PERIOD_MONTH:
            if (number < 1 || number > 12)
                return -1;
            first = last = number;
            snprintf (name, sizeof name, "Tháng %d năm %d", number, year);
            break;
        case PERIOD_QUARTER:
            if (number < 1 || number > 4)
                return -1;
            first = 3 * number - 2;
            last = 3 * number;
            snprintf (name, sizeof name, "Quý %s năm %d", s_roman [number], year);
            break;
        case PERIOD_HALF_YEAR:
            first = 1, last = 6;
            snprintf (name, sizeof name, "6 tháng đầu năm %d", year);
            break;
        case PERIOD_NINE_MONTHS:
            first = 1, last = 9;
            snprintf (name, sizeof name, "9 tháng năm %d", year);
            break;
        case PERIOD_YEAR:
            first = 1, last = 12;
            snprintf (name, sizeof name, "Năm %d", year);
            break;
        default:
            return -1;
    }
    if (calendar) {
        *from = s_day (year, first, 1);
        *to = s_day (year, last + 1, 1);
    }
    else {
        *from = s_day (year, first - 1, 15);
        *to = s_day (year, last, 15);
    }
    if (label)
        snprintf (label, label_size, "%s%s", name, calendar ? " (theo tháng dương lịch)" : "");
    return 0;
}

int
period_parse (const char *text, period_kind_t *kind, int *year, int *number)
{
    static const struct { const char *name; period_kind_t kind; char sep; } kinds [] = {
        { "month", PERIOD_MONTH, '-' }, { "quarter", PERIOD_QUARTER, '-' },
        { "half", PERIOD_HALF_YEAR, 0 }, { "nine", PERIOD_NINE_MONTHS, 0 },
        { "year", PERIOD_YEAR, 0 },
    };
    if (!text)
        return -1;
    const char *colon = strchr (text, ':');
    if (!colon)
        return -1;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds [0]; i++) {
        if (strlen (kinds [i].name) != (size_t) (colon - text)
        ||  strncmp (kinds [i].name, text, (size_t) (colon - text)))
            continue;
        int y = 0, n = 0, used = 0;
        if (kinds [i].sep) {
            if (sscanf (colon + 1, "%4d-%2d%n", &y, &n, &used) != 2)
                return -1;
        }
        else
        if (sscanf (colon + 1, "%4d%n", &y, &used) != 1)
            return -1;
        if (colon [1 + used])
            return -1;
        int64_t from, to;
        if (period_window (kinds [i].kind, y, kinds [i].sep ? n : 1, false, &from, &to, NULL, 0))
            return -1;
        *kind = kinds [i].kind;
        *year = y;
        *number = kinds [i].sep ? n : 0;
        return 0;
    }
    return -1;
}

size_t
period_months (int64_t from, int64_t to, bool calendar, int64_t *starts,
               int64_t *ends, char (*labels) [12], size_t max)
{
    vn_civil_t c;
    vn_civil (from, &c);
    //  The month (report or calendar) holding from.
    int year = c.year, month = c.month;
    if (!calendar && c.day >= 15)
        month++;
    if (month > 12) { month = 1; year++; }
    size_t count = 0;
    while (count < max) {
        int64_t start = calendar ? s_day (year, month, 1) : s_day (year, month - 1, 15);
        int64_t end = calendar ? s_day (year, month + 1, 1) : s_day (year, month, 15);
        if (start >= to)
            break;
        starts [count] = start < from ? from : start;
        ends [count] = end > to ? to : end;
        if (labels)
            snprintf (labels [count], 12, "%02d/%04d", month % 100, (year % 10000 + 10000) % 10000);
        count++;
        if (++month > 12) { month = 1; year++; }
    }
    return count;
}
