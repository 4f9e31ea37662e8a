/*  test_unit — unit tests of the pure logic in common/law and the wire in common/infra:
      vntime        civil time in UTC+7, ISO formatting, date parsing
      worktime      office hours, alignment, working-time arithmetic, due
                    times, timeliness, custom working-day calendars
      dossier_code  `<agency>-YYMMDD-NNNN` formatting/parsing, daily key
      lifecycle     the transition table and state names
      report06a     II.06a counting and its identities
      api / rpc     UTF-8 checks, the request-id peek of every reply
      wire_text     every string of a request checked on the wire (NUL,
                    controls, bidi overrides), named by its field
      rule_set      the law chosen by the receipt date
    Weeks used below: 2026-11-27 Fri, 11-28 Sat, 11-29 Sun, 11-30 Mon,
    12-01 Tue, 12-02 Wed, 12-03 Thu, 12-04 Fri, 12-05 Sat, 12-07 Mon.       */
#include <czmq.h>
#include <stdio.h>
#include <string.h>
#include "testkit.h"
#include "vntime.h"
#include "worktime.h"
#include "dossier_code.h"
#include "lifecycle.h"
#include "report06a.h"
#include "rule_set.h"
#include "legal_clock.h"
#include "api.h"
#include "rpc.h"
#include "wire_text.h"
#include "motcua/v1/intake.pb-c.h"
#include "motcua/v1/processing.pb-c.h"
#include "motcua/v1/postal.pb-c.h"
#include "motcua/v1/reporting.pb-c.h"
#include "motcua/v1/events.pb-c.h"
#include "personal_data.h"

//  A UTC instant: the date and time as seen in Greenwich.
static int64_t
utc_instant (int y, int mo, int d, int h, int mi, int s)
{
    return vn_days_from_civil (y, mo, d) * MS_PER_DAY
         + ((int64_t) h * 3600 + mi * 60 + s) * 1000;
}

// --------------------------------------------------------------------------
//  vntime

static void
test_vntime (void)
{
    vn_civil_t c;
    vn_civil (vn_instant (2026, 11, 30, HM (9, 0)), &c);
    CHECK_EQ_INT (c.weekday, 1, "vn_civil: 2026-11-30 is a Monday");
    vn_civil (vn_instant (2026, 11, 28, HM (9, 0)), &c);
    CHECK_EQ_INT (c.weekday, 6, "vn_civil: 2026-11-28 is a Saturday");
    vn_civil (vn_instant (2026, 11, 27, HM (9, 0)), &c);
    CHECK_EQ_INT (c.weekday, 5, "vn_civil: 2026-11-27 is a Friday");

    //  17:00Z is midnight in Hà Nội: the local date moves to the next day.
    vn_civil (utc_instant (2026, 11, 28, 17, 0, 0), &c);
    CHECK (c.year == 2026 && c.month == 11 && c.day == 29 && c.hour == 0 && c.minute == 0,
           "vn_civil: 2026-11-28T17:00Z is 2026-11-29 00:00 local");

    CHECK_EQ_STR (testkit_iso (vn_instant (2026, 11, 29, HM (8, 5))), "2026-11-29T08:05:00+07:00",
                  "vn_format_iso: local time with +07:00 suffix");
    CHECK_EQ_STR (testkit_iso (utc_instant (2026, 11, 29, 1, 5, 0)), "2026-11-29T08:05:00+07:00",
                  "vn_format_iso: 01:05Z prints as 08:05+07:00");
    char form [32];
    CHECK_EQ_STR (vn_format_form (vn_instant (2026, 11, 29, HM (8, 5)), form, sizeof form),
                  "08:05 29/11/2026", "vn_format_form: HH:MM DD/MM/YYYY");

    CHECK_EQ_INT (vn_day_start (vn_instant (2026, 11, 29, HM (23, 59))),
                  vn_instant (2026, 11, 29, 0), "vn_day_start: 23:59 local → same day's midnight");

    int64_t midnight = 0;
    int rc = vn_parse_date ("2026-11-29", &midnight);
    CHECK (rc == 0 && midnight == vn_instant (2026, 11, 29, 0),
           "vn_parse_date: 2026-11-29 → local midnight");
    rc = vn_parse_date ("2028-02-29", &midnight);
    CHECK (rc == 0 && midnight == vn_instant (2028, 2, 29, 0),
           "vn_parse_date: leap day 2028-02-29 accepted");
    CHECK_EQ_INT (vn_parse_date ("2026-02-30", &midnight), -1, "vn_parse_date: rejects 2026-02-30");
    CHECK_EQ_INT (vn_parse_date ("2026-02-29", &midnight), -1, "vn_parse_date: rejects 2026-02-29 (not leap)");
    CHECK_EQ_INT (vn_parse_date ("2026-13-01", &midnight), -1, "vn_parse_date: rejects month 13");
    CHECK_EQ_INT (vn_parse_date ("garbage", &midnight), -1, "vn_parse_date: rejects garbage");
    CHECK_EQ_INT (vn_parse_date ("", &midnight), -1, "vn_parse_date: rejects empty string");
    CHECK_EQ_INT (vn_parse_date (NULL, &midnight), -1, "vn_parse_date: rejects NULL");
    CHECK_EQ_INT (vn_parse_date ("2026-11-29x", &midnight), -1, "vn_parse_date: rejects trailing text");
}

// --------------------------------------------------------------------------
//  dossier_code

