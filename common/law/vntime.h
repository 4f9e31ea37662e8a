/*  vntime — civil time in Việt Nam (UTC+7, no daylight saving) and ISO 8601.
    Times travel as int64 milliseconds since the epoch (UTC); business rules run
    on the local civil date and time this file computes. Pure: no I/O.          */
#ifndef VNTIME_H
#define VNTIME_H
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

#define VN_OFFSET_MS   (7LL * 3600 * 1000)
#define MS_PER_MINUTE  (60LL * 1000)
#define MS_PER_DAY     (86400LL * 1000)

typedef struct {
    int year, month, day;       //  civil date in UTC+7
    int hour, minute, second, millis;
    int weekday;                //  0 = Sunday … 6 = Saturday
} vn_civil_t;

//  Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t vn_days_from_civil (int year, int month, int day);
void    vn_civil_from_days (int64_t days, int *year, int *month, int *day);

//  Split an instant into its local civil parts.
void    vn_civil (int64_t at_ms, vn_civil_t *out);

//  The instant of a local civil date and minute of the day.
int64_t vn_instant (int year, int month, int day, int minute_of_day);

//  Local midnight of the day holding at_ms.
int64_t vn_day_start (int64_t at_ms);

//  Format as 2026-11-29T08:05:00+07:00 into buf (at least 32 bytes).
//  Returns buf.
char   *vn_format_iso (int64_t at_ms, char *buf, size_t size);

//  Format as HH:MM DD/MM/YYYY, the way the receipt form prints a time.
char   *vn_format_form (int64_t at_ms, char *buf, size_t size);

//  Parse YYYY-MM-DD (local). Returns 0 and the day's local midnight, or -1.
int     vn_parse_date (const char *text, int64_t *midnight_ms);

//  Now, in ms since the epoch.
int64_t vn_now_ms (void);

#endif
