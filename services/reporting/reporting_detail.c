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

void
reporting_detail (const Motcua__V1__Event *event, char *buf, size_t size)
{
    buf [0] = 0;
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED:
            reporting_detail_received (event->dossier_received, buf, size);
            break;
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED:
            snprintf (buf, size, "%s%s%s",
                      event->dossier_resolved->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "Đồng ý"
                    : event->dossier_resolved->outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED ? "Từ chối"
                    : event->dossier_resolved->outcome == MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN ? "Rút hồ sơ"
                    : "Dừng giải quyết, không bổ sung đủ hồ sơ",
                      *event->dossier_resolved->reason ? ": " : "", event->dossier_resolved->reason);
            break;
        case MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED:
            snprintf (buf, size, "%s",
                      event->dossier_returned->via == MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
                      ? "qua dịch vụ bưu chính công ích" : "tại Bộ phận Một cửa");
            break;
        case MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED: {
            const Motcua__V1__SupplementRequested *r = event->supplement_requested;
            size_t at = (size_t) snprintf (buf, size, "Cần bổ sung:");
            for (size_t i = 0; i < r->n_missing && at < size; i++)
                at += (size_t) snprintf (buf + at, size - at, "%s %s", i ? ";" : "", r->missing [i]);
            break;
        }
        case MOTCUA__V1__EVENT__BODY_SUPPLEMENT_RECEIVED:
            snprintf (buf, size, "Đã nộp bổ sung %zu thành phần", event->supplement_received->n_components);
            break;
        case MOTCUA__V1__EVENT__BODY_DOSSIER_WITHDRAWN:
            snprintf (buf, size, "%s", event->dossier_withdrawn->reason);
            break;
        case MOTCUA__V1__EVENT__BODY_DUE_TIME_CHANGED: {
            const Motcua__V1__DueTimeChanged *c = event->due_time_changed;
            char due [40];
            snprintf (buf, size, "%s %s — %s: %s", c->appointment_only ? "Hẹn trả kết quả" : "Hạn giải quyết",
                      vn_format_form (c->due_at, due, sizeof due), c->rule, c->reason);
            break;
        }
        default:            //  steps, results, routing (the postal road: reporting_postal.c)
            reporting_detail_more (event, buf, size);
            break;
    }
}
