/*  test_postal_unit — the pure logic of public-postal (BCCI) carriage: the
    J+n deadlines of TT 17/2017 art. 7 on the working calendar (a weekend,
    Tết 2026 as the government declared it), and the two invitations two
    working days apart before a result goes back to the agency.             */
#include <stdio.h>
#include <string.h>
#include "calendar.h"
#include "postal_deadline.h"
#include "testkit.h"
#include "vntime.h"
#include "worktime.h"

static void
test_routes (void)
{
    postal_route_t route = 0;
    CHECK (postal_route_parse ("province", &route) == 0 && route == POSTAL_ROUTE_PROVINCE,
           "route: 'province' parses");
    CHECK (postal_route_parse ("galaxy", &route) == -1, "route: an unknown route is refused");
    CHECK (postal_route_parse (NULL, &route) == -1, "route: no route is refused");
    int want [4][2] = { { 1, 2 }, { 2, 4 }, { 3, 6 }, { 4, 8 } };
    bool table = true;
    for (int r = POSTAL_ROUTE_DISTRICT; r <= POSTAL_ROUTE_INTER_PROVINCE; r++)
        table = table && postal_days (r, false) == want [r - 1][0] && postal_days (r, true) == want [r - 1][1];
    CHECK (table, "route: n of J+n follows the table of TT 17/2017 art. 7");
    CHECK_EQ_STR (postal_route_name (POSTAL_ROUTE_MAJOR_CITIES), "major_cities", "route: name");
    CHECK_EQ_STR (postal_route_label (POSTAL_ROUTE_DISTRICT), "nội huyện", "route: Vietnamese label");
}

static void
test_weekend (void)
{
    worktime_rules_t r;
    worktime_rules_default (&r);
    int64_t thu = vn_instant (2026, 12, 3, HM (10, 0)), fri = vn_instant (2026, 12, 4, HM (16, 30));
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, thu, POSTAL_ROUTE_DISTRICT, false)),
                  "2026-12-05T00:00:00+07:00", "weekend: J=Thu, J+1 is Fri (deadline ends Fri)");
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, fri, POSTAL_ROUTE_DISTRICT, false)),
                  "2026-12-08T00:00:00+07:00", "weekend: J=Fri, J+1 skips Sat and Sun → Mon");
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, thu, POSTAL_ROUTE_PROVINCE, false)),
                  "2026-12-08T00:00:00+07:00", "weekend: J=Thu, J+2 → Mon");
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, fri, POSTAL_ROUTE_INTER_PROVINCE, true)),
                  "2026-12-17T00:00:00+07:00", "weekend: J=Fri, J+8 (with appointment) → Wed of the week after next");
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, vn_instant (2026, 12, 5, HM (9, 0)), POSTAL_ROUTE_DISTRICT, false)),
                  "2026-12-08T00:00:00+07:00", "weekend: accepted on Sat, J+1 is Mon");
    int64_t inv [2] = { fri, vn_instant (2026, 12, 7, HM (9, 0)) };
    char why [200];
    CHECK (postal_may_return (&r, inv, 2, why, sizeof why) == -1 && strstr (why, "hai ngày làm việc"),
           "invitations: Fri then Mon is one working day apart — not yet");
    inv [1] = vn_instant (2026, 12, 8, HM (9, 0));
    CHECK (postal_may_return (&r, inv, 2, why, sizeof why) == 0,
           "invitations: Fri then Tue is two working days apart — back to the agency");
    CHECK (postal_may_return (&r, inv, 1, why, sizeof why) == -1 && strstr (why, "ít nhất hai"),
           "invitations: one is not enough");
}

static void
test_tet (void)
{
    calendar_t *calendar = calendar_new ();
    char error [128];
    const char *declared = "2026-02-16 tet\n2026-02-17 tet\n2026-02-18 tet\n2026-02-19 tet\n2026-02-20 tet\n";
    CHECK (calendar_parse (calendar, declared, error, sizeof error) == 0, "tết: the 2026 notice reads");
    worktime_rules_t r;
    worktime_rules_default (&r);
    r.is_working_day = calendar_is_working_day;
    r.calendar = calendar;
    int64_t fri = vn_instant (2026, 2, 13, HM (15, 0)), thu = vn_instant (2026, 2, 12, HM (9, 0));
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, fri, POSTAL_ROUTE_DISTRICT, false)),
                  "2026-02-24T00:00:00+07:00", "tết: J=Fri 13/2, J+1 skips Tết (16–20/2) and two weekends → Mon 23/2");
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, fri, POSTAL_ROUTE_PROVINCE, false)),
                  "2026-02-25T00:00:00+07:00", "tết: J=Fri 13/2, J+2 → Tue 24/2");
    CHECK_EQ_STR (testkit_iso (postal_deadline (&r, thu, POSTAL_ROUTE_INTER_PROVINCE, false)),
                  "2026-02-26T00:00:00+07:00", "tết: J=Thu 12/2, J+4 → Fri 13, Mon 23, Tue 24, Wed 25");
    int64_t inv [2] = { fri, vn_instant (2026, 2, 23, HM (8, 0)) };
    char why [200];
    CHECK (postal_may_return (&r, inv, 2, why, sizeof why) == -1,
           "tết: invitations Fri 13/2 and Mon 23/2 are one working day apart");
    inv [1] = vn_instant (2026, 2, 24, HM (8, 0));
    CHECK (postal_may_return (&r, inv, 2, why, sizeof why) == 0,
           "tết: Fri 13/2 and Tue 24/2 are two working days apart");
    calendar_destroy (&calendar);
}

static void
test_moves (void)
{
    const char *from;
    CHECK (postal_move_allowed ("handed_over", "in_transit", &from) == 0, "moves: handed over → in transit");
    CHECK (postal_move_allowed ("in_transit", "failed_attempt", &from) == 0
        && postal_move_allowed ("failed_attempt", "in_transit", &from) == 0,
           "moves: in transit ⇄ failed attempt");
    CHECK (postal_move_allowed ("failed_attempt", "returned", &from) == 0, "moves: failed attempt → returned");
    CHECK (postal_move_allowed ("in_transit", "returned", &from) == -1 && strcmp (from, "failed_attempt") == 0,
           "moves: never returned without a failed attempt");
    CHECK (postal_move_allowed ("delivered", "failed_attempt", &from) == -1, "moves: delivered is final");
    CHECK (postal_move_allowed ("returned", "delivered", &from) == -1, "moves: returned is final");
    CHECK (postal_move_allowed ("created", "in_transit", &from) == -1, "moves: not in transit before the post has it");
    CHECK (postal_move_allowed ("created", "delivered", &from) == 0, "moves: taken at the agency and delivered at once");
    CHECK (postal_move_allowed ("over", "delivered", &from) == -1, "moves: a state's prefix is not the state");
    CHECK (postal_move_allowed ("created", "lost", &from) == -2, "moves: an unknown target state");
    CHECK_EQ_STR (postal_state_label ("failed_attempt"), "Phát không thành công, đã để giấy mời",
                  "moves: Vietnamese state names");
}

int
main (void)
{
    test_routes ();
    test_moves ();
    test_weekend ();
    test_tet ();
    return testkit_finish ();
}
