/*  reporting_detail — trace lines for steps, results and routing. See
    reporting_detail.h.                                                      */
#include <stdio.h>
#include <string.h>
#include "reporting_detail.h"
#include "vntime.h"
#include "process_step.h"

static int
s_is (const char *text, const char *word)
{
    return text && strcmp (text, word) == 0;
}

//  A step's early / on_time / late as the control sheet says it.
static const char *
s_timeliness_vi (const char *result)
{
    return s_is (result, "early") ? "trước hạn"
         : s_is (result, "on_time") ? "đúng hạn"
         : s_is (result, "late") ? "quá hạn" : result;
}

void
reporting_detail_received (const Motcua__V1__DossierReceived *r, char *buf, size_t size)
{
    char when [40], by [40];
    int at = snprintf (buf, size, "%s; %s", r->procedure_code, r->procedure_name);
    if (*r->receiving_agency && at >= 0 && (size_t) at < size)
        at += snprintf (buf + at, size - at, "; tiếp nhận tại %s, cơ quan giải quyết %s%s%s", r->receiving_agency,
                        r->agency_code, r->route_by ? ", chuyển hồ sơ trước " : "",
                        r->route_by ? vn_format_form (r->route_by, by, sizeof by) : "");
    if (r->online_answer_by && at >= 0 && (size_t) at < size)
        snprintf (buf + at, size - at, "; nộp trực tuyến lúc %s, phải trả lời trước %s%s",
                  vn_format_form (r->filed_at, when, sizeof when), vn_format_form (r->online_answer_by, by, sizeof by),
                  r->received_at > r->online_answer_by ? " — tiếp nhận quá hạn 08 giờ làm việc" : "");
}

void
reporting_detail_more (const Motcua__V1__Event *event, char *buf, size_t size)
{
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_HANDED_OVER: {
            char when [40];
            const Motcua__V1__DossierHandedOver *h = event->dossier_handed_over;
            snprintf (buf, size, "Bước %d \"%s\": %s (%s) giao cho %s (%s) — %s, hạn của bước %s",
                      h->position, h->step_name, h->giver, h->giver_division, h->receiver, h->receiver_division,
                      s_timeliness_vi (h->result), vn_format_form (h->step_due_at, when, sizeof when));
            break;
        }
        case MOTCUA__V1__EVENT__BODY_RESULT_ATTACHED: {
            const Motcua__V1__ResultAttached *r = event->result_attached;
            const char *kind = result_kind_vi (r->kind);
            snprintf (buf, size, "Kết quả: %s%s%s%s%s", *kind ? kind : r->kind, *r->reference ? " " : "", r->reference,
                      *r->sha256 ? ", SHA-256 " : "", r->sha256);
            break;
        }
        case MOTCUA__V1__EVENT__BODY_DOSSIER_ROUTED: {
            const Motcua__V1__DossierRouted *r = event->dossier_routed;
            char by [40];
            snprintf (buf, size, "Chuyển hồ sơ từ %s đến %s%s%s%s", r->receiving_agency, r->competent_agency,
                      r->route_by ? " (hạn " : "", r->route_by ? vn_format_form (r->route_by, by, sizeof by) : "",
                      r->route_by ? (r->late ? ", quá hạn)" : ", đúng hạn)") : "");
            break;
        }
        default:
            break;
    }
}