static void
test_dossier_code (void)
{
    char buf [DOSSIER_CODE_MAX];
    int day = dossier_code_day (vn_instant (2026, 11, 29, HM (8, 30)));
    CHECK_EQ_INT (day, 261129, "dossier_code_day: 2026-11-29 local → 261129");

    int rc = dossier_code_format (buf, sizeof buf, "H27.22", day, 1);
    CHECK (rc == 0, "dossier_code_format: succeeds");
    CHECK_EQ_STR (buf, "H27.22-261129-0001", "dossier_code_format: H27.22, 2026-11-29, seq 1");

    CHECK_EQ_INT (dossier_code_day (utc_instant (2026, 11, 28, 16, 59, 59)), 261128,
                  "dossier_code_day: 2026-11-28T16:59:59Z is still 28 Nov local");
    CHECK_EQ_INT (dossier_code_day (utc_instant (2026, 11, 28, 17, 0, 0)), 261129,
                  "dossier_code_day: 2026-11-28T17:00:00Z is 29 Nov local (key changes)");
    CHECK_EQ_INT (dossier_code_day (vn_instant (2026, 1, 5, HM (9, 0))), 260105,
                  "dossier_code_day: zero-padded month and day");

    dossier_code_format (buf, sizeof buf, "H27.22", 261129, 9999);
    CHECK_EQ_STR (buf, "H27.22-261129-9999", "dossier_code_format: sequence 9999");
    dossier_code_format (buf, sizeof buf, "H27.22", 261129, 10000);
    CHECK_EQ_STR (buf, "H27.22-261129-10000", "dossier_code_format: sequence 10000 widens, not wraps");
    dossier_code_format (buf, sizeof buf, "H27.22", 260105, 42);
    CHECK_EQ_STR (buf, "H27.22-260105-0042", "dossier_code_format: day keeps its leading zero");

    CHECK_EQ_INT (dossier_code_format (buf, sizeof buf, "", 261129, 1), -1,
                  "dossier_code_format: empty agency rejected");
    CHECK_EQ_INT (dossier_code_format (buf, sizeof buf, "H27.22", 261129, 0), -1,
                  "dossier_code_format: sequence 0 rejected");
    CHECK_EQ_INT (dossier_code_format (buf, 10, "H27.22", 261129, 1), -1,
                  "dossier_code_format: too-small buffer rejected");

    //  Round trips
    char agency [32];
    int pday = 0;
    int64_t seq = 0;
    rc = dossier_code_parse ("H27.22-261129-0001", agency, sizeof agency, &pday, &seq);
    CHECK (rc == 0 && strcmp (agency, "H27.22") == 0 && pday == 261129 && seq == 1,
           "dossier_code_parse: H27.22-261129-0001 round trip");
    dossier_code_format (buf, sizeof buf, "000.00.12.H27", 260105, 10000);
    rc = dossier_code_parse (buf, agency, sizeof agency, &pday, &seq);
    CHECK (rc == 0 && strcmp (agency, "000.00.12.H27") == 0 && pday == 260105 && seq == 10000,
           "dossier_code_parse: widened sequence 10000 round trip");

    //  Malformed
    static const char *bad [] = {
        "H27.22-261129-001",        //  sequence too short
        "H27.22-26112-0001",        //  day too short
        "H27.22-2611290-0001",      //  day too long
        "H27.22-2611x9-0001",       //  day not digits
        "H27.22-261129-00a1",       //  sequence not digits
        "-261129-0001",             //  no agency
        "H27.22-261129-0000",       //  sequence 0
        "H27.22-261129-",           //  no sequence
        "H27.22261129-0001",        //  no dash before day
        "garbage",
        "",
    };
    int rejected = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad [0]; i++) {
        int r = dossier_code_parse (bad [i], agency, sizeof agency, &pday, &seq);
        if (r == -1)
            rejected++;
        else
            printf ("     (accepted malformed code \"%s\")\n", bad [i]);
    }
    CHECK_EQ_INT (rejected, (long long) (sizeof bad / sizeof bad [0]),
                  "dossier_code_parse: every malformed code rejected");
    CHECK_EQ_INT (dossier_code_parse (NULL, agency, sizeof agency, &pday, &seq), -1,
                  "dossier_code_parse: NULL rejected");
    CHECK_EQ_INT (dossier_code_parse ("H27.22-261129-0001", agency, 4, &pday, &seq), -1,
                  "dossier_code_parse: agency buffer too small rejected");
}

// --------------------------------------------------------------------------
//  worktime

//  A calendar where Wednesday 2026-12-02 is a holiday, otherwise Mon–Fri.
static bool
s_holiday_calendar (void *ctx, int year, int month, int day)
{
    int *calls = ctx;
    (*calls)++;
    if (year == 2026 && month == 12 && day == 2)
        return false;
    int64_t wd = (vn_days_from_civil (year, month, day) + 4) % 7;
    return wd >= 1 && wd <= 5;
}

