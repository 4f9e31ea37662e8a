/*  lookup — `motcua lookup --code C | --id N | --phone P`: the counter's
    question, answered by intake from the dossiers it holds, imported ones
    included: each dossier's status, due time and where its result is.     */
#include <czmq.h>
#include "cli.h"
#include "trace_json.h"
#include "json.h"
#include "vntime.h"
#include "intake_history_client.h"

static const char *
s_status_text (const char *status)
{
    static const char *names [][2] = {
        { "received", "Đã tiếp nhận" }, { "in_process", "Đang giải quyết" },
        { "supplement_requested", "Chờ bổ sung hồ sơ" }, { "withdrawal_requested", "Đang xử lý đề nghị rút" },
        { "resolved", "Đã giải quyết" }, { "returned", "Đã trả kết quả" }, { "withdrawn", "Đã rút hồ sơ" },
        { "closed", "Đã đóng hồ sơ" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names [0]; i++)
        if (streq (status, names [i][0]))
            return names [i][1];
    return status;
}

static int
s_lookup (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "code,id,phone", ""))
        return EXIT_USAGE;
    const char *code = cli_option (&cli, "code"), *id = cli_option (&cli, "id"), *phone = cli_option (&cli, "phone");
    if ((code != NULL) + (id != NULL) + (phone != NULL) != 1 || cli.n_positional) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua lookup --code CODE | --id NUMBER | --phone PHONE [--json]");
    }
    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_lookup (client, code, id, phone) : NULL;
    int rc = cli_outcome (&cli, "intake", (ProtobufCMessage *) reply);
    Motcua__V1__LookupResult *list = rc == 0 ? reply->dossiers : NULL;
    if (list && cli.json) {
        json_t json;
        json_document (&json, stdout);
        json_array (&json, "dossiers");
        for (size_t i = 0; i < list->n_dossiers; i++) {
            Motcua__V1__LookedUpDossier *d = list->dossiers [i];
            json_object (&json, NULL);
            json_string (&json, "dossier_code", d->dossier_code);
            json_string (&json, "status", d->status);
            json_string (&json, "procedure_code", d->procedure_code);
            json_string (&json, "procedure_name", d->procedure_name);
            json_string (&json, "agency_code", d->agency_code);
            json_string (&json, "applicant_name", d->applicant_name);
            json_time (&json, "received_at", d->received_at);
            json_time (&json, "due_at", d->due_at);
            json_string (&json, "channel", trace_channel_name (d->channel));
            json_string (&json, "return", cli_return_name (d->return_method));
            json_string (&json, "rule_set", d->rule_set);
            json_string (&json, "result_place", d->result_place);
            json_string (&json, "result_place_text", d->result_place_text);
            json_bool (&json, "imported", d->imported);
            json_end_object (&json);
        }
        json_end_array (&json);
        json_int (&json, "hidden", list->hidden);
        json_bool (&json, "more", list->more);
        json_end_document (&json);
    }
    else
    if (list) {
        if (list->n_dossiers == 0)
            printf ("Không tìm thấy hồ sơ nào.\n");
        for (size_t i = 0; i < list->n_dossiers; i++) {
            Motcua__V1__LookedUpDossier *d = list->dossiers [i];
            char received [40], due [40];
            printf ("%s%s  %s\n  Thủ tục: %s — %s\n  Người nộp hồ sơ: %s\n  Nhận hồ sơ: %s — Hẹn trả: %s\n  Kết quả: %s\n",
                    i ? "\n" : "", d->dossier_code, s_status_text (d->status), d->procedure_code, d->procedure_name,
                    d->applicant_name, vn_format_form (d->received_at, received, sizeof received),
                    vn_format_form (d->due_at, due, sizeof due), d->result_place_text);
        }
        if (list->more)
            printf ("\n(còn hồ sơ khác: chỉ liệt kê %zu hồ sơ mới nhất)\n", list->n_dossiers);
        if (list->hidden)
            printf ("\n(%d hồ sơ khác không thuộc phạm vi được phân quyền)\n", list->hidden);
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static const cli_command_t s_commands [] = {
    { NULL, s_lookup, "lookup --code CODE | --id NUMBER | --phone PHONE   a counter's look-up" },
};
const cli_word_t cmd_lookup = CLI_WORD ("lookup", s_commands);
