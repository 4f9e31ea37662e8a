/*  lunar — the Vietnamese lunisolar calendar. See lunar.h for the rules.

    Written from the published formulas only (no code of any other lunar
    calendar was used; in particular none of Hồ Ngọc Đức's, whose licence
    forbids use in this product):
      - J. Meeus, Astronomical Algorithms, 2nd ed. (1998): ch. 7 (Julian day),
        ch. 22 (nutation, short series, 0.5″), ch. 25 (apparent longitude of
        the Sun, "higher accuracy" method) with the VSOP87 Earth series as
        truncated in its appendix III (coefficients also printed in Reda &
        Andreas, NREL Solar Position Algorithm, 2004/2008, table A4.2),
        ch. 49 (true new moon, with the 14 planetary corrections: ±a few s);
      - ΔT = TT − UT: the polynomials of F. Espenak and J. Meeus, "Five
        Millennium Canon of Solar Eclipses" (NASA/TP-2006-214141);
      - the calendar rules as stated in lunar.h (Chinese rules on 105°E; as
        in the Explanatory Supplement to the Astronomical Almanac, restated
        in words on Hồ Ngọc Đức's public "calrules" page).
    Accuracy: new moons to about a minute, the Sun's longitude to about a
    second of arc (half a minute of time), both far inside the margin that
    decides a date except for events within a minute of local midnight.

    Checked (tests/test_calendar.c): at UTC+8 this code gives every month of
    the Hong Kong Observatory's Chinese calendar 1929–2100 but one, the
    new moon of 7/8/2097 at 23:59 Beijing time, too close to call.

    History: Việt Nam used the Chinese calendar (UTC+8) until the decree of
    8 August 1967 (North; the South followed in 1975). Dates before 1968 are
    computed here on UTC+7 all the same; a historical date before 1968 may
    therefore differ from the one printed at the time (Tết 1968 itself: 29/1
    in the North, 30/1 in the South).                                        */
#include <math.h>
#include "lunar.h"

#define s_DEG (3.14159265358979323846 / 180.0)
#define s_MEAN_LUNATION 29.530588861

typedef struct {
    double a, b, c;                 //  a · cos (b + c · τ)
} s_term_t;

