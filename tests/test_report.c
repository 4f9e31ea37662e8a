/*  test_report — unit tests of the pure reporting logic of issue 4:
      period   reporting periods (15th → 14th, +07:00 edges) and calendar ones,
               the months inside a period
      rollup   a dossier's deltas; the property that II.06a from prefix sums of
               the deltas equals report06a's count over the facts, for random
               histories and random whole-day windows
      form06a  the form's columns and headings; the check of filed rows on the
               seed report's 2021-2023 figures
      satisfaction  the 2018 indicators and 2025 items the facts can judge   */
#include <czmq.h>
#include <stdio.h>
#include <string.h>
#include "testkit.h"
#include "vntime.h"
#include "worktime.h"
#include "period.h"
#include "rollup.h"
#include "form06a.h"
#include "satisfaction.h"

static void
test_period (void)
{
    int64_t from, to;
    char label [96];
    CHECK (period_window (PERIOD_YEAR, 2024, 0, false, &from, &to, label, sizeof label) == 0, "year 2024");
    CHECK_EQ_STR (testkit_iso (from), "2023-12-15T00:00:00+07:00", "year 2024 starts on 15/12/2023");
    CHECK_EQ_STR (testkit_iso (to), "2024-12-15T00:00:00+07:00", "year 2024 ends after 14/12/2024");
    CHECK_EQ_STR (label, "Năm 2024", "year label in Vietnamese");
    //  The edges in +07:00: 14th 23:59:59 is inside, 15th 00:00 is the next period.
    int64_t last = vn_instant (2024, 12, 14, 23 * 60 + 59) + 59 * 1000;
    int64_t next = vn_instant (2024, 12, 15, 0);
    CHECK (last >= from && last < to, "14/12 23:59:59 +07:00 is in year 2024");
    CHECK (!(next >= from && next < to), "15/12 00:00 +07:00 is not in year 2024");
    int64_t from25, to25;
    period_window (PERIOD_YEAR, 2025, 0, false, &from25, &to25, NULL, 0);
    CHECK (next >= from25 && next < to25 && from25 == to, "15/12/2024 00:00 opens year 2025");
    //  In UTC the edge is 17:00 on the 14th.
    CHECK_EQ_INT (to, vn_days_from_civil (2024, 12, 14) * MS_PER_DAY + 17 * 3600 * 1000LL,
                  "the year's end is 14/12 17:00 UTC");

    period_window (PERIOD_QUARTER, 2024, 1, false, &from, &to, label, sizeof label);
    CHECK_EQ_STR (testkit_iso (from), "2023-12-15T00:00:00+07:00", "Q1 starts 15/12 of the year before");
    CHECK_EQ_STR (testkit_iso (to), "2024-03-15T00:00:00+07:00", "Q1 ends after 14/3");
    CHECK_EQ_STR (label, "Quý I năm 2024", "quarter label");
    period_window (PERIOD_QUARTER, 2024, 4, false, &from, &to, NULL, 0);
    CHECK_EQ_STR (testkit_iso (from), "2024-09-15T00:00:00+07:00", "Q4 starts 15/9");
    period_window (PERIOD_MONTH, 2024, 1, false, &from, &to, label, sizeof label);
    CHECK_EQ_STR (testkit_iso (from), "2023-12-15T00:00:00+07:00", "January starts 15/12");
    CHECK_EQ_STR (testkit_iso (to), "2024-01-15T00:00:00+07:00", "January ends after 14/1");
    CHECK_EQ_STR (label, "Tháng 1 năm 2024", "month label");
    period_window (PERIOD_HALF_YEAR, 2024, 0, false, &from, &to, label, sizeof label);
    CHECK_EQ_STR (testkit_iso (to), "2024-06-15T00:00:00+07:00", "6 months end after 14/6");
    CHECK_EQ_STR (label, "6 tháng đầu năm 2024", "6-month label");
    period_window (PERIOD_NINE_MONTHS, 2024, 0, false, &from, &to, label, sizeof label);
    CHECK_EQ_STR (testkit_iso (from), "2023-12-15T00:00:00+07:00", "9 months start 15/12");
    CHECK_EQ_STR (testkit_iso (to), "2024-09-15T00:00:00+07:00", "9 months end after 14/9");
    period_window (PERIOD_YEAR, 2024, 0, true, &from, &to, label, sizeof label);
    CHECK_EQ_STR (testkit_iso (from), "2024-01-01T00:00:00+07:00", "calendar year starts 1/1");
    CHECK_EQ_STR (testkit_iso (to), "2025-01-01T00:00:00+07:00", "calendar year ends after 31/12");
    CHECK_EQ_STR (label, "Năm 2024 (theo tháng dương lịch)", "calendar label");
    period_window (PERIOD_MONTH, 2024, 12, true, &from, &to, NULL, 0);
    CHECK_EQ_STR (testkit_iso (to), "2025-01-01T00:00:00+07:00", "calendar December ends with the year");
    CHECK (period_window (PERIOD_MONTH, 2024, 13, false, &from, &to, NULL, 0) == -1, "month 13 refused");
    CHECK (period_window (PERIOD_QUARTER, 2024, 0, false, &from, &to, NULL, 0) == -1, "quarter 0 refused");
    CHECK (period_window (PERIOD_NONE, 2024, 1, false, &from, &to, NULL, 0) == -1, "no kind refused");

    period_kind_t kind; int year, number;
    CHECK (period_parse ("quarter:2024-3", &kind, &year, &number) == 0 && kind == PERIOD_QUARTER
           && year == 2024 && number == 3, "parse quarter:2024-3");
    CHECK (period_parse ("month:2025-07", &kind, &year, &number) == 0 && kind == PERIOD_MONTH
           && number == 7, "parse month:2025-07");
    CHECK (period_parse ("year:2023", &kind, &year, &number) == 0 && kind == PERIOD_YEAR, "parse year");
    CHECK (period_parse ("half:2023", &kind, &year, &number) == 0 && kind == PERIOD_HALF_YEAR, "parse half");
    CHECK (period_parse ("nine:2023", &kind, &year, &number) == 0 && kind == PERIOD_NINE_MONTHS, "parse nine");
    CHECK (period_parse ("quarter:2024-5", &kind, &year, &number) == -1, "quarter 5 refused");
    CHECK (period_parse ("year:2024x", &kind, &year, &number) == -1, "trailing junk refused");
    CHECK (period_parse ("week:2024", &kind, &year, &number) == -1, "unknown kind refused");

    int64_t starts [16], ends [16];
    char labels [16][12];
    period_window (PERIOD_YEAR, 2024, 0, false, &from, &to, NULL, 0);
    size_t n = period_months (from, to, false, starts, ends, labels, 16);
    CHECK_EQ_INT (n, 12, "a report year has 12 report months");
    CHECK_EQ_STR (labels [0], "01/2024", "first report month is January");
    CHECK_EQ_STR (testkit_iso (starts [0]), "2023-12-15T00:00:00+07:00", "January from 15/12");
    CHECK (ends [11] == to && starts [11] == vn_instant (2024, 11, 15, 0), "December 15/11 → 14/12");
    n = period_months (vn_instant (2024, 1, 1, 0), vn_instant (2024, 4, 1, 0), true, starts, ends, labels, 16);
    CHECK_EQ_INT (n, 3, "a calendar quarter has 3 months");
    CHECK_EQ_STR (labels [2], "03/2024", "third month is March");
}