static void
test_worktime (void)
{
    worktime_rules_t r;
    worktime_rules_default (&r);
    CHECK (r.span_count == 2 && r.span_start [0] == HM (7, 0) && r.span_end [0] == HM (11, 30)
        && r.span_start [1] == HM (13, 30) && r.span_end [1] == HM (17, 0),
           "worktime_rules_default: 07:00-11:30, 13:30-17:00");

    //  Alignment of the receipt time
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 30, HM (6, 0)))),
                  "2026-11-30T07:00:00+07:00", "align: Mon 06:00 → Mon 07:00");
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 30, HM (9, 15)))),
                  "2026-11-30T09:15:00+07:00", "align: Mon 09:15 inside hours stays");
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 30, HM (12, 0)))),
                  "2026-11-30T13:30:00+07:00", "align: Mon 12:00 lunch break → 13:30");
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 30, HM (11, 30)))),
                  "2026-11-30T13:30:00+07:00", "align: Mon 11:30 (span end) → 13:30");
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 30, HM (17, 30)))),
                  "2026-12-01T07:00:00+07:00", "align: Mon 17:30 → Tue 07:00");
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 27, HM (17, 30)))),
                  "2026-11-30T07:00:00+07:00", "align: Fri 17:30 → Mon 07:00");
    CHECK_EQ_STR (testkit_iso (worktime_align (&r, vn_instant (2026, 11, 28, HM (10, 0)))),
                  "2026-11-30T07:00:00+07:00", "align: Sat 10:00 → Mon 07:00");
    int64_t sub_minute = vn_instant (2026, 11, 30, HM (9, 15)) + 12345;
    CHECK_EQ_INT (worktime_align (&r, sub_minute), sub_minute,
                  "align: seconds and millis inside hours are kept");
    CHECK (!worktime_is_working_day (&r, vn_instant (2026, 11, 29, HM (9, 0)))
        && worktime_is_working_day (&r, vn_instant (2026, 11, 30, HM (9, 0))),
           "is_working_day: Sunday no, Monday yes");

    //  Working days
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (7, 0)), 1, LIMIT_WORKING_DAYS)),
                  "2026-11-30T17:00:00+07:00", "due: 1 WD from Mon 07:00 → Mon 17:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (10, 0)), 1, LIMIT_WORKING_DAYS)),
                  "2026-12-01T10:00:00+07:00", "due: 1 WD from Mon 10:00 → Tue 10:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 27, HM (15, 0)), 1, LIMIT_WORKING_DAYS)),
                  "2026-11-30T15:00:00+07:00", "due: 1 WD from Fri 15:00 → Mon 15:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (7, 0)), 5, LIMIT_WORKING_DAYS)),
                  "2026-12-04T17:00:00+07:00", "due: 5 WD from Mon 07:00 → Fri 17:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 28, HM (9, 0)), 1, LIMIT_WORKING_DAYS)),
                  "2026-11-30T17:00:00+07:00", "due: 1 WD received Sat → Mon 17:00");

    //  Working hours, crossing lunch and the night
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (10, 0)), 4, LIMIT_WORKING_HOURS)),
                  "2026-11-30T16:00:00+07:00", "due: 4 WH from Mon 10:00 crosses lunch → 16:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (11, 0)), 1, LIMIT_WORKING_HOURS)),
                  "2026-11-30T14:00:00+07:00", "due: 1 WH from Mon 11:00 → 14:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (15, 0)), 4, LIMIT_WORKING_HOURS)),
                  "2026-12-01T09:00:00+07:00", "due: 4 WH from Mon 15:00 → Tue 09:00");
    CHECK_EQ_INT (worktime_due (&r, vn_instant (2026, 11, 30, HM (9, 0)), 2, LIMIT_WORKING_HOURS),
                  worktime_add (&r, vn_instant (2026, 11, 30, HM (9, 0)), 120),
                  "due: 2 WH equals worktime_add of 120 min");
    CHECK_EQ_STR (testkit_iso (worktime_add (&r, vn_instant (2026, 11, 30, HM (9, 0)), 150)),
                  "2026-11-30T11:30:00+07:00", "worktime_add: ending exactly at 11:30 stays at 11:30");

    //  Working time between two instants
    CHECK_EQ_INT (worktime_between (&r, vn_instant (2026, 11, 30, HM (11, 0)), vn_instant (2026, 11, 30, HM (14, 0))),
                  60, "between: Mon 11:00 → 14:00 across lunch = 60 min");
    CHECK_EQ_INT (worktime_between (&r, vn_instant (2026, 11, 27, HM (16, 0)), vn_instant (2026, 11, 30, HM (8, 0))),
                  120, "between: Fri 16:00 → Mon 08:00 across weekend = 120 min");
    CHECK_EQ_INT (worktime_between (&r, vn_instant (2026, 11, 30, HM (7, 0)), vn_instant (2026, 12, 7, HM (7, 0))),
                  5 * WORKTIME_MINUTES_PER_DAY, "between: one week = 5 working days");
    CHECK_EQ_INT (worktime_between (&r, vn_instant (2026, 11, 30, HM (14, 0)), vn_instant (2026, 11, 30, HM (10, 0))),
                  0, "between: to before from = 0");
    {
        int64_t s = vn_instant (2026, 11, 27, HM (15, 20));
        int64_t e = worktime_add (&r, s, 1000);
        CHECK_EQ_INT (worktime_between (&r, s, e), 1000, "between inverts add: 1000 min from Fri 15:20");
    }

    //  Calendar days
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (9, 0)), 5, LIMIT_CALENDAR_DAYS)),
                  "2026-12-07T17:00:00+07:00", "due: 5 calendar days from Mon lands on Sat → Mon 17:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&r, vn_instant (2026, 11, 30, HM (9, 0)), 3, LIMIT_CALENDAR_DAYS)),
                  "2026-12-03T17:00:00+07:00", "due: 3 calendar days from Mon → Thu 17:00");

    //  A custom calendar: Wednesday 2026-12-02 is a holiday
    worktime_rules_t h = r;
    int calls = 0;
    h.is_working_day = s_holiday_calendar;
    h.calendar = &calls;
    CHECK_EQ_STR (testkit_iso (worktime_due (&h, vn_instant (2026, 12, 1, HM (10, 0)), 1, LIMIT_WORKING_DAYS)),
                  "2026-12-03T10:00:00+07:00", "holiday: 1 WD from Tue 10:00 skips Wed → Thu 10:00");
    CHECK (calls > 0, "holiday: the is_working_day callback is called with its ctx");
    CHECK_EQ_STR (testkit_iso (worktime_align (&h, vn_instant (2026, 12, 2, HM (9, 0)))),
                  "2026-12-03T07:00:00+07:00", "holiday: align on the holiday → Thu 07:00");
    CHECK_EQ_STR (testkit_iso (worktime_due (&h, vn_instant (2026, 11, 30, HM (9, 0)), 2, LIMIT_CALENDAR_DAYS)),
                  "2026-12-03T17:00:00+07:00", "holiday: calendar-days due on the holiday → Thu 17:00");
    CHECK_EQ_INT (worktime_between (&h, vn_instant (2026, 12, 1, HM (7, 0)), vn_instant (2026, 12, 3, HM (7, 0))),
                  WORKTIME_MINUTES_PER_DAY, "holiday: Tue 07:00 → Thu 07:00 = 1 working day");

    //  Timeliness
    int64_t due = vn_instant (2026, 12, 1, HM (17, 0));
    CHECK_EQ_INT (worktime_timeliness (due, vn_instant (2026, 11, 30, HM (16, 0))), TIMELINESS_EARLY,
                  "timeliness: resolved the day before due → early");
    CHECK_EQ_INT (worktime_timeliness (due, vn_instant (2026, 12, 1, HM (8, 0))), TIMELINESS_ON_TIME,
                  "timeliness: resolved on the due day before due time → on_time");
    CHECK_EQ_INT (worktime_timeliness (due, due), TIMELINESS_ON_TIME,
                  "timeliness: resolved exactly at due instant → on_time");
    CHECK_EQ_INT (worktime_timeliness (due, due + 1), TIMELINESS_LATE,
                  "timeliness: resolved 1 ms after due → late");
    CHECK_EQ_INT (worktime_timeliness (due, vn_instant (2026, 12, 2, HM (8, 0))), TIMELINESS_LATE,
                  "timeliness: resolved the next day → late");
    CHECK (strcmp (timeliness_name (TIMELINESS_EARLY), "early") == 0
        && strcmp (timeliness_name (TIMELINESS_ON_TIME), "on_time") == 0
        && strcmp (timeliness_name (TIMELINESS_LATE), "late") == 0,
           "timeliness_name: early, on_time, late");

    //  Limit units
    limit_unit_t u = 0;
    int ok = 1;
    for (int i = LIMIT_WORKING_DAYS; i <= LIMIT_CALENDAR_DAYS; i++)
        if (limit_unit_parse (limit_unit_name ((limit_unit_t) i), &u) != 0 || (int) u != i)
            ok = 0;
    CHECK (ok && limit_unit_parse ("fortnights", &u) == -1, "limit_unit: name/parse round trip, unknown rejected");
    char text [64];
    limit_text (20, LIMIT_WORKING_DAYS, text, sizeof text);
    CHECK_EQ_STR (text, "20 ngày làm việc", "limit_text: 20 ngày làm việc");

    //  Parsing office hours
    worktime_rules_t p;
    worktime_rules_default (&p);
    int rc = worktime_rules_parse_hours (&p, "07:30-12:00,13:00-16:30");
    CHECK (rc == 0 && p.span_count == 2 && p.span_start [0] == HM (7, 30) && p.span_end [0] == HM (12, 0)
        && p.span_start [1] == HM (13, 0) && p.span_end [1] == HM (16, 30),
           "parse_hours: accepts 07:30-12:00,13:00-16:30");
    CHECK_EQ_STR (testkit_iso (worktime_due (&p, vn_instant (2026, 11, 30, HM (7, 30)), 1, LIMIT_WORKING_DAYS)),
                  "2026-11-30T16:30:00+07:00", "parse_hours: 1 WD from 07:30 under the new hours → 16:30");
    static const char *bad_hours [] = {
        "garbage",
        "",
        "07:00-11:30;13:30-17:00",      //  wrong separator
        "07:00-12:00,11:00-17:00",      //  overlap
        "13:30-17:00,07:00-11:30",      //  out of order
        "11:30-07:00",                  //  end before start
        "07:00-07:00",                  //  empty span
        "07:61-11:30",                  //  minute 61
        "07:00-25:00",                  //  past midnight
        "07:00-11:30x",                 //  trailing text
        "07:00-08:00,09:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00",  //  > 4 spans
    };
    int rejected = 0;
    for (size_t i = 0; i < sizeof bad_hours / sizeof bad_hours [0]; i++) {
        worktime_rules_t q;
        worktime_rules_default (&q);
        if (worktime_rules_parse_hours (&q, bad_hours [i]) == -1)
            rejected++;
        else
            printf ("     (accepted bad hours \"%s\")\n", bad_hours [i]);
    }
    CHECK_EQ_INT (rejected, (long long) (sizeof bad_hours / sizeof bad_hours [0]),
                  "parse_hours: rejects garbage, overlaps, bad times");
}