//  VSOP87 Earth heliocentric longitude L0 … L5 and radius R0 … R4
//  (Meeus appendix III; units 1e-8 rad and 1e-8 AU, τ in millennia).
static const s_term_t s_L0 [] = {
    { 175347046, 0, 0 }, { 3341656, 4.6692568, 6283.0758500 },
    { 34894, 4.6261, 12566.1517 }, { 3497, 2.7441, 5753.3849 },
    { 3418, 2.8289, 3.5231 }, { 3136, 3.6277, 77713.7715 },
    { 2676, 4.4181, 7860.4194 }, { 2343, 6.1352, 3930.2097 },
    { 1324, 0.7425, 11506.7698 }, { 1273, 2.0371, 529.6910 },
    { 1199, 1.1096, 1577.3435 }, { 990, 5.233, 5884.927 },
    { 902, 2.045, 26.298 }, { 857, 3.508, 398.149 },
    { 780, 1.179, 5223.694 }, { 753, 2.533, 5507.553 },
    { 505, 4.583, 18849.228 }, { 492, 4.205, 775.523 },
    { 357, 2.920, 0.067 }, { 317, 5.849, 11790.629 },
    { 284, 1.899, 796.298 }, { 271, 0.315, 10977.079 },
    { 243, 0.345, 5486.778 }, { 206, 4.806, 2544.314 },
    { 205, 1.869, 5573.143 }, { 202, 2.458, 6069.777 },
    { 156, 0.833, 213.299 }, { 132, 3.411, 2942.463 },
    { 126, 1.083, 20.775 }, { 115, 0.645, 0.980 },
    { 103, 0.636, 4694.003 }, { 102, 0.976, 15720.839 },
    { 102, 4.267, 7.114 }, { 99, 6.21, 2146.17 },
    { 98, 0.68, 155.42 }, { 86, 5.98, 161000.69 },
    { 85, 1.30, 6275.96 }, { 85, 3.67, 71430.70 },
    { 80, 1.81, 17260.15 }, { 79, 3.04, 12036.46 },
    { 75, 1.76, 5088.63 }, { 74, 3.50, 3154.69 },
    { 74, 4.68, 801.82 }, { 70, 0.83, 9437.76 },
    { 62, 3.98, 8827.39 }, { 61, 1.82, 7084.90 },
    { 57, 2.78, 6286.60 }, { 56, 4.39, 14143.50 },
    { 56, 3.47, 6279.55 }, { 52, 0.19, 12139.55 },
    { 52, 1.33, 1748.02 }, { 51, 0.28, 5856.48 },
    { 49, 0.49, 1194.45 }, { 41, 5.37, 8429.24 },
    { 41, 2.40, 19651.05 }, { 39, 6.17, 10447.39 },
    { 37, 6.04, 10213.29 }, { 37, 2.57, 1059.38 },
    { 36, 1.71, 2352.87 }, { 36, 1.78, 6812.77 },
    { 33, 0.59, 17789.85 }, { 30, 0.44, 83996.85 },
    { 30, 2.74, 1349.87 }, { 25, 3.16, 4690.48 }
};
static const s_term_t s_L1 [] = {
    { 628331966747.0, 0, 0 }, { 206059, 2.678235, 6283.075850 },
    { 4303, 2.6351, 12566.1517 }, { 425, 1.590, 3.523 },
    { 119, 5.796, 26.298 }, { 109, 2.966, 1577.344 },
    { 93, 2.59, 18849.23 }, { 72, 1.14, 529.69 },
    { 68, 1.87, 398.15 }, { 67, 4.41, 5507.55 },
    { 59, 2.89, 5223.69 }, { 56, 2.17, 155.42 },
    { 45, 0.40, 796.30 }, { 36, 0.47, 775.52 },
    { 29, 2.65, 7.11 }, { 21, 5.34, 0.98 },
    { 19, 1.85, 5486.78 }, { 19, 4.97, 213.30 },
    { 17, 2.99, 6275.96 }, { 16, 0.03, 2544.31 },
    { 16, 1.43, 2146.17 }, { 15, 1.21, 10977.08 },
    { 12, 2.83, 1748.02 }, { 12, 3.26, 5088.63 },
    { 12, 5.27, 1194.45 }, { 12, 2.08, 4694.00 },
    { 11, 0.77, 553.57 }, { 10, 1.30, 6286.60 },
    { 10, 4.24, 1349.87 }, { 9, 2.70, 242.73 },
    { 9, 5.64, 951.72 }, { 8, 5.30, 2352.87 },
    { 6, 2.65, 9437.76 }, { 6, 4.67, 4690.48 }
};
static const s_term_t s_L2 [] = {
    { 52919, 0, 0 }, { 8720, 1.0721, 6283.0758 },
    { 309, 0.867, 12566.152 }, { 27, 0.05, 3.52 },
    { 16, 5.19, 26.30 }, { 16, 3.68, 155.42 },
    { 10, 0.76, 18849.23 }, { 9, 2.06, 77713.77 },
    { 7, 0.83, 775.52 }, { 5, 4.66, 1577.34 },
    { 4, 1.03, 7.11 }, { 4, 3.44, 5573.14 },
    { 3, 5.14, 796.30 }, { 3, 6.05, 5507.55 },
    { 3, 1.19, 242.73 }, { 3, 6.12, 529.69 },
    { 3, 0.31, 398.15 }, { 3, 2.28, 553.57 },
    { 2, 4.38, 5223.69 }, { 2, 3.75, 0.98 }
};
static const s_term_t s_L3 [] = {
    { 289, 5.844, 6283.076 }, { 35, 0, 0 }, { 17, 5.49, 12566.15 },
    { 3, 5.20, 155.42 }, { 1, 4.72, 3.52 }, { 1, 5.30, 18849.23 },
    { 1, 5.97, 242.73 }
};
static const s_term_t s_L4 [] = {
    { 114, 3.142, 0 }, { 8, 4.13, 6283.08 }, { 1, 3.84, 12566.15 }
};
static const s_term_t s_L5 [] = {
    { 1, 3.14, 0 }
};
static const s_term_t s_R0 [] = {
    { 100013989, 0, 0 }, { 1670700, 3.0984635, 6283.0758500 },
    { 13956, 3.05525, 12566.15170 }, { 3084, 5.1985, 77713.7715 },
    { 1628, 1.1739, 5753.3849 }, { 1576, 2.8469, 7860.4194 },
    { 925, 5.453, 11506.770 }, { 542, 4.564, 3930.210 },
    { 472, 3.661, 5884.927 }, { 346, 0.964, 5507.553 },
    { 329, 5.900, 5223.694 }, { 307, 0.299, 5573.143 },
    { 243, 4.273, 11790.629 }, { 212, 5.847, 1577.344 },
    { 186, 5.022, 10977.079 }, { 175, 3.012, 18849.228 },
    { 110, 5.055, 5486.778 }, { 98, 0.89, 6069.78 },
    { 86, 5.69, 15720.84 }, { 86, 1.27, 161000.69 },
    { 65, 0.27, 17260.15 }, { 63, 0.92, 529.69 },
    { 57, 2.01, 83996.85 }, { 56, 5.24, 71430.70 },
    { 49, 3.25, 2544.31 }, { 47, 2.58, 775.52 },
    { 45, 5.54, 9437.76 }, { 43, 6.01, 6275.96 },
    { 39, 5.36, 4694.00 }, { 38, 2.39, 8827.39 },
    { 37, 0.83, 19651.05 }, { 37, 4.90, 12139.55 },
    { 36, 1.67, 12036.46 }, { 35, 1.84, 2942.46 },
    { 33, 0.24, 7084.90 }, { 32, 0.18, 5088.63 },
    { 32, 1.78, 398.15 }, { 28, 1.21, 6286.60 },
    { 28, 1.90, 6279.55 }, { 26, 4.59, 10447.39 }
};
static const s_term_t s_R1 [] = {
    { 103019, 1.107490, 6283.075850 }, { 1721, 1.0644, 12566.1517 },
    { 702, 3.142, 0 }, { 32, 1.02, 18849.23 }, { 31, 2.84, 5507.55 },
    { 25, 1.32, 5223.69 }, { 18, 1.42, 1577.34 }, { 10, 5.91, 10977.08 },
    { 9, 1.42, 6275.96 }, { 9, 0.27, 5486.78 }
};
static const s_term_t s_R2 [] = {
    { 4359, 5.7846, 6283.0758 }, { 124, 5.579, 12566.152 },
    { 12, 3.14, 0 }, { 9, 3.63, 77713.77 }, { 6, 1.87, 5573.14 },
    { 3, 5.47, 18849.23 }
};
static const s_term_t s_R3 [] = {
    { 145, 4.273, 6283.076 }, { 7, 3.92, 12566.15 }
};
static const s_term_t s_R4 [] = {
    { 4, 2.56, 6283.08 }
};