//  Prefix sums of deltas before a local midnight, the way the store adds them.
static void
s_prefix (rollup_delta_t *deltas, size_t n, int64_t before, rollup_sums_t *sums)
{
    for (size_t i = 0; i < n; i++)
        if (rollup_day_bucket (deltas [i].at) < rollup_day_bucket (before))
            sums->v [deltas [i].metric] += deltas [i].delta;
}

static void
test_rollup (void)
{
    //  Buckets against local midnights.
    int64_t midnight = vn_instant (2024, 12, 15, 0);
    CHECK (rollup_day_bucket (midnight - 1) < rollup_day_bucket (midnight), "23:59:59.999 is the day before");
    CHECK_EQ_INT (rollup_day_start (rollup_day_bucket (midnight + 5)), midnight, "day bucket starts at local midnight");
    CHECK_EQ_INT (rollup_month_bucket (midnight), 2024 * 12 + 11, "December 2024 bucket");
    CHECK_EQ_INT (rollup_month_bucket (vn_instant (2024, 12, 1, 0) - 1), 2024 * 12 + 10, "30/11 23:59 is November");
    CHECK_EQ_INT (rollup_month_first_day (2024 * 12 + 11), vn_days_from_civil (2024, 12, 1), "first day of a month bucket");

    //  Resolved on the due day vs the day before.
    int64_t due = vn_instant (2024, 3, 12, 17 * 60);
    rollup_fact_t f = { .base = { vn_instant (2024, 3, 1, 9 * 60), due, vn_instant (2024, 3, 12, 8 * 60), 1, 0, 0 } };
    rollup_delta_t d [ROLLUP_MAX_DELTAS];
    size_t n = rollup_deltas (&f, d);
    bool on_time = false, early = false;
    for (size_t i = 0; i < n; i++)
        on_time |= d [i].metric == RM_RES_ON_TIME;
    CHECK (on_time, "resolved on the due day: on time");
    f.base.resolved_at = vn_instant (2024, 3, 11, 16 * 60);
    n = rollup_deltas (&f, d);
    for (size_t i = 0; i < n; i++)
        early |= d [i].metric == RM_RES_EARLY;
    CHECK (early, "resolved the day before: early");
    f.base.received_at = 0;
    CHECK_EQ_INT (rollup_deltas (&f, d), 0, "no receipt yet: no deltas");

    //  Property: random histories, random whole-day windows; rollup == report06a.
    enum { FACTS = 400, WINDOWS = 300 };
    rollup_fact_t *facts = calloc (FACTS, sizeof *facts);
    rollup_delta_t *all = calloc (FACTS * ROLLUP_MAX_DELTAS, sizeof *all);
    size_t total = 0;
    unsigned seed = 20241215;
    int64_t base = vn_instant (2023, 1, 1, 0);
    for (int i = 0; i < FACTS; i++) {
        report_fact_t *b = &facts [i].base;
        b->received_at = base + (int64_t) (rand_r (&seed) % (700 * 24)) * 3600 * 1000 + rand_r (&seed) % 3600000;
        b->due_at = b->received_at + (int64_t) (1 + rand_r (&seed) % 40) * MS_PER_DAY / 2;
        b->channel = 1 + rand_r (&seed) % 3;
        if (rand_r (&seed) % 3 == 0) {              //  a supplement, maybe handed in
            b->paused_at = b->received_at + (int64_t) (rand_r (&seed) % 30) * MS_PER_DAY / 2;
            if (rand_r (&seed) % 2)
                b->resumed_at = b->paused_at + (int64_t) (1 + rand_r (&seed) % 20) * MS_PER_DAY / 2;
        }
        if (rand_r (&seed) % 5)                     //  most are resolved, some on the due day
            b->resolved_at = rand_r (&seed) % 4 == 0 ? vn_day_start (b->due_at) + 8 * 3600 * 1000
                           : b->received_at + (int64_t) (rand_r (&seed) % 60) * MS_PER_DAY / 2 + 1;
        if (b->paused_at && b->resolved_at && b->resolved_at < b->paused_at)
            b->paused_at = 0, b->resumed_at = 0;
        facts [i].online_capable = rand_r (&seed) % 2;
        total += rollup_deltas (&facts [i], all + total);
    }
    int agree = 0, consistent = 0;
    for (int w = 0; w < WINDOWS; w++) {
        int64_t from = vn_day_start (base + (int64_t) (rand_r (&seed) % 760) * MS_PER_DAY);
        int64_t to = from + (int64_t) (1 + rand_r (&seed) % 400) * MS_PER_DAY;
        report06a_t expect, got;
        report06a_init (&expect, from, to);
        for (int i = 0; i < FACTS; i++)
            report06a_add (&expect, &facts [i].base);
        rollup_sums_t sf = { { 0 } }, st = { { 0 } };
        s_prefix (all, total, from, &sf);
        s_prefix (all, total, to, &st);
        report06a_init (&got, from, to);
        rollup_report (&sf, &st, &got);
        agree += memcmp (&expect, &got, sizeof got) == 0;
        consistent += report06a_consistent (&got);
    }
    CHECK_EQ_INT (agree, WINDOWS, "rollup sums equal report06a over random histories and windows");
    CHECK_EQ_INT (consistent, WINDOWS, "rollup answers keep the identities");
    //  Year N's in progress is year N+1's carried over.
    int64_t a, b, c, e;
    period_window (PERIOD_YEAR, 2023, 0, false, &a, &b, NULL, 0);
    period_window (PERIOD_YEAR, 2024, 0, false, &c, &e, NULL, 0);
    report06a_t y1, y2;
    report06a_init (&y1, a, b);
    report06a_init (&y2, c, e);
    for (int i = 0; i < FACTS; i++) {
        report06a_add (&y1, &facts [i].base);
        report06a_add (&y2, &facts [i].base);
    }
    CHECK (y1.in_progress_total > 0 && y1.in_progress_total == y2.carried_over,
           "year N's in progress equals year N+1's carried over");
    free (facts);
    free (all);
}

