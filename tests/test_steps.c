/*  test_steps — the pure rules of issue 3's second part: each step's due
    time and result, the result's hash and kind, the 2025 duties of intake
    (online answer, routing to the competent body) and the levels of each
    rule set.                                                               */
#include <stdio.h>
#include <string.h>
#include "testkit.h"
#include "process_step.h"
#include "html.h"
#include "vntime.h"

static void
test_step_due (void)
{
    worktime_rules_t rules;
    worktime_rules_default (&rules);
    //  Monday 30/11/2026 08:00, a 4-hour step: 08:00-11:30 is 3.5 h, then
    //  30 min from 13:30 → 14:00.
    int64_t monday = vn_instant (2026, 11, 30, HM (8, 0));
    CHECK_EQ_STR (testkit_iso (process_step_due (&rules, LIMIT_WORKING_DAYS, monday, 4)),
                  "2026-11-30T14:00:00+07:00", "step: a 4-hour quota spans the lunch break");
    CHECK_EQ_STR (testkit_iso (process_step_due (&rules, LIMIT_WORKING_DAYS, monday, 36)),
                  "2026-12-04T14:00:00+07:00", "step: a 36-hour quota (7 h Monday, 3 days, 5 h Friday)");
    //  Handed over Friday 16:30: 4 hours run into Monday.
    int64_t friday = vn_instant (2026, 12, 4, HM (16, 30));
    CHECK_EQ_STR (testkit_iso (process_step_due (&rules, LIMIT_WORKING_HOURS, friday, 4)),
                  "2026-12-07T10:30:00+07:00", "step: a quota started Friday evening runs on Monday");
    //  Handed over at 19:00: the step starts at the next working morning.
    int64_t evening = vn_instant (2026, 11, 30, HM (19, 0));
    CHECK_EQ_STR (testkit_iso (process_step_due (&rules, LIMIT_WORKING_DAYS, evening, 8)),
                  "2026-12-01T17:00:00+07:00", "step: after hours it starts the next morning");
    //  A limit in calendar days: quotas are calendar hours.
    CHECK_EQ_STR (testkit_iso (process_step_due (&rules, LIMIT_CALENDAR_DAYS, friday, 48)),
                  "2026-12-06T16:30:00+07:00", "step: calendar hours run over the weekend");
    int64_t due = vn_instant (2026, 12, 2, HM (10, 0));
    CHECK_EQ_STR (timeliness_name (process_step_result (due, vn_instant (2026, 12, 1, HM (16, 0)))), "early",
                  "step: handed on the day before its due time: early");
    CHECK_EQ_STR (timeliness_name (process_step_result (due, vn_instant (2026, 12, 2, HM (9, 0)))), "on_time",
                  "step: handed on the due day before the due time: on time");
    CHECK_EQ_STR (timeliness_name (process_step_result (due, due + 60000)), "late",
                  "step: a minute after its due time: late");
    //  The dossier's due moved from Thu 3/12 09:00 to Mon 7/12 09:00 (two
    //  working days paused): a step due Wed 2/12 10:00 moves to Fri 4/12 10:00.
    int64_t old_due = vn_instant (2026, 12, 3, HM (9, 0)), new_due = vn_instant (2026, 12, 7, HM (9, 0));
    CHECK_EQ_STR (testkit_iso (process_step_shift (&rules, LIMIT_WORKING_DAYS, due, old_due, new_due)),
                  "2026-12-04T10:00:00+07:00", "step: a pause moves the step in hand by the working time paused");
    CHECK_EQ_STR (testkit_iso (process_step_shift (&rules, LIMIT_CALENDAR_DAYS, due, old_due, new_due)),
                  "2026-12-06T10:00:00+07:00", "step: under calendar days it moves by calendar time");
    CHECK_EQ_INT (process_step_shift (&rules, LIMIT_WORKING_DAYS, due, new_due, old_due), due,
                  "step: a due time moved earlier leaves the step alone");
    CHECK_EQ_STR (process_step_result_vi ("late"), "Quá hạn", "step: the sheet says Quá hạn");
    CHECK_EQ_STR (process_step_result_vi ("early"), "Trước hạn", "step: the sheet says Trước hạn");
}

