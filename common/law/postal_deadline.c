/*  postal_deadline — BCCI carriage time limits. See postal_deadline.h.     */
#include <stdio.h>
#include <string.h>
#include "postal_deadline.h"
#include "vntime.h"

static const struct {
    postal_route_t route;
    const char *name;
    const char *label;
    int days, days_with_appointment;
} s_routes [] = {
    { POSTAL_ROUTE_DISTRICT,       "district",       "nội huyện",                       1, 2 },
    { POSTAL_ROUTE_PROVINCE,       "province",       "liên huyện trong tỉnh",           2, 4 },
    { POSTAL_ROUTE_MAJOR_CITIES,   "major_cities",   "liên tỉnh (đô thị loại đặc biệt, loại I)", 3, 6 },
    { POSTAL_ROUTE_INTER_PROVINCE, "inter_province", "liên tỉnh",                       4, 8 },
};
#define ROUTE_COUNT (sizeof s_routes / sizeof s_routes [0])

int
postal_route_parse (const char *text, postal_route_t *route)
{
    for (size_t i = 0; text && i < ROUTE_COUNT; i++)
        if (strcmp (text, s_routes [i].name) == 0) {
            *route = s_routes [i].route;
            return 0;
        }
    return -1;
}

const char *
postal_route_name (postal_route_t route)
{
    for (size_t i = 0; i < ROUTE_COUNT; i++)
        if (s_routes [i].route == route)
            return s_routes [i].name;
    return "";
}

const char *
postal_route_label (postal_route_t route)
{
    for (size_t i = 0; i < ROUTE_COUNT; i++)
        if (s_routes [i].route == route)
            return s_routes [i].label;
    return "";
}

int
postal_days (postal_route_t route, bool with_appointment)
{
    for (size_t i = 0; i < ROUTE_COUNT; i++)
        if (s_routes [i].route == route)
            return with_appointment ? s_routes [i].days_with_appointment : s_routes [i].days;
    return 0;
}

int64_t
postal_working_days_after (const worktime_rules_t *rules, int64_t at, int n)
{
    int64_t day = vn_day_start (at);
    //  Noon of each day: clear of any midnight edge.
    for (int counted = 0; counted < n; ) {
        day += MS_PER_DAY;
        if (worktime_is_working_day (rules, day + MS_PER_DAY / 2))
            counted++;
    }
    return day;
}

int64_t
postal_deadline (const worktime_rules_t *rules, int64_t accepted_at, postal_route_t route,
                 bool with_appointment)
{
    int n = postal_days (route, with_appointment);
    return postal_working_days_after (rules, accepted_at, n) + MS_PER_DAY;
}

int
postal_may_return (const worktime_rules_t *rules, const int64_t *invitations, size_t count,
                   char *reason, size_t reason_size)
{
    if (count < 2) {
        snprintf (reason, reason_size, "mới mời nhận %zu lần: cần ít nhất hai giấy mời", count);
        return -1;
    }
    //  The second invitation on or after the second working day after the first.
    for (size_t i = 1; i < count; i++)
        if (vn_day_start (invitations [i]) >= postal_working_days_after (rules, invitations [0], 2))
            return 0;
    char first [40];
    snprintf (reason, reason_size, "các giấy mời phải cách nhau ít nhất hai ngày làm việc"
              " (lần đầu %s)", vn_format_form (invitations [0], first, sizeof first));
    return -1;
}

const char *
postal_state_label (const char *state)
{
    static const char *labels [][2] = {
        { "created",        "Chờ chuyển phát (tại cơ quan)" },
        { "handed_over",    "Đã giao cho bưu chính" },
        { "in_transit",     "Đang vận chuyển" },
        { "failed_attempt", "Phát không thành công, đã để giấy mời" },
        { "delivered",      "Đã phát cho người nhận" },
        { "returned",       "Đã chuyển trả cơ quan giải quyết" },
        { "collected",      "Đã trả tại Bộ phận Một cửa sau khi bưu chính chuyển trả" },
    };
    for (size_t i = 0; state && i < sizeof labels / sizeof labels [0]; i++)
        if (strcmp (labels [i][0], state) == 0)
            return labels [i][1];
    return state ? state : "";
}

int
postal_move_allowed (const char *from, const char *to, const char **from_states)
{
    static const struct { const char *to; const char *from; } moves [] = {
        { "in_transit",     "handed_over,failed_attempt" },
        { "failed_attempt", "handed_over,in_transit,failed_attempt" },
        { "returned",       "failed_attempt" },
        { "delivered",      "created,handed_over,in_transit,failed_attempt" },
    };
    for (size_t i = 0; i < sizeof moves / sizeof moves [0]; i++)
        if (strcmp (moves [i].to, to) == 0) {
            *from_states = moves [i].from;
            size_t length = strlen (from);
            for (const char *at = moves [i].from; length && (at = strstr (at, from)); at += length)
                if ((at == moves [i].from || at [-1] == ',') && (at [length] == ',' || !at [length]))
                    return 0;
            return -1;
        }
    *from_states = "";
    return -2;
}