static void
test_form06a (void)
{
    //  The seed report's rows (research: seed/, DESIGN §6).
    form06a_filed_t y2021 = { { 599, 73, 508, 21, 532, 0, 532, 0, 67, 67, 0 } };
    form06a_filed_t y2022 = { { 1170, 369, 801, 0, 976, 0, 976, 0, 194, 194, 0 } };
    form06a_filed_t y2023 = { { 2363, 1146, 1123, 194, 2198, 0, 2198, 0, 165, 165, 0 } };
    char why [512];
    CHECK_EQ_INT (form06a_check (&y2021, why, sizeof why), 1, "check: the seed's 2021 row breaks one identity");
    CHECK (strcmp (why, "tổng số nhận 599 ≠ trực tuyến 73 + trực tiếp, bưu chính 508 + từ kỳ trước 21 (= 602)") == 0,
           "check: 2021 named in Vietnamese with the numbers");
    CHECK_EQ_INT (form06a_check (&y2022, why, sizeof why), 0, "check: the seed's 2022 row holds on its own");
    CHECK_EQ_INT (form06a_check (&y2023, why, sizeof why), 1, "check: the seed's 2023 row breaks one identity");
    CHECK (strstr (why, "(= 2463)") != NULL, "check: 2023 adds up to 2,463, not 2,363");
    CHECK (form06a_check_link (&y2021, &y2022, why, sizeof why) == -1, "check: 2022 carried over 0 of 2021's 67");
    CHECK (form06a_check_link (&y2022, &y2023, why, sizeof why) == 0, "check: 2023 carried over 2022's 194");
    form06a_filed_t broken = { { 10, 2, 3, 5, 6, 1, 1, 1, 4, 2, 1 } };
    CHECK_EQ_INT (form06a_check (&broken, why, sizeof why), 2, "check: resolved and in progress splits both named");
    report06a_t r;
    report06a_init (&r, 0, 1);
    r.received_total = 7; r.received_direct = 2; r.received_postal = 3; r.received_online = 1; r.carried_over = 1;
    bool ok;
    CHECK (form06a_get (&r, "received_postal", &ok) == 3 && ok, "columns: received_postal by name");
    CHECK (form06a_get (&r, "nope", &ok) == -1 && !ok, "columns: an unknown column is refused");
    form06a_filed_t filed;
    form06a_filed_from (&r, &filed);
    CHECK_EQ_INT (filed.v [2], 5, "columns: the form prints direct and postal together");
    CHECK_EQ_STR (form06a_headings [4], "Trực tiếp, dịch vụ bưu chính", "headings: column 5 in Vietnamese");
    CHECK_EQ_STR (form06a_groups [10], "Số hồ sơ đang giải quyết", "headings: column 11's group");
    CHECK (form06a_check_rate (224, 267, 82.4, why, sizeof why) == -1
           && strcmp (why, "tỷ lệ 224/267 = 83,9%, không phải 82,4%") == 0,
           "rates: the seed's 224/267 stated as 82.4% is 83.9%");
    CHECK (form06a_check_rate (365, 538, 67.84, why, sizeof why) == 0, "rates: the seed's 365/538 = 67.84% holds");
    CHECK (form06a_check_rate (1, 0, 0, why, sizeof why) == -1, "rates: a zero denominator is refused");
}

