/*  vntime — civil time in Việt Nam (UTC+7). See vntime.h.
    Date arithmetic follows Howard Hinnant's public-domain civil-days method.  */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "vntime.h"

int64_t
vn_days_from_civil (int year, int month, int day)
{
    int64_t y = month <= 2 ? year - 1 : year;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void
vn_civil_from_days (int64_t days, int *year, int *month, int *day)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    *year = (int) (yoe + era * 400 + (m <= 2));
    *month = m;
    *day = d;
}

static int64_t
s_floor_div (int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

void
vn_civil (int64_t at_ms, vn_civil_t *out)
{
    int64_t local = at_ms + VN_OFFSET_MS;
    int64_t days = s_floor_div (local, MS_PER_DAY);
    int64_t rest = local - days * MS_PER_DAY;
    vn_civil_from_days (days, &out->year, &out->month, &out->day);
    out->hour = (int) (rest / 3600000);
    out->minute = (int) (rest / 60000 % 60);
    out->second = (int) (rest / 1000 % 60);
    out->millis = (int) (rest % 1000);
    int64_t wd = (days + 4) % 7;            //  1970-01-01 was a Thursday
    out->weekday = (int) (wd < 0 ? wd + 7 : wd);
}

int64_t
vn_instant (int year, int month, int day, int minute_of_day)
{
    return vn_days_from_civil (year, month, day) * MS_PER_DAY
         + minute_of_day * MS_PER_MINUTE - VN_OFFSET_MS;
}

int64_t
vn_day_start (int64_t at_ms)
{
    vn_civil_t c;
    vn_civil (at_ms, &c);
    return vn_instant (c.year, c.month, c.day, 0);
}

char *
vn_format_iso (int64_t at_ms, char *buf, size_t size)
{
    vn_civil_t c;
    vn_civil (at_ms, &c);
    snprintf (buf, size, "%04d-%02d-%02dT%02d:%02d:%02d+07:00",
              c.year, c.month, c.day, c.hour, c.minute, c.second);
    return buf;
}

char *
vn_format_form (int64_t at_ms, char *buf, size_t size)
{
    vn_civil_t c;
    vn_civil (at_ms, &c);
    snprintf (buf, size, "%02d:%02d %02d/%02d/%04d",
              c.hour, c.minute, c.day, c.month, c.year);
    return buf;
}

int
vn_parse_date (const char *text, int64_t *midnight_ms)
{
    int y, m, d;
    char tail;
    if (!text || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999)
        return -1;
    int yy, mm, dd;       //  reject 2026-02-30 and the like
    vn_civil_from_days (vn_days_from_civil (y, m, d), &yy, &mm, &dd);
    if (yy != y || mm != m || dd != d)
        return -1;
    *midnight_ms = vn_instant (y, m, d, 0);
    return 0;
}

int64_t
vn_now_ms (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
