/*  legal_clock — due-time rules per rule set. See legal_clock.h.            */
#include <stdio.h>
#include <string.h>
#include "legal_clock.h"
#include "vntime.h"

#define CLOSE_AFTER_DAYS      15
#define SUPPLEMENT_WITHIN_WD  3
#define ONLINE_ANSWER_HOURS   8
#define ROUTE_CUTOFF_MINUTE   (15 * 60)

static void
s_change (clock_change_t *change, int64_t due_at, const char *rule, const char *reason)
{
    change->due_at = due_at;
    snprintf (change->rule, sizeof change->rule, "%s", rule);
    snprintf (change->reason, sizeof change->reason, "%s", reason);
}

void
legal_clock_receive (rules_id_t id, const worktime_rules_t *rules, int64_t clock_start,
                     int limit_value, limit_unit_t unit, clock_change_t *change)
{
    s_change (change, worktime_due (rules, clock_start, limit_value, unit),
              id == RULES_2025 ? "NĐ 118/2025/NĐ-CP Điều 17.3" : "NĐ 61/2018/NĐ-CP Điều 18",
              "Thời hạn giải quyết tính từ khi tiếp nhận hồ sơ đầy đủ, hợp lệ");
}

int64_t
legal_clock_supplement_by (rules_id_t id, const worktime_rules_t *rules, int64_t received_at)
{
    if (id != RULES_2025)
        return 0;
    return worktime_add (rules, received_at, (int64_t) SUPPLEMENT_WITHIN_WD * WORKTIME_MINUTES_PER_DAY);
}

int64_t
legal_clock_close_at (rules_id_t id, int64_t requested_at)
{
    return id == RULES_2025 ? requested_at + CLOSE_AFTER_DAYS * MS_PER_DAY : 0;
}

void
legal_clock_supplement (rules_id_t id, const worktime_rules_t *rules, int64_t due_at,
                        int64_t requested_at, int64_t supplied_at,
                        int limit_value, limit_unit_t unit, clock_change_t *change)
{
    if (id == RULES_2025)
        s_change (change, worktime_due (rules, supplied_at, limit_value, unit),
                  "NĐ 118/2025/NĐ-CP Điều 19.5",
                  "Nhận đủ hồ sơ bổ sung: thời hạn giải quyết được tính lại từ đầu");
    else {
        int64_t paused = worktime_between (rules, requested_at, supplied_at);
        char reason [256];
        snprintf (reason, sizeof reason,
                  "Nhận đủ hồ sơ bổ sung: cộng thêm %lld phút làm việc tạm dừng chờ bổ sung",
                  (long long) paused);
        s_change (change, worktime_add (rules, due_at, paused),
                  "NĐ 61/2018/NĐ-CP, TT 01/2018/TT-VPCP", reason);
    }
}

int
legal_clock_delay (rules_id_t id, int64_t due_at, int64_t issued_at, int64_t new_due,
                   int letters_before, clock_change_t *change, char *why, size_t why_size)
{
    if (new_due <= due_at) {
        snprintf (why, why_size, "ngày hẹn mới phải sau thời hạn hiện tại");
        return -1;
    }
    if (id == RULES_2025) {
        if (letters_before > 0) {
            snprintf (why, why_size, "theo NĐ 118/2025 Điều 19.6, thời hạn chỉ được gia hạn một lần");
            return -1;
        }
        if (issued_at > due_at - MS_PER_DAY) {
            snprintf (why, why_size, "theo NĐ 118/2025 Điều 19.6, phải đề nghị gia hạn chậm nhất 01 ngày trước hạn");
            return -1;
        }
        s_change (change, new_due, "NĐ 118/2025/NĐ-CP Điều 19.6",
                  "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
        return 0;
    }
    if (issued_at > due_at) {
        snprintf (why, why_size, "phiếu xin lỗi và hẹn lại phải gửi trước thời hạn trả kết quả");
        return -1;
    }
    s_change (change, new_due, "TT 01/2018/TT-VPCP Mẫu 04",
              "Phiếu xin lỗi và hẹn lại ngày trả kết quả");
    return 0;
}

int64_t
legal_clock_online_answer_by (const worktime_rules_t *rules, int64_t filed_at)
{
    return worktime_add (rules, filed_at, ONLINE_ANSWER_HOURS * 60);
}

int64_t
legal_clock_route_by (const worktime_rules_t *rules, int64_t received_at)
{
    //  Received after 15:00: it goes at the start of the next working day,
    //  and within one working day of that.
    vn_civil_t c;
    vn_civil (received_at, &c);
    int64_t from = received_at;
    if (c.hour * 60 + c.minute >= ROUTE_CUTOFF_MINUTE)
        from = worktime_align (rules, vn_instant (c.year, c.month, c.day, 0) + MS_PER_DAY);
    return worktime_add (rules, from, WORKTIME_MINUTES_PER_DAY);
}
