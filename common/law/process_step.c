/*  process_step — steps, results, routing and levels. See process_step.h.  */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "process_step.h"

#define MS_PER_HOUR (3600LL * 1000)

int64_t
process_step_due (const worktime_rules_t *rules, limit_unit_t unit, int64_t started_at, int quota_hours)
{
    if (unit == LIMIT_CALENDAR_DAYS)
        return started_at + (int64_t) quota_hours * MS_PER_HOUR;
    return worktime_add (rules, worktime_align (rules, started_at), (int64_t) quota_hours * 60);
}

int64_t
process_step_shift (const worktime_rules_t *rules, limit_unit_t unit, int64_t step_due,
                    int64_t old_due, int64_t new_due)
{
    if (new_due <= old_due)
        return step_due;
    if (unit == LIMIT_CALENDAR_DAYS)
        return step_due + (new_due - old_due);
    return worktime_add (rules, step_due, worktime_between (rules, old_due, new_due));
}

timeliness_t
process_step_result (int64_t due_at, int64_t ended_at)
{
    return worktime_timeliness (due_at, ended_at);
}

const char *
process_step_result_vi (const char *result)
{
    if (result && strcmp (result, "early") == 0)
        return "Trước hạn";
    if (result && strcmp (result, "on_time") == 0)
        return "Đúng hạn";
    if (result && strcmp (result, "late") == 0)
        return "Quá hạn";
    return "";
}

static const struct { const char *kind; const char *vi; } s_kinds [] = {
    { "document",    "Văn bản (bản điện tử)" },
    { "certificate", "Bằng khen, giấy khen, giấy chứng nhận" },
    { "banner",      "Cờ thi đua" },
    { "medal",       "Huân chương, huy chương, kỷ niệm chương" },
};
#define KIND_COUNT (sizeof s_kinds / sizeof s_kinds [0])

int
result_kind_check (const char *kind)
{
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (kind && strcmp (kind, s_kinds [i].kind) == 0)
            return 0;
    return -1;
}

bool
result_kind_physical (const char *kind)
{
    return result_kind_check (kind) == 0 && strcmp (kind, "document") != 0;
}

const char *
result_kind_vi (const char *kind)
{
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (kind && strcmp (kind, s_kinds [i].kind) == 0)
            return s_kinds [i].vi;
    return "";
}

char *
result_missing_text (char *buf, size_t size, const char *code, const char *state, const char *rule_set)
{
    snprintf (buf, size, "dossier %s is %s (rules of %s) but its result is not attached: attach the document"
              " (reference and SHA-256) or flag the certificate, banner or medal first",
              code, state, rule_set && *rule_set ? rule_set : "?");
    return buf;
}

int
result_item_default (const char *kind, char *item, size_t size)
{
    if (!result_kind_physical (kind))
        return -1;
    snprintf (item, size, "%s:chưa ghi kích thước", kind);
    return 0;
}

int
result_sha256_normalise (const char *hex, char *out)
{
    if (!hex || strlen (hex) != SHA256_HEX_LEN)
        return -1;
    for (size_t i = 0; i < SHA256_HEX_LEN; i++) {
        if (!isxdigit ((unsigned char) hex [i]))
            return -1;
        out [i] = (char) tolower ((unsigned char) hex [i]);
    }
    out [SHA256_HEX_LEN] = 0;
    return 0;
}

int64_t
intake_online_answer_by (rules_id_t id, const worktime_rules_t *rules, bool online, int64_t filed_at)
{
    if (id != RULES_2025 || !online || filed_at <= 0)
        return 0;
    return legal_clock_online_answer_by (rules, filed_at);
}

int64_t
intake_route_by (rules_id_t id, const worktime_rules_t *rules, const char *receiving_agency,
                 const char *competent_agency, int64_t received_at)
{
    if (id != RULES_2025 || !receiving_agency || !*receiving_agency || !competent_agency
    ||  strcmp (receiving_agency, competent_agency) == 0)
        return 0;
    return legal_clock_route_by (rules, received_at);
}

const char *
levels_of_rules (rules_id_t id)
{
    return id == RULES_2025 ? "tỉnh, xã" : "tỉnh, huyện, xã";
}

bool
level_in_rules (rules_id_t id, const char *level)
{
    if (!level)
        return false;
    if (strcmp (level, "province") == 0 || strcmp (level, "commune") == 0)
        return true;
    return strcmp (level, "district") == 0 && id == RULES_2018;
}

const char *
level_vi (const char *level)
{
    if (level && strcmp (level, "province") == 0)
        return "tỉnh";
    if (level && strcmp (level, "commune") == 0)
        return "xã";
    if (level && strcmp (level, "district") == 0)
        return "huyện";
    return level ? level : "";
}
