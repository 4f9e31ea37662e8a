/*  audit_trail — `motcua audit CODE`: every recorded change to a dossier, the
    four services' audit trails merged in time order.                       */
#include <czmq.h>
#include "cli_services.h"
#include "vntime.h"

//  What an auditor reads for each action the services record (the JSON keeps
//  the code): one table, the lifecycle's moves and the services' own.
static const struct { const char *action; const char *label; } s_labels [] = {
    { "receive", "Tiếp nhận hồ sơ" },             { "refuse", "Từ chối tiếp nhận" },
    { "enqueue", "Chuyển vào hàng chờ giải quyết" }, { "start", "Bắt đầu giải quyết" },
    { "request_supplement", "Yêu cầu bổ sung hồ sơ" }, { "hand in supplement", "Nộp hồ sơ bổ sung" },
    { "supplement_received", "Nhận hồ sơ bổ sung" }, { "resolve", "Quyết định giải quyết" },
    { "return", "Trả kết quả" },                    { "withdraw", "Rút hồ sơ" },
    { "close", "Đóng hồ sơ (không bổ sung)" },       { "hand_over", "Chuyển bước xử lý" },
    { "attach_result", "Có kết quả giải quyết" },    { "result attached", "Ghi nhận kết quả" },
    { "route", "Chuyển cơ quan có thẩm quyền" },     { "delay", "Gia hạn, hẹn lại" },
    { "delay letter", "Gia hạn, hẹn lại" },          { "import", "Nhập hồ sơ đã giải quyết trước đây" },
    { "collect", "Bưu chính nhận hồ sơ" },           { "hand over", "Bưu chính bàn giao hồ sơ" },
    { "sign hand-over", "Ký biên bản giao nhận" },   { "intake answer", "Bộ phận Một cửa trả lời" },
    { "create shipment", "Lập bưu gửi trả kết quả" }, { "result back from the post", "Bưu chính chuyển trả kết quả" },
    { "record event", "Ghi nhận sự kiện" },
};

static const char *
s_label (const char *action)
{
    for (size_t i = 0; i < sizeof s_labels / sizeof s_labels [0]; i++)
        if (streq (s_labels [i].action, action))
            return s_labels [i].label;
    return action;
}

static int
s_by_time (const void *a, const void *b)
{
    const Motcua__V1__AuditEntry *x = *(Motcua__V1__AuditEntry *const *) a;
    const Motcua__V1__AuditEntry *y = *(Motcua__V1__AuditEntry *const *) b;
    return x->at < y->at ? -1 : x->at > y->at;
}

static int
s_audit (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "since", "denied,reads"))
        return EXIT_USAGE;
    //  One dossier's trail, or every refusal / every read of personal data.
    const char *outcome = cli_flag (&cli, "denied") ? "denied" : cli_flag (&cli, "reads") ? "read" : "";
    int64_t since = 0;
    if ((*outcome ? cli.n_positional != 0 || (cli_flag (&cli, "denied") && cli_flag (&cli, "reads"))
                  : cli.n_positional != 1 || cli_option (&cli, "since"))
    ||  (cli_option (&cli, "since") && vn_parse_date (cli_option (&cli, "since"), &since))) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua audit CODE | --denied [--since YYYY-MM-DD] | --reads [--since YYYY-MM-DD]");
    }
    const char *code = *outcome ? "" : cli.positional [0];
    ProtobufCMessage *replies [CLI_SERVICE_COUNT] = { 0 };
    Motcua__V1__AuditEntry *entries [4096];
    size_t count = 0;
    int rc = 0;
    for (int i = 0; i < CLI_SERVICE_COUNT && rc == 0; i++) {
        Motcua__V1__AuditRequest ask = MOTCUA__V1__AUDIT_REQUEST__INIT;
        ask.dossier_code = (char *) code;
        ask.outcome = (char *) outcome;
        ask.since = since;
        client_t *client;
        replies [i] = cli_service_ask (&cli, &cli_services [i], "dashboard", "audit", &ask.base, &client);
        client_destroy (&client);
        rc = cli_outcome (&cli, cli_services [i].name, replies [i]);
        Motcua__V1__AuditTrail *trail = rc ? NULL : (Motcua__V1__AuditTrail *) client_reply_body (replies [i], "audit");
        for (size_t e = 0; trail && e < trail->n_entries && count < 4096; e++)
            entries [count++] = trail->entries [e];
    }
    qsort (entries, count, sizeof entries [0], s_by_time);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t e = 0; e < count; e++) {
            json_object (&json, NULL);
            json_time (&json, "at", entries [e]->at);
            json_string (&json, "service", entries [e]->service);
            json_string (&json, "principal", entries [e]->principal);
            json_string (&json, "role", entries [e]->role);
            json_string (&json, "action", entries [e]->action);
            json_string (&json, "key", entries [e]->dossier_code);     //  the code, or a slip or record of it
            json_string (&json, "outcome", entries [e]->outcome);
            json_string (&json, "old", entries [e]->old_value);
            json_string (&json, "new", entries [e]->new_value);
            json_end_object (&json);
        }
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        if (streq (outcome, "denied"))
            printf ("NHẬT KÝ TỪ CHỐI TRUY CẬP — %zu lần\n", count);
        else
        if (*outcome)
            printf ("NHẬT KÝ TRUY CẬP DỮ LIỆU CÁ NHÂN — %zu lần\n", count);
        else
            printf ("NHẬT KÝ THAO TÁC — hồ sơ %s\n", code);
        for (size_t e = 0; e < count; e++) {
            char at [40];
            printf ("%s  ", vn_format_iso (entries [e]->at, at, sizeof at));
            cli_pad (entries [e]->service, 10);
            cli_pad (entries [e]->principal, 12);
            cli_pad (s_label (entries [e]->action), 30);
            if (*outcome) {
                cli_pad (entries [e]->role, 10);
                printf ("%s%s%s\n", *entries [e]->dossier_code ? "[" : "", entries [e]->dossier_code,
                        *entries [e]->dossier_code ? "] " : "");
                continue;
            }
            if (!streq (entries [e]->dossier_code, code))
                printf ("[%s] ", entries [e]->dossier_code);     //  kept under its slip or record
            printf ("%s%s%s\n", entries [e]->old_value, *entries [e]->old_value ? " → " : "",
                    entries [e]->new_value);
        }
    }
    for (int i = 0; i < CLI_SERVICE_COUNT; i++)
        if (replies [i])
            protobuf_c_message_free_unpacked (replies [i], NULL);
    cli_cleanup (&cli);
    return rc;
}

static const cli_command_t s_commands [] = {
    { NULL, s_audit, "audit CODE                        every recorded change to a dossier\n"
                     "  audit --denied|--reads [--since YYYY-MM-DD]   refusals, or reads of personal data" },
};
const cli_word_t cmd_audit = CLI_WORD ("audit", s_commands);