// --------------------------------------------------------------------------
//  lifecycle

typedef struct {
    dossier_state_t from;
    dossier_action_t action;
    dossier_state_t to;
} move_t;

static const move_t s_legal [] = {
    { STATE_NONE, ACTION_RECEIVE, STATE_RECEIVED },
    { STATE_NONE, ACTION_REFUSE, STATE_REFUSED },
    { STATE_RECEIVED, ACTION_START, STATE_IN_PROCESS },
    { STATE_RECEIVED, ACTION_REQUEST_SUPPLEMENT, STATE_SUPPLEMENT_REQUESTED },
    { STATE_RECEIVED, ACTION_RESOLVE, STATE_RESOLVED },
    { STATE_RECEIVED, ACTION_WITHDRAW, STATE_WITHDRAWN },
    { STATE_IN_PROCESS, ACTION_REQUEST_SUPPLEMENT, STATE_SUPPLEMENT_REQUESTED },
    { STATE_IN_PROCESS, ACTION_RESOLVE, STATE_RESOLVED },
    { STATE_IN_PROCESS, ACTION_WITHDRAW, STATE_WITHDRAWN },
    { STATE_SUPPLEMENT_REQUESTED, ACTION_SUPPLEMENT_RECEIVED, STATE_IN_PROCESS },
    { STATE_SUPPLEMENT_REQUESTED, ACTION_WITHDRAW, STATE_WITHDRAWN },
    { STATE_SUPPLEMENT_REQUESTED, ACTION_CLOSE, STATE_CLOSED },
    { STATE_RESOLVED, ACTION_RETURN, STATE_RETURNED },
    { STATE_RECEIVED, ACTION_HAND_OVER, STATE_IN_PROCESS },
    { STATE_IN_PROCESS, ACTION_HAND_OVER, STATE_IN_PROCESS },
    { STATE_RECEIVED, ACTION_ATTACH_RESULT, STATE_RECEIVED },
    { STATE_IN_PROCESS, ACTION_ATTACH_RESULT, STATE_IN_PROCESS },
    { STATE_RESOLVED, ACTION_ATTACH_RESULT, STATE_RESOLVED },
    { STATE_RECEIVED, ACTION_ROUTE, STATE_RECEIVED },
    { STATE_RECEIVED, ACTION_DELAY, STATE_RECEIVED },
    { STATE_IN_PROCESS, ACTION_DELAY, STATE_IN_PROCESS },
};