static void
test_satisfaction (void)
{
    int p [9];
    bool met [3];
    satisfaction_facts_t early_online = { TIMELINESS_EARLY, 0, 2, false };
    satisfaction_points_2018 (&early_online, p);
    CHECK (p [0] == 2 && p [1] == 2 && p [2] == 2 && p [3] == 2 && p [6] == 2, "2018: early, online, no supplement: 2 points");
    CHECK (p [4] == -1 && p [5] == -1 && p [7] == -1 && p [8] == -1, "2018: indicators 5, 6, 8, 9 not assessed per dossier");
    satisfaction_facts_t late_direct = { TIMELINESS_LATE, 1, 1, true };
    satisfaction_points_2018 (&late_direct, p);
    CHECK (p [0] == 0 && p [2] == 1 && p [3] == 1 && p [6] == 0, "2018: late, one supplement, at the counter, a complaint");
    satisfaction_facts_t on_time = { TIMELINESS_ON_TIME, 2, 3, false };
    satisfaction_points_2018 (&on_time, p);
    CHECK (p [0] == 1 && p [2] == 0 && p [3] == 2 && p [6] == 1, "2018: on time, two supplements, by post");
    satisfaction_items_2025 (&late_direct, met);
    CHECK (!met [0] && met [1] && !met [2], "2025: late and a supplement: items 1 and 3 not met");
}

int
main (void)
{
    test_period ();
    test_rollup ();
    test_form06a ();
    test_satisfaction ();
    return testkit_finish ();
}
