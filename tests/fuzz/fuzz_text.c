/*  fuzz_text — libFuzzer target: any bytes, cut at the first NUL, as the
    text the pure parsers read: dossier codes (dossier_code_parse, which must
    round-trip through dossier_code_format), dates (vn_parse_date, which
    must give back a local midnight of the same date), office hours
    (worktime_rules_parse_hours on a copy of the default rules: untouched on
    failure, ordered spans on success, which the due-time arithmetic must
    then survive), and UTF-8 (api_utf8_valid, checked against the
    well-formed byte sequences of Unicode's table 3-7).                      */
#include "fuzz.h"
#include "dossier_code.h"
#include "vntime.h"
#include "worktime.h"

//  Table 3-7 of the Unicode standard, transcribed rather than decoded.
static bool
s_utf8_reference (const unsigned char *p)
{
    while (*p) {
        unsigned char b = *p;
        int extra = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1
                  : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
        if (extra < 0)
            return false;
        unsigned char low = 0x80, high = 0xBF;      //  the second byte's range
        if (b == 0xE0) low = 0xA0;
        if (b == 0xED) high = 0x9F;
        if (b == 0xF0) low = 0x90;
        if (b == 0xF4) high = 0x8F;
        for (int i = 1; i <= extra; i++) {
            unsigned char c = p [i];
            if (i == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF))
                return false;
        }
        p += 1 + extra;
    }
    return true;
}

static void
s_dossier_code (const char *text)
{
    char agency [DOSSIER_CODE_MAX];
    int day;
    int64_t sequence;
    if (dossier_code_parse (text, agency, sizeof agency, &day, &sequence))
        return;
    FUZZ_ASSERT (*agency && strlen (agency) < strlen (text));
    FUZZ_ASSERT (day >= 0 && day <= 999999 && sequence > 0);
    char code [DOSSIER_CODE_MAX], again [DOSSIER_CODE_MAX];
    int day2;
    int64_t sequence2;
    if (dossier_code_format (code, sizeof code, agency, day, sequence) == 0) {
        FUZZ_ASSERT (dossier_code_parse (code, again, sizeof again, &day2, &sequence2) == 0);
        FUZZ_ASSERT (strcmp (again, agency) == 0 && day2 == day && sequence2 == sequence);
    }
}

static void
s_date (const char *text)
{
    int64_t midnight;
    if (vn_parse_date (text, &midnight))
        return;
    vn_civil_t civil;
    vn_civil (midnight, &civil);
    FUZZ_ASSERT (civil.hour == 0 && civil.minute == 0 && civil.second == 0 && civil.millis == 0);
    char date [16];
    snprintf (date, sizeof date, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
    int64_t again;
    FUZZ_ASSERT (vn_parse_date (date, &again) == 0 && again == midnight);
}

static void
s_hours (const char *text)
{
    worktime_rules_t defaults, rules;
    worktime_rules_default (&defaults);
    rules = defaults;
    if (worktime_rules_parse_hours (&rules, text)) {
        FUZZ_ASSERT (rules.span_count == defaults.span_count
                  && memcmp (rules.span_start, defaults.span_start, sizeof rules.span_start) == 0
                  && memcmp (rules.span_end, defaults.span_end, sizeof rules.span_end) == 0);
        return;
    }
    FUZZ_ASSERT (rules.span_count >= 1 && rules.span_count <= WORKTIME_MAX_SPANS);
    for (int i = 0; i < rules.span_count; i++) {
        FUZZ_ASSERT (rules.span_start [i] >= 0 && rules.span_start [i] < rules.span_end [i]);
        FUZZ_ASSERT (rules.span_end [i] <= 24 * 60);
        FUZZ_ASSERT (i == 0 || rules.span_start [i] >= rules.span_end [i - 1]);
    }
    //  What intake does with an agency's hours: a due time, never before the
    //  start, and as many working minutes away as the limit says.
    int64_t start = vn_instant (2026, 11, 27, 16 * 60 + 59);  //  a Friday, near closing
    int64_t due = worktime_due (&rules, start, 3, LIMIT_WORKING_DAYS);
    FUZZ_ASSERT (due > start);
    FUZZ_ASSERT (worktime_between (&rules, start, due) == 3 * WORKTIME_MINUTES_PER_DAY);
    FUZZ_ASSERT (worktime_due (&rules, start, 4, LIMIT_WORKING_HOURS) > start);
    FUZZ_ASSERT (worktime_due (&rules, start, 30, LIMIT_CALENDAR_DAYS) > start);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *text = (char *) malloc (size + 1);
    memcpy (text, data, size);
    text [size] = 0;
    s_dossier_code (text);
    s_date (text);
    s_hours (text);
    FUZZ_ASSERT (api_utf8_valid (text) == s_utf8_reference ((const unsigned char *) text));
    free (text);
    return 0;
}