static void
check_move (dossier_state_t from, dossier_action_t action, dossier_state_t want)
{
    char name [128];
    dossier_state_t to = STATE_COUNT;
    int rc = lifecycle_next (from, action, &to);
    snprintf (name, sizeof name, "lifecycle: %s --%s--> %s",
              lifecycle_state_name (from), lifecycle_action_name (action), lifecycle_state_name (want));
    CHECK (rc == 0 && to == want, name);
}

static void
check_illegal (dossier_state_t from, dossier_action_t action)
{
    char name [128];
    dossier_state_t to = STATE_COUNT;
    int rc = lifecycle_next (from, action, &to);
    snprintf (name, sizeof name, "lifecycle: %s --%s--> illegal",
              lifecycle_state_name (from), lifecycle_action_name (action));
    CHECK (rc == -1 && to == STATE_NONE, name);
}

static void
test_lifecycle (void)
{
    size_t nlegal = sizeof s_legal / sizeof s_legal [0];
    for (size_t i = 0; i < nlegal; i++)
        check_move (s_legal [i].from, s_legal [i].action, s_legal [i].to);

    check_illegal (STATE_RETURNED, ACTION_RESOLVE);
    check_illegal (STATE_RESOLVED, ACTION_WITHDRAW);
    check_illegal (STATE_NONE, ACTION_RESOLVE);
    check_illegal (STATE_RECEIVED, ACTION_RETURN);
    check_illegal (STATE_IN_PROCESS, ACTION_START);
    check_illegal (STATE_WITHDRAWN, ACTION_START);
    check_illegal (STATE_REFUSED, ACTION_RECEIVE);
    check_illegal (STATE_CLOSED, ACTION_SUPPLEMENT_RECEIVED);
    check_illegal (STATE_SUPPLEMENT_REQUESTED, ACTION_HAND_OVER);
    check_illegal (STATE_RETURNED, ACTION_ATTACH_RESULT);
    check_illegal (STATE_IN_PROCESS, ACTION_ROUTE);

    //  Exactly the listed moves are legal: every other pair of the table fails.
    int extra = 0;
    for (int s = 0; s < STATE_COUNT; s++)
        for (int a = 0; a < ACTION_COUNT; a++) {
            int listed = 0;
            for (size_t i = 0; i < nlegal; i++)
                if ((int) s_legal [i].from == s && (int) s_legal [i].action == a)
                    listed = 1;
            dossier_state_t to;
            if (!listed && lifecycle_next ((dossier_state_t) s, (dossier_action_t) a, &to) == 0) {
                printf ("     (unexpected legal move %s --%s-->)\n",
                        lifecycle_state_name ((dossier_state_t) s), lifecycle_action_name ((dossier_action_t) a));
                extra++;
            }
        }
    CHECK_EQ_INT (extra, 0, "lifecycle: no legal move outside the table");

    dossier_state_t to;
    CHECK (lifecycle_next (STATE_COUNT, ACTION_RECEIVE, &to) == -1
        && lifecycle_next (STATE_RECEIVED, ACTION_COUNT, &to) == -1
        && lifecycle_next ((dossier_state_t) -1, ACTION_RECEIVE, &to) == -1,
           "lifecycle: out-of-range state or action rejected");

    int round = 0;
    for (int s = 0; s < STATE_COUNT; s++) {
        dossier_state_t back = STATE_COUNT;
        if (lifecycle_state_parse (lifecycle_state_name ((dossier_state_t) s), &back) == 0 && (int) back == s)
            round++;
    }
    CHECK_EQ_INT (round, STATE_COUNT, "lifecycle: state name/parse round trip for every state");
    CHECK_EQ_STR (lifecycle_state_name (STATE_SUPPLEMENT_REQUESTED), "supplement_requested",
                  "lifecycle: state name supplement_requested");
    dossier_state_t st;
    CHECK (lifecycle_state_parse ("bogus", &st) == -1 && lifecycle_state_parse (NULL, &st) == -1,
           "lifecycle: unknown state name rejected");
    CHECK_EQ_STR (lifecycle_state_name (STATE_COUNT), "unknown", "lifecycle: out-of-range state name is unknown");
}

