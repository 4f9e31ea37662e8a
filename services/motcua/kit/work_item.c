/*  work_item — processing's work item shown. See work_item.h.              */
#include <czmq.h>
#include "work_item.h"
#include "trace_json.h"
#include "vntime.h"

void
work_item_json (json_t *json, const Motcua__V1__WorkItem *item)
{
    json_object (json, NULL);
    json_string (json, "dossier_code", item->dossier_code);
    json_string (json, "procedure_code", item->procedure_code);
    json_string (json, "procedure_name", item->procedure_name);
    json_string (json, "applicant_name", item->applicant_name);
    json_string (json, "division", item->division);
    json_string (json, "status", item->status);
    json_string (json, "return", cli_return_name (item->return_method));
    json_time (json, "received_at", item->received_at);
    json_time (json, "due_at", item->due_at);
    json_time (json, "legal_due_at", item->legal_due_at);
    json_string (json, "rule_set", item->rule_set);
    json_string (json, "outcome", item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "approved"
                                : item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED ? "rejected"
                                : item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN ? "withdrawn"
                                : item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_CLOSED ? "closed" : "");
    json_string (json, "reason", item->reason);
    json_time (json, "resolved_at", item->resolved_at);
    json_time (json, "returned_at", item->returned_at);
    if (*item->result_kind) {
        json_string (json, "result_kind", item->result_kind);
        json_string (json, "result_reference", item->result_reference);
        json_string (json, "result_sha256", item->result_sha256);
        json_time (json, "result_attached_at", item->result_attached_at);
    }
    json_end_object (json);
}

//  Print one item (text or JSON) — the answer of resolve and return.
static void
s_show_item (cli_t *cli, const Motcua__V1__WorkItem *item)
{
    if (cli->json) {
        json_t json;
        json_begin (&json, stdout);
        work_item_json (&json, item);
        json_finish (&json);
        return;
    }
    char due [40], at [40];
    printf ("%s  %s  hẹn trả %s\n", item->dossier_code, trace_status_label (item->status),
            vn_format_form (item->due_at, due, sizeof due));
    if (*item->result_kind) {
        const char *kind = streq (item->result_kind, "document") ? "văn bản điện tử"
                         : streq (item->result_kind, "certificate") ? "bằng khen, giấy khen (bản giấy)"
                         : streq (item->result_kind, "banner") ? "cờ thi đua"
                         : streq (item->result_kind, "medal") ? "huân chương, huy chương" : item->result_kind;
        printf ("  Kết quả đã có: %s%s%s%s%s, lúc %s\n", kind,
                *item->result_reference ? ", số " : "", item->result_reference,
                *item->result_sha256 ? ", SHA-256 " : "", item->result_sha256,
                vn_format_form (item->result_attached_at, at, sizeof at));
    }
}

//  Shared tail of resolve and return: show the item or the problem.
int
work_item_finish (cli_t *cli, client_t *client, processing_reply_t *reply)
{
    int rc = cli_outcome (cli, "processing", (ProtobufCMessage *) reply);
    if (rc == 0)
        s_show_item (cli, reply->item);
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

