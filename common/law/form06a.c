/*  form06a — the II.06a form's columns and checks. See form06a.h.          */
#include <stdio.h>
#include <string.h>
#include "form06a.h"

const char *form06a_count_names [FORM06A_COUNTS] = {
    "received_total", "received_online", "received_direct", "received_postal", "carried_over",
    "resolved_total", "resolved_early", "resolved_on_time", "resolved_late",
    "in_progress_total", "in_progress_within", "in_progress_overdue",
};

int64_t
form06a_get (const report06a_t *r, const char *name, bool *ok)
{
    const int64_t values [FORM06A_COUNTS] = {
        r->received_total, r->received_online, r->received_direct, r->received_postal, r->carried_over,
        r->resolved_total, r->resolved_early, r->resolved_on_time, r->resolved_late,
        r->in_progress_total, r->in_progress_within, r->in_progress_overdue,
    };
    for (int i = 0; i < FORM06A_COUNTS; i++)
        if (name && strcmp (name, form06a_count_names [i]) == 0) {
            *ok = true;
            return values [i];
        }
    *ok = false;
    return -1;
}

const char *form06a_headings [13] = {
    "STT", "Lĩnh vực, công việc giải quyết theo cấp",
    "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước",
    "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
    "Tổng số", "Trong hạn", "Quá hạn",
};

const char *form06a_groups [13] = {
    "", "",
    "Số hồ sơ nhận giải quyết", "Số hồ sơ nhận giải quyết", "Số hồ sơ nhận giải quyết",
    "Số hồ sơ nhận giải quyết",
    "Số hồ sơ đã giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đã giải quyết",
    "Số hồ sơ đang giải quyết", "Số hồ sơ đang giải quyết", "Số hồ sơ đang giải quyết",
};

void
form06a_filed_from (const report06a_t *r, form06a_filed_t *out)
{
    const int64_t v [11] = {
        r->received_total, r->received_online, r->received_direct + r->received_postal, r->carried_over,
        r->resolved_total, r->resolved_early, r->resolved_on_time, r->resolved_late,
        r->in_progress_total, r->in_progress_within, r->in_progress_overdue,
    };
    memcpy (out->v, v, sizeof v);
}

static int
s_why (char *why, size_t size, size_t *at, const char *format, long long a, long long b, long long c,
       long long d, long long e)
{
    if (*at < size)
        *at += (size_t) snprintf (why + *at, size - *at, format, a, b, c, d, e);
    return 1;
}

int
form06a_check (const form06a_filed_t *row, char *why, size_t size)
{
    const int64_t *v = row->v;
    size_t at = 0;
    int broken = 0;
    why [0] = 0;
    if (v [0] != v [1] + v [2] + v [3])
        broken += s_why (why, size, &at, "tổng số nhận %lld ≠ trực tuyến %lld + trực tiếp, bưu chính %lld"
                         " + từ kỳ trước %lld (= %lld); ", v [0], v [1], v [2], v [3], v [1] + v [2] + v [3]);
    if (v [0] != v [4] + v [8])
        broken += s_why (why, size, &at, "tổng số nhận %lld ≠ đã giải quyết %lld + đang giải quyết %lld"
                         " (= %lld)%.0lld; ", v [0], v [4], v [8], v [4] + v [8], 0);
    if (v [4] != v [5] + v [6] + v [7])
        broken += s_why (why, size, &at, "đã giải quyết %lld ≠ trước hạn %lld + đúng hạn %lld + quá hạn %lld"
                         " (= %lld); ", v [4], v [5], v [6], v [7], v [5] + v [6] + v [7]);
    if (v [8] != v [9] + v [10])
        broken += s_why (why, size, &at, "đang giải quyết %lld ≠ trong hạn %lld + quá hạn %lld (= %lld)%.0lld; ",
                         v [8], v [9], v [10], v [9] + v [10], 0);
    for (int i = 0; i < 11; i++)
        if (v [i] < 0) {
            broken += s_why (why, size, &at, "cột %lld âm (%lld)%.0lld%.0lld%.0lld; ", i + 3, v [i], 0, 0, 0);
            break;
        }
    if (at >= 2 && at < size)
        why [at - 2] = 0;           //  drop the last "; "
    return broken;
}

int
form06a_check_link (const form06a_filed_t *previous, const form06a_filed_t *next, char *why, size_t size)
{
    if (previous->v [8] == next->v [3])
        return 0;
    snprintf (why, size, "từ kỳ trước chuyển qua %lld ≠ số đang giải quyết cuối kỳ trước %lld",
              (long long) next->v [3], (long long) previous->v [8]);
    return -1;
}

int
form06a_check_rate (int64_t numerator, int64_t denominator, double stated, char *why, size_t size)
{
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
        snprintf (why, size, "tỷ lệ %lld/%lld không hợp lệ", (long long) numerator, (long long) denominator);
        return -1;
    }
    //  Tenths of a percent, rounded half up, in integers.
    long long tenths = (1000LL * numerator * 2 + denominator) / (2 * denominator);
    long long given = (long long) (stated * 10 + (stated >= 0 ? 0.5 : -0.5));
    if (tenths == given)
        return 0;
    snprintf (why, size, "tỷ lệ %lld/%lld = %lld,%lld%%, không phải %lld,%lld%%", (long long) numerator,
              (long long) denominator, tenths / 10, tenths % 10, given / 10, given % 10);
    return -1;
}
