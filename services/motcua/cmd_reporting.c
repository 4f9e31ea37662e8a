/*  cmd_reporting — `motcua trace CODE` (the report commands: cmd_report.c). */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "vntime.h"
#include "reporting_client.h"

//  How the timeline reads for an official.
static const char *
s_event_label (const char *type)
{
    static const char *labels [][2] = {
        { "dossier_received",   "Tiếp nhận hồ sơ" },
        { "dossier_resolved",   "Giải quyết xong hồ sơ" },
        { "result_ready",       "Chuyển kết quả sang bưu chính công ích" },
        { "shipment_created",   "Kết quả chờ chuyển phát qua bưu chính" },
        { "shipment_delivered", "Bưu chính phát kết quả cho người nhận" },
        { "dossier_returned",   "Trả kết quả cho tổ chức, cá nhân" },
        { "supplement_requested", "Yêu cầu bổ sung, hoàn thiện hồ sơ" },
        { "supplement_received", "Nhận hồ sơ bổ sung" },
        { "dossier_withdrawn",  "Tổ chức, cá nhân đề nghị rút hồ sơ" },
        { "due_time_changed",   "Thay đổi thời hạn giải quyết" },
        { "dossier_handed_over", "Giao nhận hồ sơ giữa các bước" },
        { "result_attached",    "Có kết quả giải quyết" },
        { "dossier_routed",     "Chuyển hồ sơ đến cơ quan có thẩm quyền" },
        { "postal_intake_answered", "Bưu chính giao hồ sơ (biên bản giao nhận)" },
        { "shipment_moved",     "Bưu chính chuyển phát kết quả" },
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels [0]; i++)
        if (streq (labels [i][0], type))
            return labels [i][1];
    return type;
}

static const char *
s_status_label (const char *status)
{
    return streq (status, "returned") ? "Đã trả kết quả"
         : streq (status, "resolved") ? "Đã giải quyết"
         : streq (status, "in_process") ? "Đang giải quyết"
         : streq (status, "supplement_requested") ? "Chờ bổ sung hồ sơ"
         : streq (status, "withdrawn") ? "Đã rút hồ sơ"
         : streq (status, "closed") ? "Đã đóng hồ sơ (không bổ sung)" : status;
}

static const char *
s_timeliness_label (const char *timeliness)
{
    return streq (timeliness, "early") ? "trước hạn"
         : streq (timeliness, "on_time") ? "đúng hạn"
         : streq (timeliness, "late") ? "quá hạn" : "";
}

int
cmd_trace (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua trace CODE");
    }
    client_t *client = cli_client (&cli, "reporting", "dashboard");
    reporting_reply_t *reply = client ? reporting_client_trace (client, cli.positional [0]) : NULL;
    int rc = cli_outcome (&cli, "reporting", (ProtobufCMessage *) reply);
    if (rc == 0) {
        Motcua__V1__Trace *t = reply->trace;
        if (cli.json) {
            json_t json;
            json_begin (&json, stdout);
            json_object (&json, NULL);
            json_string (&json, "dossier_code", t->dossier_code);
            json_string (&json, "status", t->status);
            json_string (&json, "procedure_code", t->procedure_code);
            json_string (&json, "channel", cli_channel_name (t->channel));
            json_time (&json, "received_at", t->received_at);
            json_time (&json, "due_at", t->due_at);
            json_time (&json, "appointment_at", t->appointment_at ? t->appointment_at : t->due_at);
            json_time (&json, "resolved_at", t->resolved_at);
            json_time (&json, "returned_at", t->returned_at);
            json_string (&json, "timeliness", t->timeliness);
            json_string (&json, "result_location", t->result_location);
            json_array (&json, "events");
            for (size_t i = 0; i < t->n_entries; i++) {
                json_object (&json, NULL);
                json_time (&json, "at", t->entries [i]->at);
                json_string (&json, "type", t->entries [i]->event_type);
                json_string (&json, "actor", t->entries [i]->actor);
                json_string (&json, "producer", t->entries [i]->producer);
                json_string (&json, "detail", t->entries [i]->detail);
                json_end_object (&json);
            }
            json_end_array (&json);
            json_end_object (&json);
            json_finish (&json);
        }
        else {
            char at [40];
            char appointment [40];
            printf ("Mã hồ sơ: %s — Thủ tục: %s\nTrạng thái: %s%s%s\nThời hạn giải quyết: %s\n",
                    t->dossier_code, t->procedure_code, s_status_label (t->status),
                    *t->timeliness ? ", " : "", s_timeliness_label (t->timeliness),
                    vn_format_form (t->due_at, at, sizeof at));
            if (t->appointment_at && t->appointment_at != t->due_at)
                printf ("Hẹn trả kết quả (sau gia hạn): %s\n",
                        vn_format_form (t->appointment_at, appointment, sizeof appointment));
            if (*t->result_location)
                printf ("Kết quả đang ở: %s\n", t->result_location);
            for (size_t i = 0; i < t->n_entries; i++) {
                printf ("  %s  ", vn_format_form (t->entries [i]->at, at, sizeof at));
                cli_pad (s_event_label (t->entries [i]->event_type), 39);
                cli_pad (t->entries [i]->actor, 10);
                printf ("%s\n", t->entries [i]->detail);
            }
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