#define s_COUNT(a) ((int) (sizeof (a) / sizeof ((a) [0])))

//  --------------------------------------------------------------------------
//  Julian day numbers (Fliegel & Van Flandern; proleptic Gregorian)

static long
s_jdn (int year, int month, int day)
{
    long a = (14 - month) / 12;
    long y = year + 4800 - a;
    long m = month + 12 * a - 3;
    return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

static void
s_civil (long jdn, int *year, int *month, int *day)
{
    long a = jdn + 32044;
    long b = (4 * a + 3) / 146097;
    long c = a - 146097 * b / 4;
    long d = (4 * c + 3) / 1461;
    long e = c - 1461 * d / 4;
    long m = (5 * e + 2) / 153;
    *day = (int) (e - (153 * m + 2) / 5 + 1);
    *month = (int) (m + 3 - 12 * (m / 10));
    *year = (int) (100 * b + d - 4800 + m / 10);
}

static bool
s_valid_solar (int year, int month, int day)
{
    static const int length [] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX || month < 1 || month > 12 || day < 1)
        return false;
    bool leap_year = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= length [month - 1] + (month == 2 && leap_year);
}

//  --------------------------------------------------------------------------
//  Astronomy

//  ΔT = TT − UT in seconds (Espenak & Meeus polynomials, 1800 – 2200).
static double
s_delta_t (double y)
{
    double t;
    if (y < 1860) {
        t = y - 1800;
        return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * pow (t, 3)
             - 0.00037436 * pow (t, 4) + 0.0000121272 * pow (t, 5)
             - 0.0000001699 * pow (t, 6) + 0.000000000875 * pow (t, 7);
    }
    if (y < 1900) {
        t = y - 1860;
        return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow (t, 3)
             - 0.0004473624 * pow (t, 4) + pow (t, 5) / 233174;
    }
    if (y < 1920) {
        t = y - 1900;
        return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow (t, 3)
             - 0.000197 * pow (t, 4);
    }
    if (y < 1941) {
        t = y - 1920;
        return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow (t, 3);
    }
    if (y < 1961) {
        t = y - 1950;
        return 29.07 + 0.407 * t - t * t / 233 + pow (t, 3) / 2547;
    }
    if (y < 1986) {
        t = y - 1975;
        return 45.45 + 1.067 * t - t * t / 260 - pow (t, 3) / 718;
    }
    if (y < 2005) {
        t = y - 2000;
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow (t, 3)
             + 0.000651814 * pow (t, 4) + 0.00002373599 * pow (t, 5);
    }
    if (y < 2050) {
        t = y - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    double u = (y - 1820) / 100;
    if (y < 2150)
        return -20 + 32 * u * u - 0.5628 * (2150 - y);
    return -20 + 32 * u * u;
}

static double
s_delta_t_days (double jd)
{
    return s_delta_t (2000.0 + (jd - 2451545.0) / 365.25) / 86400.0;
}

static double
s_normalize (double degrees)
{
    degrees = fmod (degrees, 360.0);
    return degrees < 0 ? degrees + 360.0 : degrees;
}

static double
s_series (const s_term_t *terms, int count, double tau)
{
    double sum = 0;
    for (int i = 0; i < count; i++)
        sum += terms [i].a * cos (terms [i].b + terms [i].c * tau);
    return sum;
}

//  Apparent geocentric longitude of the Sun, degrees, at a JDE (TT).
static double
s_sun_longitude (double jde)
{
    double tau = (jde - 2451545.0) / 365250.0;
    double T = tau * 10;
    double L = (s_series (s_L0, s_COUNT (s_L0), tau)
             +  s_series (s_L1, s_COUNT (s_L1), tau) * tau
             +  s_series (s_L2, s_COUNT (s_L2), tau) * tau * tau
             +  s_series (s_L3, s_COUNT (s_L3), tau) * pow (tau, 3)
             +  s_series (s_L4, s_COUNT (s_L4), tau) * pow (tau, 4)
             +  s_series (s_L5, s_COUNT (s_L5), tau) * pow (tau, 5)) / 1e8;
    double R = (s_series (s_R0, s_COUNT (s_R0), tau)
             +  s_series (s_R1, s_COUNT (s_R1), tau) * tau
             +  s_series (s_R2, s_COUNT (s_R2), tau) * tau * tau
             +  s_series (s_R3, s_COUNT (s_R3), tau) * pow (tau, 3)
             +  s_series (s_R4, s_COUNT (s_R4), tau) * pow (tau, 4)) / 1e8;
    //  Geocentric, in the FK5 frame (Meeus 25.9: Δθ = −0.09033″)
    double theta = L / s_DEG + 180.0 - 0.09033 / 3600;
    //  Nutation in longitude (Meeus ch. 22, short series)
    double omega = (125.04452 - 1934.136261 * T) * s_DEG;
    double sun_mean = (280.4665 + 36000.7698 * T) * s_DEG;
    double moon_mean = (218.3165 + 481267.8813 * T) * s_DEG;
    double nutation = (-17.20 * sin (omega) - 1.32 * sin (2 * sun_mean)
                       - 0.23 * sin (2 * moon_mean) + 0.21 * sin (2 * omega)) / 3600;
    //  Aberration
    double aberration = -20.4898 / 3600 / R;
    return s_normalize (theta + nutation + aberration);
}

//  JDE (TT) of the true new moon of lunation k (k = 0: 6 January 2000).
static double
s_new_moon_jde (int k)
{
    double T = k / 1236.85;
    double T2 = T * T, T3 = T2 * T, T4 = T3 * T;
    double jde = 2451550.09766 + s_MEAN_LUNATION * k
               + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4;
    double E = 1 - 0.002516 * T - 0.0000074 * T2;
    double M = s_normalize (2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3) * s_DEG;
    double Mp = s_normalize (201.5643 + 385.81693528 * k + 0.0107582 * T2
                             + 0.00001238 * T3 - 0.000000058 * T4) * s_DEG;
    double F = s_normalize (160.7108 + 390.67050284 * k - 0.0016118 * T2
                            - 0.00000227 * T3 + 0.000000011 * T4) * s_DEG;
    double Om = s_normalize (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * s_DEG;
    jde += -0.40720 * sin (Mp)
         +  0.17241 * E * sin (M)
         +  0.01608 * sin (2 * Mp)
         +  0.01039 * sin (2 * F)
         +  0.00739 * E * sin (Mp - M)
         -  0.00514 * E * sin (Mp + M)
         +  0.00208 * E * E * sin (2 * M)
         -  0.00111 * sin (Mp - 2 * F)
         -  0.00057 * sin (Mp + 2 * F)
         +  0.00056 * E * sin (2 * Mp + M)
         -  0.00042 * sin (3 * Mp)
         +  0.00042 * E * sin (M + 2 * F)
         +  0.00038 * E * sin (M - 2 * F)
         -  0.00024 * E * sin (2 * Mp - M)
         -  0.00017 * sin (Om)
         -  0.00007 * sin (Mp + 2 * M)
         +  0.00004 * sin (2 * Mp - 2 * F)
         +  0.00004 * sin (3 * M)
         +  0.00003 * sin (Mp + M - 2 * F)
         +  0.00003 * sin (2 * Mp + 2 * F)
         -  0.00003 * sin (Mp + M + 2 * F)
         +  0.00003 * sin (Mp - M + 2 * F)
         -  0.00002 * sin (Mp - M - 2 * F)
         -  0.00002 * sin (3 * Mp + M)
         +  0.00002 * sin (4 * Mp);
    //  Planetary arguments A1 … A14
    static const double a0 [14] = {
        299.77, 251.88, 251.83, 349.42, 84.66, 141.74, 207.14,
        154.84, 34.52, 207.19, 291.34, 161.72, 239.56, 331.55
    };
    static const double a1 [14] = {
        0.107408, 0.016321, 26.651886, 36.412478, 18.206239, 53.303771, 2.453732,
        7.306860, 27.261239, 0.121824, 1.844379, 24.198154, 25.513099, 3.592518
    };
    static const double amp [14] = {
        0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060,
        0.000056, 0.000047, 0.000042, 0.000040, 0.000037, 0.000035, 0.000023
    };
    for (int i = 0; i < 14; i++) {
        double arg = a0 [i] + a1 [i] * k - (i == 0 ? 0.009173 * T2 : 0);
        jde += amp [i] * sin (s_normalize (arg) * s_DEG);
    }
    return jde;
}

//  --------------------------------------------------------------------------
//  Calendar rules

//  Local day (Julian day number) holding the new moon of lunation k.
static long
s_new_moon_day (int k, double zone)
{
    double jde = s_new_moon_jde (k);
    double local = jde - s_delta_t_days (jde) + zone / 24.0;
    return (long) floor (local + 0.5);
}

//  The Sun's longitude at the start (local midnight) of a day.
static double
s_sun_at_day_start (long jdn, double zone)
{
    double ut = jdn - 0.5 - zone / 24.0;
    return s_sun_longitude (ut + s_delta_t_days (ut));
}

//  Index 0 … 11 of the principal term last passed at the start of a day:
//  two months whose first days share it leave the first without a term.
static int
s_term_at (long jdn, double zone)
{
    return (int) (s_sun_at_day_start (jdn, zone) / 30.0) % 12;
}

//  The lunation whose month holds the day jdn.
static int
s_lunation_at (long jdn, double zone)
{
    int k = (int) floor ((jdn - 2451550.1) / s_MEAN_LUNATION);
    while (s_new_moon_day (k, zone) > jdn)
        k--;
    while (s_new_moon_day (k + 1, zone) <= jdn)
        k++;
    return k;
}

//  The lunation starting month 11, the month of the December solstice of a
//  solar year. It is the month holding 31 December or the one before.
static int
s_month11 (int year, double zone)
{
    int k = s_lunation_at (s_jdn (year, 12, 31), zone);
    if (s_sun_at_day_start (s_new_moon_day (k, zone), zone) > 270.0)
        k--;
    return k;
}

//  Position (1 … 12, counted from month 11 = 0) of the leap month between
//  two months 11, 0 if there are only 12 months, -1 if none qualifies.
static int
s_leap_position (int k11, int k11_next, double zone)
{
    if (k11_next - k11 != 13)
        return k11_next - k11 == 12 ? 0 : -1;
    int term = s_term_at (s_new_moon_day (k11 + 1, zone), zone);
    for (int i = 1; i <= 12; i++) {
        int next = s_term_at (s_new_moon_day (k11 + i + 1, zone), zone);
        if (next == term)
            return i;
        term = next;
    }
    return -1;
}

//  The lunation of a lunar month, or -1 if that month does not exist.
static int
s_lunar_month (const lunar_date_t *lunar, double zone, int *lunation)
{
    if (!lunar || lunar->year < LUNAR_YEAR_MIN || lunar->year > LUNAR_YEAR_MAX
    ||  lunar->month < 1 || lunar->month > 12)
        return -1;
    int base = lunar->month >= 11 ? lunar->year : lunar->year - 1;
    int k11 = s_month11 (base, zone);
    int leap = s_leap_position (k11, s_month11 (base + 1, zone), zone);
    if (leap < 0)
        return -1;
    int offset = lunar->month >= 11 ? lunar->month - 11 : lunar->month + 1;
    if (lunar->leap) {
        if (leap == 0 || offset != leap - 1)
            return -1;
        offset = leap;
    }
    else
    if (leap > 0 && offset >= leap)
        offset++;
    *lunation = k11 + offset;
    return 0;
}

//  --------------------------------------------------------------------------
//  Public API

int
lunar_from_solar_zone (int year, int month, int day, double zone_hours, lunar_date_t *lunar)
{
    if (!lunar || !s_valid_solar (year, month, day))
        return -1;
    long jdn = s_jdn (year, month, day);
    int k = s_lunation_at (jdn, zone_hours);
    int base = year - 1;
    int k11 = s_month11 (base, zone_hours);
    int k11_next = s_month11 (year, zone_hours);
    if (k >= k11_next) {
        base = year;
        k11 = k11_next;
        k11_next = s_month11 (year + 1, zone_hours);
    }
    int leap = s_leap_position (k11, k11_next, zone_hours);
    if (leap < 0)
        return -1;
    int position = k - k11;
    int number = 11 + position;
    bool is_leap = false;
    if (leap > 0 && position >= leap) {
        number--;
        is_leap = position == leap;
    }
    lunar->year = base;
    if (number > 12) {
        number -= 12;
        lunar->year++;
    }
    lunar->month = number;
    lunar->day = (int) (jdn - s_new_moon_day (k, zone_hours)) + 1;
    lunar->leap = is_leap;
    return 0;
}

int
lunar_from_solar (int year, int month, int day, lunar_date_t *lunar)
{
    return lunar_from_solar_zone (year, month, day, LUNAR_ZONE_VN, lunar);
}

int
lunar_to_solar_zone (const lunar_date_t *lunar, double zone_hours, int *year, int *month, int *day)
{
    int k;
    if (s_lunar_month (lunar, zone_hours, &k) == -1 || lunar->day < 1)
        return -1;
    long start = s_new_moon_day (k, zone_hours);
    if (lunar->day > s_new_moon_day (k + 1, zone_hours) - start)
        return -1;
    s_civil (start + lunar->day - 1, year, month, day);
    return 0;
}

int
lunar_to_solar (const lunar_date_t *lunar, int *year, int *month, int *day)
{
    return lunar_to_solar_zone (lunar, LUNAR_ZONE_VN, year, month, day);
}

int
lunar_tet (int year, int *month, int *day)
{
    lunar_date_t tet = { year, 1, 1, false };
    int solar_year;
    return lunar_to_solar (&tet, &solar_year, month, day);
}

int
lunar_hung_kings (int year, int *month, int *day)
{
    lunar_date_t hung = { year, 3, 10, false };
    int solar_year;
    return lunar_to_solar (&hung, &solar_year, month, day);
}

int
lunar_leap_month (int year)
{
    if (year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX)
        return -1;
    //  Months 1 … 10 of the year sit after the month 11 of year - 1; its
    //  months 11 and 12 after the month 11 of year.
    for (int base = year - 1; base <= year; base++) {
        int k11 = s_month11 (base, LUNAR_ZONE_VN);
        int leap = s_leap_position (k11, s_month11 (base + 1, LUNAR_ZONE_VN), LUNAR_ZONE_VN);
        if (leap < 0)
            return -1;
        if (leap == 0)
            continue;
        int number = 11 + leap - 1;         //  the month it repeats
        if (base == year - 1 && number > 12)
            return number - 12;
        if (base == year && number <= 12)
            return number;
    }
    return 0;
}

int
lunar_month_days (int year, int month, bool leap)
{
    lunar_date_t lunar = { year, month, 1, leap };
    int k;
    if (s_lunar_month (&lunar, LUNAR_ZONE_VN, &k) == -1)
        return -1;
    return (int) (s_new_moon_day (k + 1, LUNAR_ZONE_VN) - s_new_moon_day (k, LUNAR_ZONE_VN));
}