static void
test_report06a (void)
{
    //  Window: 2026-11-15 00:00 to 2026-12-15 00:00 (the II.06a month of December).
    int64_t from = vn_instant (2026, 11, 15, 0), to = vn_instant (2026, 12, 15, 0);
    int64_t due_in = vn_instant (2026, 12, 10, HM (17, 0));
    report06a_t r;
    report06a_init (&r, from, to);
    report_fact_t facts [] = {
        //  received,                             due,                                 resolved,                               channel
        { vn_instant (2026, 11, 20, HM (8, 0)),  due_in,                              vn_instant (2026, 12, 1, HM (9, 0)),    1 , 0, 0 },  //  early, direct
        { vn_instant (2026, 11, 20, HM (8, 0)),  due_in,                              vn_instant (2026, 12, 10, HM (16, 0)),  2 , 0, 0 },  //  on time, online
        { vn_instant (2026, 11, 20, HM (8, 0)),  due_in,                              vn_instant (2026, 12, 11, HM (8, 0)),   3 , 0, 0 },  //  late, postal
        { vn_instant (2026, 11, 1, HM (8, 0)),   vn_instant (2026, 11, 30, HM (17, 0)), 0,                                    1 , 0, 0 },  //  carried over, overdue
        { vn_instant (2026, 12, 1, HM (8, 0)),   vn_instant (2026, 12, 30, HM (17, 0)), 0,                                    2 , 0, 0 },  //  in progress, within
        { vn_instant (2026, 11, 1, HM (8, 0)),   due_in,                              vn_instant (2026, 11, 10, HM (8, 0)),   1 , 0, 0 },  //  finished before: out
        { vn_instant (2026, 12, 20, HM (8, 0)),  due_in,                              0,                                      1 , 0, 0 },  //  received after: out
        { 0,                                     due_in,                              vn_instant (2026, 12, 1, HM (9, 0)),    1 , 0, 0 },  //  receipt unknown yet: out
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts [0]; i++)
        report06a_add (&r, &facts [i]);
    CHECK_EQ_INT (r.received_total, 5, "II.06a: five dossiers in the window's population");
    CHECK_EQ_INT (r.carried_over, 1, "II.06a: one carried over from the previous period");
    CHECK_EQ_INT (r.received_direct, 1, "II.06a: new direct");
    CHECK_EQ_INT (r.received_online, 2, "II.06a: new online");
    CHECK_EQ_INT (r.received_postal, 1, "II.06a: new postal");
    CHECK_EQ_INT (r.resolved_early, 1, "II.06a: resolved before the due day is early");
    CHECK_EQ_INT (r.resolved_on_time, 1, "II.06a: resolved on the due day before the due time is on time");
    CHECK_EQ_INT (r.resolved_late, 1, "II.06a: resolved after the due time is late");
    CHECK_EQ_INT (r.in_progress_within, 1, "II.06a: open with a due time after the window is within deadline");
    CHECK_EQ_INT (r.in_progress_overdue, 1, "II.06a: open past its due time is overdue");
    CHECK (report06a_consistent (&r), "II.06a: the four identities hold");
    r.received_direct++;
    CHECK (!report06a_consistent (&r), "II.06a: a drifted total breaks the identities");

    //  Waiting for a supplement at the window's end: within unless overdue when paused.
    report06a_t w;
    report06a_init (&w, from, to);
    report_fact_t waiting_in_time = { vn_instant (2026, 11, 20, HM (8, 0)), vn_instant (2026, 12, 1, HM (17, 0)),
                                      0, 1, vn_instant (2026, 11, 25, HM (8, 0)), 0 };
    report_fact_t waiting_late = { vn_instant (2026, 11, 20, HM (8, 0)), vn_instant (2026, 11, 24, HM (17, 0)),
                                   0, 1, vn_instant (2026, 11, 25, HM (8, 0)), 0 };
    report06a_add (&w, &waiting_in_time);
    report06a_add (&w, &waiting_late);
    CHECK (w.in_progress_within == 1 && w.in_progress_overdue == 1 && report06a_consistent (&w),
           "II.06a: a dossier paused in time stays within deadline; one paused already overdue stays overdue");
}

static void
test_api_and_rpc (void)
{
    CHECK (api_utf8_valid ("Nguyễn Văn An, Hà Tĩnh"), "utf8: Vietnamese text is valid");
    CHECK (!api_utf8_valid ("\xC3\x28"), "utf8: a broken two-byte sequence is invalid");
    CHECK (!api_utf8_valid ("\xE0\x80\xAF"), "utf8: an overlong encoding is invalid");
    CHECK (!api_utf8_valid ("\xED\xA0\x80"), "utf8: a UTF-16 surrogate is invalid");
    CHECK (!api_utf8_valid ("\xF8\x88\x80\x80\x80"), "utf8: a five-byte sequence is invalid");
    api_error_t error = { 0 };
    CHECK (api_check_text (&error, "applicant.name", "  ", 10, true) == -1
        && streq (error.field, "applicant.name"), "api: a blank required field names itself");
    memset (&error, 0, sizeof error);
    CHECK (api_check_text (&error, "phone", "0123456789012", 12, true) == -1
        && error.code == MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "api: an oversize field is INVALID_ARGUMENT");
    memset (&error, 0, sizeof error);
    CHECK (api_check_text (&error, "phone", "", 12, false) == 0, "api: an empty optional field passes");

    char id [64];
    const uint8_t with_id [] = { 0x0A, 3, 'a', 'b', 'c', 0x12, 0 };
    CHECK (rpc_peek_field1 (with_id, sizeof with_id, id, sizeof id) && streq (id, "abc"),
           "rpc: the request id is read from field 1");
    const uint8_t without_id [] = { 0x12, 2, 0x08, 3 };
    CHECK (rpc_peek_field1 (without_id, sizeof without_id, id, sizeof id) && streq (id, ""),
           "rpc: a reply without field 1 has an empty request id");
    const uint8_t truncated [] = { 0x0A, 20, 'a' };
    CHECK (!rpc_peek_field1 (truncated, sizeof truncated, id, sizeof id), "rpc: a truncated field 1 is refused");

    CHECK_EQ_STR (rule_set_name (rule_set_at (vn_instant (2025, 6, 30, HM (16, 59)))), "2018", "rule set: 30/6/2025 is under the 2018 rules");
    CHECK_EQ_STR (rule_set_name (rule_set_at (vn_instant (2025, 7, 1, 0))), "2025", "rule set: from 1/7/2025 the 2025 rules");
    CHECK_EQ_INT (rule_set_cutover (), vn_instant (2025, 7, 1, 0), "rule set: the cut-over is 01/07/2025 00:00 Vietnam time");
    CHECK (rule_set_of ("2018") == RULES_2018 && rule_set_of ("") == RULES_2025 && rule_set_of (NULL) == RULES_2025,
           "rule set: a stored name read leniently, unknown is the rules of today");
}

