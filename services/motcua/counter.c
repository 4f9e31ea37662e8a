/*  cmd_intake — `motcua catalog list` and `motcua counter submit`.          */
#include <czmq.h>
#include "cli.h"
#include "trace_json.h"
#include "json.h"
#include "rpc.h"
#include "vntime.h"
#include "process_step.h"
#include "rule_set.h"
#include "intake_client.h"

int
cmd_catalog_list (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "at", ""))
        return EXIT_USAGE;
    int64_t at = 0;                 //  --at DAY: the catalogue in force at noon that day
    if (cli_option (&cli, "at") && cli_local_time (cli_option (&cli, "at"), 12 * 60, &at)) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua catalog list [--at YYYY-MM-DD]");
    }
    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_list_procedures_at (client, at) : NULL;
    int rc = cli_outcome (&cli, "intake", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t i = 0; i < reply->procedures->n_procedures; i++) {
            Motcua__V1__Procedure *p = reply->procedures->procedures [i];
            json_object (&json, NULL);
            json_string (&json, "code", p->code);
            json_string (&json, "name", p->name);
            json_string (&json, "time_limit", p->time_limit_text);
            json_int (&json, "time_limit_value", p->time_limit_value);
            json_string (&json, "time_limit_unit", p->time_limit_unit);
            json_string (&json, "field", p->field);
            json_string (&json, "agency_code", p->agency_code);
            json_string (&json, "level", p->level);
            json_string (&json, "level_vi", level_vi (p->level));
            json_end_object (&json);
        }
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        rules_id_t rules = rule_set_at (at ? at : vn_now_ms ());
        printf ("Cấp chính quyền: %s (%s)\n", levels_of_rules (rules),
                rules == RULES_2025 ? "Nghị định số 118/2025/NĐ-CP" : "Nghị định số 61/2018/NĐ-CP");
        cli_pad ("Mã thủ tục", 12);
        cli_pad ("Thời hạn giải quyết", 20);
        cli_pad ("Cấp", 6);
        printf ("Tên thủ tục\n");
        for (size_t i = 0; i < reply->procedures->n_procedures; i++) {
            Motcua__V1__Procedure *p = reply->procedures->procedures [i];
            cli_pad (p->code, 12);
            cli_pad (p->time_limit_text, 20);
            cli_pad (level_vi (p->level), 6);
            printf ("%s\n", p->name);
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static void
s_print_receipt (const Motcua__V1__Receipt *r)
{
    char received [40], due [40];
    printf ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\n"
            "Mã hồ sơ: %s\n"
            "Thủ tục: %s (%s)\n"
            "Người nộp hồ sơ: %s — Số giấy tờ tùy thân: %s\n"
            "Địa chỉ: %s — Điện thoại: %s\n"
            "Thành phần hồ sơ:\n",
            r->dossier_code, r->procedure_name, r->procedure_code,
            r->applicant->name, r->applicant->id_number, r->applicant->address, r->applicant->phone);
    for (size_t i = 0; i < r->n_components; i++)
        printf ("  %zu. %s\n", i + 1, r->components [i]);
    printf ("Thời hạn giải quyết: %s\n"
            "Thời gian nhận hồ sơ: %s\n"
            "Thời gian trả kết quả: %s\n"
            "Nhận kết quả: %s\n",
            r->time_limit_text, vn_format_form (r->received_at, received, sizeof received),
            vn_format_form (r->due_at, due, sizeof due),
            r->return_method == MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
                ? "qua dịch vụ bưu chính công ích" : "tại Bộ phận Một cửa");
}

static void
s_json_receipt (const Motcua__V1__Receipt *r)
{
    json_t json;
    json_document (&json, stdout);
    json_string (&json, "dossier_code", r->dossier_code);
    json_string (&json, "procedure_code", r->procedure_code);
    json_string (&json, "procedure_name", r->procedure_name);
    json_string (&json, "agency_code", r->agency_code);
    json_object (&json, "applicant");
    json_string (&json, "name", r->applicant->name);
    json_string (&json, "id_number", r->applicant->id_number);
    json_string (&json, "phone", r->applicant->phone);
    json_string (&json, "address", r->applicant->address);
    json_end_object (&json);
    json_string (&json, "channel", trace_channel_name (r->channel));
    json_string (&json, "return", cli_return_name (r->return_method));
    json_array (&json, "components");
    for (size_t i = 0; i < r->n_components; i++)
        json_string (&json, NULL, r->components [i]);
    json_end_array (&json);
    json_string (&json, "time_limit", r->time_limit_text);
    json_time (&json, "received_at", r->received_at);
    json_time (&json, "due_at", r->due_at);
    json_string (&json, "rule_set", r->rule_set);
    json_string (&json, "receiving_agency", r->receiving_agency);
    json_time (&json, "route_by", r->route_by);
    json_time (&json, "online_answer_by", r->online_answer_by);
    json_end_document (&json);
}

static int
s_enum (const char *value, const char *a, const char *b, const char *c)
{
    if (!value)
        return 0;
    if (streq (value, a)) return 1;
    if (streq (value, b)) return 2;
    if (c && streq (value, c)) return 3;
    return -1;
}

//  The applicant as the counter's options describe them (missing: "").
static void
s_applicant (cli_t *cli, Motcua__V1__Applicant *applicant)
{
    motcua__v1__applicant__init (applicant);
    applicant->name = (char *) cli_option_or (cli, "applicant-name", "");
    applicant->id_number = (char *) cli_option_or (cli, "applicant-id", "");
    applicant->phone = (char *) cli_option_or (cli, "phone", "");
    applicant->address = (char *) cli_option_or (cli, "address", "");
}

