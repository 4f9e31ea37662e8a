/*  postal_deadline — the time limits of public-postal (BCCI) carriage,
    Circular 17/2017/TT-BTTTT art. 7 (research/domain.md §3): a dossier sent
    or a result returned must arrive by J + n working days, J being the day
    the post accepted it (written on the Phiếu gửi), n by route:

        route              send / return   with the appointment slip
        district                J+1              J+2
        province                J+2              J+4
        major_cities            J+3              J+6
        inter_province          J+4              J+8

    "district": within one district (or commune area) of the province;
    "province": between districts of one province; "major_cities": between
    provinces, both special or class-I cities; "inter_province": any other
    pair of provinces. And TT 17 art. 5.2.h: a result not delivered goes back
    to the agency only after at least two invitations, two working days
    apart. Working days are the working calendar's (worktime rules). Pure. */
#ifndef POSTAL_DEADLINE_H
#define POSTAL_DEADLINE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "worktime.h"

typedef enum {
    POSTAL_ROUTE_DISTRICT = 1,
    POSTAL_ROUTE_PROVINCE,
    POSTAL_ROUTE_MAJOR_CITIES,
    POSTAL_ROUTE_INTER_PROVINCE
} postal_route_t;

//  "district", "province", "major_cities", "inter_province". 0 or -1.
int          postal_route_parse (const char *text, postal_route_t *route);
const char  *postal_route_name (postal_route_t route);
//  How an official reads it: "nội huyện", "liên huyện", …
const char  *postal_route_label (postal_route_t route);

//  n of J+n (0 for an unknown route).
int          postal_days (postal_route_t route, bool with_appointment);

//  The local midnight that starts the day after the n-th working day after
//  J (the local day of accepted_at): delivered before it is on time.
int64_t      postal_deadline (const worktime_rules_t *rules, int64_t accepted_at,
                              postal_route_t route, bool with_appointment);

//  The local midnight of the n-th working day after the local day of at.
int64_t      postal_working_days_after (const worktime_rules_t *rules, int64_t at, int n);

//  May an undelivered result go back to the agency? Needs at least two
//  invitations (instants, in order), the second at least two working days
//  after the first. 0 if yes, else -1 with why (Vietnamese) in reason.
int          postal_may_return (const worktime_rules_t *rules, const int64_t *invitations,
                                size_t count, char *reason, size_t reason_size);

//  May a shipment in state `from` move to `to`? The moves: created →
//  delivered (taken and delivered at once) or, through a return record,
//  handed_over → in_transit ⇄ failed_attempt → delivered | returned.
//  0 if allowed; -1 if not (*from_states then lists the states it may come
//  from); -2 if `to` is no state one moves to.
int          postal_move_allowed (const char *from, const char *to, const char **from_states);

//  A shipment's state as officials read it: created "Chờ chuyển phát",
//  handed_over, in_transit, failed_attempt, delivered, returned.
const char  *postal_state_label (const char *state);

#endif