static void
test_legal_clock (void)
{
    worktime_rules_t rules;
    worktime_rules_default (&rules);
    char buf [40], why [256];
    clock_change_t change;
    //  Received Mon 30/11/2026 09:00, 10 working days: due Fri 11/12 09:00... counted:
    int64_t received = vn_instant (2026, 11, 30, HM (9, 0));
    legal_clock_receive (RULES_2025, &rules, received, 10, LIMIT_WORKING_DAYS, &change);
    int64_t due = change.due_at;
    CHECK_EQ_STR (vn_format_iso (due, buf, sizeof buf), "2026-12-14T09:00:00+07:00",
                  "clock: 10 working days from Mon 30/11 09:00 end Mon 14/12 09:00");
    //  Supplement asked Wed 2/12 09:00, handed in Mon 7/12 09:00 (3 working days later).
    int64_t asked = vn_instant (2026, 12, 2, HM (9, 0)), back = vn_instant (2026, 12, 7, HM (9, 0));
    legal_clock_supplement (RULES_2018, &rules, due, asked, back, 10, LIMIT_WORKING_DAYS, &change);
    CHECK_EQ_STR (vn_format_iso (change.due_at, buf, sizeof buf), "2026-12-17T09:00:00+07:00",
                  "clock 2018: a supplement pauses the clock (3 working days added)");
    CHECK (strstr (change.rule, "61/2018") != NULL, "clock 2018: the change names its rule");
    legal_clock_supplement (RULES_2025, &rules, due, asked, back, 10, LIMIT_WORKING_DAYS, &change);
    CHECK_EQ_STR (vn_format_iso (change.due_at, buf, sizeof buf), "2026-12-21T09:00:00+07:00",
                  "clock 2025: a supplement restarts the limit from zero");
    CHECK (strstr (change.rule, "118/2025") != NULL, "clock 2025: the change names its rule");
    CHECK_EQ_STR (vn_format_iso (legal_clock_supplement_by (RULES_2025, &rules, received), buf, sizeof buf),
                  "2026-12-03T09:00:00+07:00", "clock 2025: a supplement request goes out within 3 working days");
    CHECK_EQ_INT (legal_clock_supplement_by (RULES_2018, &rules, received), 0, "clock 2018: no such limit");
    CHECK_EQ_INT (legal_clock_close_at (RULES_2025, asked) - asked, 15 * MS_PER_DAY,
                  "clock 2025: closed 15 days after the request");
    CHECK_EQ_INT (legal_clock_close_at (RULES_2018, asked), 0, "clock 2018: never closed for a missing supplement");
    //  Delay letters.
    int64_t later = due + 3 * MS_PER_DAY;
    CHECK (legal_clock_delay (RULES_2025, due, due - 2 * MS_PER_DAY, later, 0, &change, why, sizeof why) == 0
        && change.due_at == later, "clock 2025: an extension two days ahead is accepted");
    CHECK (legal_clock_delay (RULES_2025, due, due - 3600000, later, 0, &change, why, sizeof why) == -1,
           "clock 2025: an extension less than a day ahead is refused");
    CHECK (legal_clock_delay (RULES_2025, due, due - 2 * MS_PER_DAY, later, 1, &change, why, sizeof why) == -1
        && strstr (why, "một lần"), "clock 2025: the date is reset only once");
    CHECK (legal_clock_delay (RULES_2018, due, due - 3600000, later, 1, &change, why, sizeof why) == 0,
           "clock 2018: an apology with a new date an hour ahead, even a second one, is accepted");
    CHECK (legal_clock_delay (RULES_2018, due, due + 1000, later, 0, &change, why, sizeof why) == -1,
           "clock 2018: an apology after the due time is refused");
    CHECK (legal_clock_delay (RULES_2018, due, due - 5000, due - 1000, 0, &change, why, sizeof why) == -1,
           "clock: a new date must be later than the current one");
    //  Online answers and routing (2025).
    int64_t filed = vn_instant (2026, 12, 4, HM (15, 0));          //  Friday 15:00
    CHECK_EQ_STR (vn_format_iso (legal_clock_online_answer_by (&rules, filed), buf, sizeof buf),
                  "2026-12-07T15:00:00+07:00", "clock 2025: an online filing is answered within 8 working hours");
    CHECK_EQ_STR (vn_format_iso (legal_clock_route_by (&rules, vn_instant (2026, 12, 1, HM (10, 0))), buf, sizeof buf),
                  "2026-12-02T10:00:00+07:00", "clock 2025: paper goes on within one working day");
    CHECK_EQ_STR (vn_format_iso (legal_clock_route_by (&rules, vn_instant (2026, 12, 1, HM (15, 30))), buf, sizeof buf),
                  "2026-12-02T17:00:00+07:00", "clock 2025: received after 15:00 it starts the next working day");
    rules_id_t id;
    CHECK (rule_set_parse ("2018", &id) == 0 && id == RULES_2018 && rule_set_parse ("2019", &id) == -1,
           "clock: rule sets are named 2018 and 2025, nothing else");
}


// --------------------------------------------------------------------------
//  wire_text

//  A SubmitDossier inside an IntakeRequest, packed, with name's bytes
//  (name_size of them, NULs included) as the applicant's name.
static zchunk_t *
s_packed_submit (const char *name, size_t name_size, const char *reason_like)
{
    Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
    char placeholder [64];
    memset (placeholder, 'x', name_size);
    placeholder [name_size] = 0;
    applicant.name = placeholder;
    applicant.address = (char *) reason_like;
    Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    submit.idempotency_key = "k-1";
    submit.procedure_code = "1.000843";
    submit.applicant = &applicant;
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    request.request_id = "r-1";
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT;
    request.submit = &submit;
    zchunk_t *chunk = api_pack (&request.base);
    //  put the real bytes (NULs too) where the placeholder went
    byte *at = (byte *) memmem (zchunk_data (chunk), zchunk_size (chunk), placeholder, name_size);
    memcpy (at, name, name_size);
    return chunk;
}

