/*  lunar — the Vietnamese lunisolar calendar (âm lịch): solar ↔ lunar dates,
    Tết Nguyên đán (1/1 lunar) and the Hùng Kings' anniversary (10/3 lunar).

    Our own implementation of the published astronomical rules (the Chinese
    calendar rules applied on the meridian 105°E, i.e. UTC+7, as Việt Nam has
    done since 8 August 1967), from the published formulas of J. Meeus,
    "Astronomical Algorithms" (2nd ed., 1998): Julian day numbers (ch. 7), the
    true new moon of lunation k (ch. 49), the Sun's apparent longitude from the
    truncated VSOP87 series (ch. 25, appendix III), ΔT (Espenak & Meeus).

    The rules:
      1. a lunar month starts on the local day holding the new moon;
      2. the month holding the winter solstice (Sun at 270°) is month 11;
      3. when 13 months start between two months 11, the first of them after
         month 11 that holds no principal term (Sun at a multiple of 30°) is
         a leap month and repeats the number of the month before it;
      4. days are local days at UTC+7 (the *_zone functions take another
         offset: at UTC+8 they give the Chinese calendar, used by the tests to
         show that Việt Nam and China differ only by the meridian).

    A lunar year is named by the solar year in which its month 1 starts (the
    year of its Tết). Years before 1968 are computed at UTC+7 too, which is
    not the calendar Việt Nam used then (see the header comment of lunar.c).
    Pure: no I/O, no global state, thread-safe. Returns 0 / -1 like the rest
    of common/law.                                                           */
#ifndef LUNAR_H
#define LUNAR_H
#include <stdbool.h>

//  Solar (Gregorian) years the functions accept.
#define LUNAR_YEAR_MIN  1800
#define LUNAR_YEAR_MAX  2199
#define LUNAR_ZONE_VN   7.0         //  hours east of UTC: Việt Nam

typedef struct {
    int year;                       //  lunar year (solar year of its Tết)
    int month;                      //  1 … 12
    int day;                        //  1 … 30
    bool leap;                      //  a leap month (tháng nhuận)
} lunar_date_t;

//  Solar date → lunar date, at UTC+7. 0, or -1 for a date that does not
//  exist or lies outside LUNAR_YEAR_MIN … LUNAR_YEAR_MAX.
int lunar_from_solar (int year, int month, int day, lunar_date_t *lunar);

//  Lunar date → solar date, at UTC+7. -1 if that lunar date does not exist
//  (a 30th day in a 29-day month, a leap flag on a month that is not leap).
int lunar_to_solar (const lunar_date_t *lunar, int *year, int *month, int *day);

//  The same at another offset from UTC, in hours (8.0: the Chinese calendar).
int lunar_from_solar_zone (int year, int month, int day, double zone_hours,
                           lunar_date_t *lunar);
int lunar_to_solar_zone (const lunar_date_t *lunar, double zone_hours,
                         int *year, int *month, int *day);

//  Solar date of Tết Nguyên đán (1/1 lunar) of a year. 0 or -1.
int lunar_tet (int year, int *month, int *day);

//  Solar date of Giỗ Tổ Hùng Vương (10/3 lunar, never the leap 3rd month)
//  of a year. 0 or -1.
int lunar_hung_kings (int year, int *month, int *day);

//  The leap month of a lunar year at UTC+7: 0 if none, 1 … 12, -1 if out
//  of range.
int lunar_leap_month (int year);

//  Length of a lunar month at UTC+7: 29 or 30, -1 if no such month.
int lunar_month_days (int year, int month, bool leap);

#endif