static void
test_result (void)
{
    char out [SHA256_HEX_LEN + 1];
    const char *empty = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
    CHECK (result_sha256_normalise (empty, out) == 0
        && strcmp (out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0,
           "result: a SHA-256 in capitals is kept in lowercase");
    CHECK (result_sha256_normalise ("e3b0c442", out) == -1, "result: a short hash is refused");
    CHECK (result_sha256_normalise ("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", out) == -1,
           "result: a non-hex digit is refused");
    CHECK (result_sha256_normalise (NULL, out) == -1, "result: no hash is refused");
    CHECK (result_kind_check ("medal") == 0 && result_kind_check ("document") == 0
        && result_kind_check ("trophy") == -1, "result: kinds are document, certificate, banner, medal");
    CHECK (result_kind_physical ("banner") && !result_kind_physical ("document") && !result_kind_physical ("x"),
           "result: a banner is a physical item, a document is not");
    CHECK (strstr (result_kind_vi ("banner"), "Cờ") != NULL, "result: the banner is a Cờ thi đua");
    char item [64] = "untouched", why [400];
    CHECK (result_item_default ("certificate", item, sizeof item) == 0
           && strcmp (item, "certificate:chưa ghi kích thước") == 0,
           "result by post: a certificate flags its item, size not yet written");
    CHECK (result_item_default ("medal", item, sizeof item) == 0 && strncmp (item, "medal:", 6) == 0,
           "result by post: a medal flags its item");
    strcpy (item, "untouched");
    CHECK (result_item_default ("document", item, sizeof item) == -1 && strcmp (item, "untouched") == 0,
           "result by post: a digitised document is no item");
    CHECK (result_item_default (NULL, item, sizeof item) == -1, "result by post: no kind, no item");
    CHECK_EQ_STR (result_missing_text (why, 60, "H27.22-261129-0001", "resolved", "2025"),
                  "dossier H27.22-261129-0001 is resolved (rules of 2025) but ",
                  "result: the refusal names the dossier, its state and rules (cut to the buffer)");
    CHECK (strstr (result_missing_text (why, sizeof why, "X", "resolved", ""), "(rules of ?) but its result is not attached")
           != NULL, "result: rules unknown are shown as ?");
}

static void
test_intake_duties (void)
{
    worktime_rules_t rules;
    worktime_rules_default (&rules);
    int64_t filed = vn_instant (2026, 12, 4, HM (15, 0));           //  Friday 15:00
    CHECK_EQ_STR (testkit_iso (intake_online_answer_by (RULES_2025, &rules, true, filed)),
                  "2026-12-07T15:00:00+07:00", "online 2025: answered within 8 working hours");
    CHECK_EQ_INT (intake_online_answer_by (RULES_2018, &rules, true, filed), 0, "online 2018: no such duty");
    CHECK_EQ_INT (intake_online_answer_by (RULES_2025, &rules, false, filed), 0, "online 2025: paper has none");
    int64_t morning = vn_instant (2026, 12, 1, HM (10, 0));
    int64_t late = vn_instant (2026, 12, 1, HM (15, 30));
    CHECK_EQ_STR (testkit_iso (intake_route_by (RULES_2025, &rules, "H27.XA", "H27.22", morning)),
                  "2026-12-02T10:00:00+07:00", "route 2025: sent on within one working day");
    CHECK_EQ_STR (testkit_iso (intake_route_by (RULES_2025, &rules, "H27.XA", "H27.22", late)),
                  "2026-12-02T17:00:00+07:00", "route 2025: after 15:00 the day counts from the next morning");
    int64_t friday_late = vn_instant (2026, 12, 4, HM (15, 1));
    CHECK_EQ_STR (testkit_iso (intake_route_by (RULES_2025, &rules, "H27.XA", "H27.22", friday_late)),
                  "2026-12-07T17:00:00+07:00", "route 2025: Friday after 15:00 goes by Monday's close");
    CHECK_EQ_INT (intake_route_by (RULES_2025, &rules, "H27.22", "H27.22", morning), 0,
                  "route: the competent body itself routes nothing");
    CHECK_EQ_INT (intake_route_by (RULES_2025, &rules, "", "H27.22", morning), 0,
                  "route: no receiving centre named routes nothing");
    CHECK_EQ_INT (intake_route_by (RULES_2018, &rules, "H27.XA", "H27.22", morning), 0,
                  "route 2018: no boundary-free limit");
}

static void
test_levels (void)
{
    CHECK_EQ_STR (levels_of_rules (RULES_2025), "tỉnh, xã", "levels 2025: province and commune");
    CHECK_EQ_STR (levels_of_rules (RULES_2018), "tỉnh, huyện, xã", "levels 2018: province, district, commune");
    CHECK (level_in_rules (RULES_2018, "district") && !level_in_rules (RULES_2025, "district"),
           "levels: the district exists under 2018 only");
    CHECK (level_in_rules (RULES_2025, "commune") && level_in_rules (RULES_2025, "province")
        && !level_in_rules (RULES_2025, "ward"), "levels: 2025 knows province and commune");
    CHECK_EQ_STR (level_vi ("commune"), "xã", "levels: commune is xã");
    CHECK_EQ_STR (level_vi ("district"), "huyện", "levels: district is huyện");
}

static void
test_html (void)
{
    char buf [128];
    CHECK_EQ_STR (html_escape_to (buf, sizeof buf, "Nguyễn <b>\"An\"</b> & 'Bình'"),
                  "Nguyễn &lt;b&gt;&quot;An&quot;&lt;/b&gt; &amp; &#39;Bình&#39;",
                  "html: a name cannot add markup to a form");
    CHECK_EQ_STR (html_escape_to (buf, 8, "a&b&c"), "a&amp;b", "html: truncation never splits an entity");
    CHECK_EQ_STR (html_escape_to (buf, sizeof buf, NULL), "", "html: no text is empty");
    CHECK_EQ_STR (html_escape_to (buf, 3, "Tĩnh"), "T", "html: truncation never splits a UTF-8 character");
}

int
main (void)
{
    test_html ();
    test_step_due ();
    test_result ();
    test_intake_duties ();
    test_levels ();
    return testkit_finish ();
}