static void
test_wire_text (void)
{
    const ProtobufCMessageDescriptor *type = &motcua__v1__intake_request__descriptor;
    struct { const char *bytes; size_t size; const char *address; int rc; const char *field; const char *label; } cases [] = {
        { "Nguyễn Văn An", strlen ("Nguyễn Văn An"), "Hà Tĩnh", 0, "", "a Vietnamese name is text" },
        { "An\0B", 4, "", -1, "applicant.name", "a NUL inside a name is refused, not cut" },
        { "An\x1b[31m", 8, "", -1, "applicant.name", "an escape sequence is refused" },
        { "An\nBinh", 8, "", -1, "applicant.name", "a line break in a one-line field is refused" },
        { "An\xe2\x80\xaeniB", 8, "", -1, "applicant.name", "a right-to-left override is refused" },
        { "An\xc2\x85", 4, "", -1, "applicant.name", "a C1 control (NEL) is refused" },
        { "An\xff", 3, "", -1, "applicant.name", "bytes that are not UTF-8 are refused" },
        { "An", 2, "Số 1\x07", -1, "applicant.address", "a bell in the address is refused, named by its path" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases [0]; i++) {
        zchunk_t *chunk = s_packed_submit (cases [i].bytes, cases [i].size, cases [i].address);
        api_error_t error = { 0 };
        int rc = wire_text_check (type, zchunk_data (chunk), zchunk_size (chunk), &error);
        char name [160], detail [400];
        snprintf (name, sizeof name, "wire text: %s", cases [i].label);
        snprintf (detail, sizeof detail, "got %d, field '%s': %s", rc, error.field, error.message);
        testkit_check (rc == cases [i].rc && streq (error.field, cases [i].field)
                       && (rc == 0 || error.code == MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT),
                       name, __FILE__, __LINE__, detail);
        zchunk_destroy (&chunk);
    }
    const char *why = NULL;
    CHECK (wire_text_multiline ("reason") && !wire_text_multiline ("name")
           && wire_text_bad ("dòng 1\r\ndòng 2\tx", strlen ("dòng 1\r\ndòng 2\tx"), true, &why) == NULL
           && wire_text_bad ("dòng 1\ndòng 2", strlen ("dòng 1\ndòng 2"), false, &why) != NULL,
           "wire text: line breaks and tabs only in the fields that hold several lines");
    //  a broken frame is the decoder's to refuse, not ours
    byte broken [] = { 0x12, 0x7f, 'a' };
    api_error_t error = { 0 };
    CHECK (wire_text_check (type, broken, sizeof broken, &error) == 0 && error.code == 0,
           "wire text: a truncated frame is left to the decoder");
}

// --------------------------------------------------------------------------
//  personal_data: every field of every message the services speak is
//  classed, so a new field named like personal data cannot slip past.

static void
s_class_fields (const ProtobufCMessageDescriptor *type, zhashx_t *seen, int *unclassed, int *personal)
{
    if (zhashx_lookup (seen, type->name))
        return;
    zhashx_insert (seen, type->name, (void *) type);
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        if (field->type == PROTOBUF_C_TYPE_MESSAGE) {
            *personal += personal_data_field (type, field);
            s_class_fields ((const ProtobufCMessageDescriptor *) field->descriptor, seen, unclassed, personal);
        }
        else
        if (personal_data_field (type, field))
            (*personal)++;
        else
        if (personal_data_named_like (field) && !personal_data_not_personal (type, field)) {
            (*unclassed)++;
            char name [200];
            snprintf (name, sizeof name, "personal data: %s.%s is classed in common/infra/personal_data.c",
                      type->name, field->name);
            testkit_check (false, name, __FILE__, __LINE__, "named like personal data, in neither table");
        }
    }
}

static void
test_personal_data (void)
{
    const ProtobufCMessageDescriptor *roots [] = {
        &motcua__v1__intake_request__descriptor, &motcua__v1__intake_reply__descriptor,
        &motcua__v1__processing_request__descriptor, &motcua__v1__processing_reply__descriptor,
        &motcua__v1__postal_request__descriptor, &motcua__v1__postal_reply__descriptor,
        &motcua__v1__reporting_request__descriptor, &motcua__v1__reporting_reply__descriptor,
        &motcua__v1__event__descriptor,
    };
    zhashx_t *seen = zhashx_new ();
    int unclassed = 0, personal = 0;
    for (size_t i = 0; i < sizeof roots / sizeof roots [0]; i++)
        s_class_fields (roots [i], seen, &unclassed, &personal);
    char detail [80];
    snprintf (detail, sizeof detail, "%zu message types, %d fields of personal data", zhashx_size (seen), personal);
    testkit_check (unclassed == 0 && zhashx_size (seen) > 60 && personal > 10,
                   "personal data: every field named like personal data in every message is classed",
                   __FILE__, __LINE__, detail);
    zhashx_destroy (&seen);

    //  A sheet with its applicant: blanked for the dashboard, counted once.
    char name [] = "Nguyễn Văn An", id [] = "001203004567", phone [] = "0912345678", code [] = "H27.22-261204-0001";
    Motcua__V1__WorkItem item = MOTCUA__V1__WORK_ITEM__INIT;
    item.dossier_code = code;
    item.applicant_name = name;
    Motcua__V1__DossierSheet sheet = MOTCUA__V1__DOSSIER_SHEET__INIT;
    sheet.item = &item;
    sheet.applicant_id = id;
    sheet.phone = phone;
    CHECK (personal_data_walk (&sheet.base, false) == 2 && streq (item.applicant_name, name),
           "personal data: a sheet and its work item hold personal data (2 messages), left as they are");
    CHECK (personal_data_walk (&sheet.base, true) == 2 && !*item.applicant_name && !*sheet.applicant_id
           && !*sheet.phone && streq (item.dossier_code, code),
           "personal data: blanked, the name, ID and phone are gone and the dossier code stays");
    CHECK (personal_data_walk (&sheet.base, false) == 0, "personal data: once blanked, none is left");
    principal_t desk = { .role = "desk" }, dashboard = { .role = "dashboard" };
    CHECK (personal_data_seen_by (&desk) && !personal_data_seen_by (&dashboard),
           "personal data: a desk sees it, the dashboard does not");
}

int
main (void)
{
    test_vntime ();
    test_personal_data ();
    test_dossier_code ();
    test_worktime ();
    test_lifecycle ();
    test_report06a ();
    test_api_and_rpc ();
    test_legal_clock ();
    test_wire_text ();
    return testkit_finish ();
}