int
cmd_counter_submit (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "procedure,applicant-name,applicant-id,phone,address,channel,"
                                     "return,component,idempotency-key,receiving-agency,filed-at", ""))
        return EXIT_USAGE;
    //  Channel numbers follow the proto: direct 1, online 2, postal 3.
    int channel = s_enum (cli_option_or (&cli, "channel", "direct"),
                          "direct", "online", "postal");
    int return_method = s_enum (cli_option_or (&cli, "return", "counter"),
                                "counter", "postal", NULL);
    if (channel < 0 || return_method < 0) {
        cli_cleanup (&cli);
        return cli_usage (channel < 0 ? "--channel is direct, online or postal"
                                      : "--return is counter or postal");
    }
    const char *components [50];
    int n_components = cli_options (&cli, "component", components, 50);
    Motcua__V1__Applicant applicant;
    s_applicant (&cli, &applicant);
    Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    submit.idempotency_key = (char *) cli_idempotency_key (&cli);
    submit.procedure_code = (char *) cli_option_or (&cli, "procedure", "");
    submit.applicant = &applicant;
    submit.channel = (Motcua__V1__Channel) channel;
    submit.return_method = (Motcua__V1__ReturnMethod) return_method;
    submit.n_components = (size_t) n_components;
    submit.components = (char **) components;
    submit.receiving_agency = (char *) cli_option_or (&cli, "receiving-agency", "");
    if (cli_option (&cli, "filed-at") && cli_local_time (cli_option (&cli, "filed-at"), 0, &submit.filed_at)) {
        cli_cleanup (&cli);
        return cli_usage ("--filed-at is YYYY-MM-DDTHH:MM (local time)");
    }

    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_submit (client, &submit) : NULL;
    int rc = cli_outcome (&cli, "intake", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json)
        s_json_receipt (reply->receipt);
    else
    if (rc == 0)
        s_print_receipt (reply->receipt);
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

//  The shared tail of the counter's commands on a received dossier.
static int
s_show_view (cli_t *cli, client_t *client, intake_reply_t *reply)
{
    int rc = cli_outcome (cli, "intake", (ProtobufCMessage *) reply);
    if (rc == 0 && cli->json)
        printf ("{\"dossier_code\":\"%s\",\"status\":\"%s\"}\n", reply->view->dossier_code, reply->view->status);
    else
    if (rc == 0)
        printf ("%s  %s\n", reply->view->dossier_code, reply->view->status);
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_counter_supplement (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "component,idempotency-key", ""))
        return EXIT_USAGE;
    const char *components [50];
    int count = cli_options (&cli, "component", components, 50);
    if (cli.n_positional != 1 || count == 0) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua counter supplement CODE --component NAME [--component NAME …]");
    }
    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_hand_in_supplement (client,
        cli_idempotency_key (&cli),
        cli.positional [0], (char **) components, (size_t) count) : NULL;
    return s_show_view (&cli, client, reply);
}

int
cmd_counter_withdraw (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "reason,idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua counter withdraw CODE [--reason TEXT]");
    }
    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_withdraw (client,
        cli_idempotency_key (&cli),
        cli.positional [0], cli_option (&cli, "reason")) : NULL;
    return s_show_view (&cli, client, reply);
}

int
cmd_counter_refuse (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "procedure,applicant-name,applicant-id,phone,address,reason,idempotency-key,"
                                     "filed-at", ""))
        return EXIT_USAGE;
    int64_t filed_at = 0;           //  an online filing sent back: when it was filed
    if (cli_option (&cli, "filed-at") && cli_local_time (cli_option (&cli, "filed-at"), 0, &filed_at)) {
        cli_cleanup (&cli);
        return cli_usage ("--filed-at is YYYY-MM-DDTHH:MM (local time)");
    }
    Motcua__V1__Applicant applicant;
    s_applicant (&cli, &applicant);
    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_refuse_online (client,
        cli_idempotency_key (&cli),
        cli_option_or (&cli, "procedure", ""), &applicant,
        cli_option (&cli, "reason"), filed_at) : NULL;
    int rc = cli_outcome (&cli, "intake", (ProtobufCMessage *) reply);
    Motcua__V1__RefusalNotice *n = rc == 0 ? reply->refusal : NULL;
    if (n && cli.json) {
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "number", n->number);
        json_string (&json, "procedure_code", n->procedure_code);
        json_string (&json, "applicant", n->applicant ? n->applicant->name : "");
        json_string (&json, "reason", n->reason);
        json_time (&json, "refused_at", n->refused_at);
        json_string (&json, "rule_set", n->rule_set);
        json_time (&json, "online_answer_by", n->online_answer_by);
        json_bool (&json, "answered_late", n->online_answer_by && n->refused_at > n->online_answer_by);
        json_end_document (&json);
    }
    else
    if (n) {
        char at [40];
        //  The form's title under the dossier's rule set (Mẫu 03).
        printf ("%s\nSố: %s\nNgười nộp hồ sơ: %s\nYêu cầu giải quyết: %s (%s)\nLý do từ chối: %s\nThời gian: %s\n",
                streq (n->rule_set, "2018") ? "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
                                            : "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH",
                n->number, n->applicant ? n->applicant->name : "", n->procedure_name, n->procedure_code,
                n->reason, vn_format_form (n->refused_at, at, sizeof at));
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
