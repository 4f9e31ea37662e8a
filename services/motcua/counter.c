/*  counter — `motcua counter …`, the one-stop counter's commands: a dossier
    taken in (submit: the receipt, Giấy tiếp nhận hồ sơ và hẹn trả kết quả),
    refused (Mẫu 03), supplemented or withdrawn, as intake's counter; sent
    on to the competent body (route) and its result handed over (return), as
    processing's counter; and the counter's side of the postal road: a
    record of collected dossiers received (sign-batch), results handed to
    the post (dispatch). The postal worker's side: post.c.                 */
#include <czmq.h>
#include "trace_json.h"
#include "json.h"
#include "vntime.h"
#include "rule_set.h"
#include "intake_client.h"
#include "postal_cli.h"
#include "work_item.h"

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

static int
s_submit (int argc, char **argv)
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

static int
s_supplement (int argc, char **argv)
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

static int
s_withdraw (int argc, char **argv)
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

static int
s_refuse (int argc, char **argv)
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
                rule_set_of (n->rule_set) == RULES_2018 ? "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
                                                        : "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH",
                n->number, n->applicant ? n->applicant->name : "", n->procedure_name, n->procedure_code,
                n->reason, vn_format_form (n->refused_at, at, sizeof at));
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

//  A processing command on one dossier as the counter: hand its result
//  over, or send it on to the competent body.
static int
s_processing (int argc, char **argv, processing_reply_t *(*call) (client_t *, const char *, const char *),
              const char *usage)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage (usage);
    }
    client_t *client = cli_client (&cli, "processing", "counter");
    processing_reply_t *reply = client ? call (client, cli_idempotency_key (&cli), cli.positional [0]) : NULL;
    return work_item_finish (&cli, client, reply);
}

static int
s_return (int argc, char **argv)
{
    return s_processing (argc, argv, processing_client_return, "usage: motcua counter return CODE");
}

static int
s_route (int argc, char **argv)
{
    return s_processing (argc, argv, processing_client_route, "usage: motcua counter route CODE");
}

static int
s_sign_batch (int argc, char **argv)
{
    return postal_cli_sign (argc, argv, "counter");
}

//  The values of --NAME CODE=VALUE options for one dossier code.
static size_t
s_keyed (cli_t *cli, const char *name, const char *code, char **out, size_t max)
{
    const char *values [POSTAL_CLI_MAX_LISTED];
    int n = cli_options (cli, name, values, POSTAL_CLI_MAX_LISTED);
    size_t count = 0, length = strlen (code);
    for (int i = 0; i < n && count < max; i++)
        if (strncmp (values [i], code, length) == 0 && values [i][length] == '=')
            out [count++] = (char *) values [i] + length + 1;
    return count;
}

static int
s_dispatch (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "route,original,item,postal-fee,idempotency-key", "with-appointment"))
        return EXIT_USAGE;
    if (cli.n_positional < 1 || cli.n_positional > 32) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua counter dispatch CODE… --route district|province|major_cities|inter_province\n"
                          "       [--with-appointment] [--original CODE=TEXT …] [--item CODE=KIND:SIZE …] [--postal-fee CODE=N]");
    }
    Motcua__V1__ResultToPost results [32], *pointers [32];
    char *originals [32][16], *items [32][16], *fees [32][1];
    for (int i = 0; i < cli.n_positional; i++) {
        Motcua__V1__ResultToPost *r = &results [i];
        motcua__v1__result_to_post__init (r);
        r->dossier_code = (char *) cli.positional [i];
        r->route = (char *) cli_option_or (&cli, "route", "");
        r->with_appointment = cli_flag (&cli, "with-appointment");
        r->n_originals = s_keyed (&cli, "original", r->dossier_code, originals [i], 16);
        r->originals = originals [i];
        r->n_items = s_keyed (&cli, "item", r->dossier_code, items [i], 16);
        r->items = items [i];
        if (s_keyed (&cli, "postal-fee", r->dossier_code, fees [i], 1) && postal_cli_amount (fees [i][0], &r->postal_fee)) {
            cli_cleanup (&cli);
            return cli_usage ("--postal-fee CODE=N: N is whole đồng");
        }
        pointers [i] = r;
    }
    Motcua__V1__DispatchResults dispatch = MOTCUA__V1__DISPATCH_RESULTS__INIT;
    dispatch.idempotency_key = (char *) cli_idempotency_key (&cli);
    dispatch.n_results = (size_t) cli.n_positional;
    dispatch.results = pointers;
    client_t *client = cli_client (&cli, "postal", "counter");
    return postal_cli_batch_done (&cli, client, client ? postal_client_dispatch (client, &dispatch) : NULL);
}

static const cli_command_t s_commands [] = {
    { "submit", s_submit, "counter submit --procedure CODE --applicant-name NAME --applicant-id ID\n"
      "               --phone P --address A --channel direct|online|postal --return counter|postal\n"
      "               --component NAME [--component NAME …] [--idempotency-key K]" },
    { "return", s_return, "counter return CODE               hand the result over at the counter" },
    { "supplement", s_supplement, "counter supplement CODE --component NAME …   hand in what was asked for" },
    { "refuse", s_refuse, "counter refuse --procedure CODE --applicant-name NAME --reason TEXT   not taken in (Mẫu 03)" },
    { "withdraw", s_withdraw, "counter withdraw CODE [--reason TEXT]   stop at the applicant's request" },
    { "route", s_route, "counter route CODE                send it on to the competent body (Phiếu chuyển hồ sơ)" },
    { "sign-batch", s_sign_batch, "counter sign-batch N [--incomplete SLIP=REASON …]   receive a hand-over record" },
    { "dispatch", s_dispatch, "counter dispatch CODE… --route R [--with-appointment] [--original CODE=TEXT] [--item CODE=KIND:SIZE]" },
};
const cli_word_t cmd_counter = CLI_WORD ("counter", s_commands);
