/*  calendar — the working calendar of Vietnamese state offices, as data.

    A day is a working day when it is Monday to Friday and not a day off, or
    when it is a declared make-up working day. Days off are:
      - the public holidays of the Labour Code 2019 (45/2019/QH14) art. 112:
        1/1 "Tết Dương lịch"; Tết Nguyên đán, 5 days; 10/3 lunar "Giỗ Tổ Hùng
        Vương"; 30/4 "Ngày Chiến thắng"; 1/5 "Ngày Quốc tế Lao động"; 2/9 and
        one day next to it, "Quốc khánh";
      - "nghỉ bù": art. 111(3), a holiday on a weekly rest day (Saturday,
        Sunday) gives a compensatory day off on the next working day;
      - the days off each year's government notice declares (swaps).
    Tết and the Hùng Kings' day are computed by lunar.c. Where a year has no
    declaration, the statutory defaults apply: Tết = the last two days of the
    old lunar year + mùng 1, 2, 3 (the placement of the notices for 2020,
    2023, 2024 and 2025), and the day next to 2/9 is 1/9.

    Declarations are text, one line each, normally one file per year
    (deploy/calendar/2024.txt); calendar_parse reads the text, the caller
    reads the file. Format, UTF-8, `#` starts a comment:

        YYYY-MM-DD  tet              one of the year's five Tết days; when a
                                     year declares any, it must declare all
                                     five, and they replace the default
        YYYY-09-01  national         the day next to 2/9 (09-01 or 09-03)
        YYYY-MM-DD  holiday NAME     another public holiday, compensated on a
                                     weekly rest day like those of art. 112
        YYYY-MM-DD  dayoff [REASON]  a declared day off on a weekday (a swap);
                                     REASON defaults to "nghỉ hoán đổi"
        YYYY-MM-DD  workday [REASON] a make-up working day; it wins over any
                                     day off; REASON defaults to "làm bù"

    Not thread-safe: a year's days are computed on first use and cached in
    the object. Use one calendar per thread, or call calendar_year for the
    years concerned before sharing it read-only.                             */
#ifndef CALENDAR_H
#define CALENDAR_H
#include <stdbool.h>
#include <stddef.h>

#define CALENDAR_REASON_MAX  128        //  bytes, with the terminating NUL

typedef struct _calendar_t calendar_t;

typedef enum {
    CALENDAR_HOLIDAY = 1,               //  public holiday
    CALENDAR_COMPENSATORY,              //  nghỉ bù, art. 111(3)
    CALENDAR_DAYOFF,                    //  declared day off (swap)
    CALENDAR_WORKDAY                    //  declared make-up working day
} calendar_kind_t;

typedef struct {
    int year, month, day;
    int weekday;                        //  0 = Sunday … 6 = Saturday
    calendar_kind_t kind;
    char reason [CALENDAR_REASON_MAX];  //  "Tết Nguyên đán", "nghỉ bù", …
} calendar_day_t;

//  A calendar with no declarations: statutory holidays only.
calendar_t *calendar_new (void);
void        calendar_destroy (calendar_t **self_p);

//  Add the declarations in text. 0, or -1 with "line N: why" in error (if
//  not NULL) and the calendar unchanged. A date declared twice, here or by
//  an earlier call, is an error.
int         calendar_parse (calendar_t *self, const char *text,
                            char *error, size_t error_size);

//  Is this local date a working day? Fits worktime_rules_t.is_working_day
//  with the calendar as its ctx. Outside LUNAR_YEAR_MIN … LUNAR_YEAR_MAX, or
//  with a NULL calendar: Monday to Friday.
bool        calendar_is_working_day (void *calendar, int year, int month, int day);

//  The year's days off that are holidays, compensatory or declared (a
//  holiday on a weekend included; plain weekends not) and its make-up
//  working days, sorted by date. Returns the count and a new array in
//  *days that the caller frees with free(), or -1.
int         calendar_year (calendar_t *self, int year, calendar_day_t **days);

//  Does the calendar hold any declaration dated in that year?
bool        calendar_declared (calendar_t *self, int year);

//  "holiday", "compensatory", "dayoff", "workday".
const char *calendar_kind_name (calendar_kind_t kind);

#endif
