/*  post — `motcua post …`, the postal (BCCI) worker's commands, with the
    postal role's certificate: a dossier taken in at the applicant's door
    (collect: the slip, Phiếu gửi hồ sơ, as the form reads), the records
    handing collected dossiers to the agency and taking results from it
    (handover, sign-batch, batch show), and the results carried back to
    applicants (shipments, overdue, deliver, transit, attempt,
    return-to-agency). The counter's side of the records: counter.c.       */
#include <czmq.h>
#include "postal_cli.h"
#include "vntime.h"
#include "postal_deadline.h"

//  The tail of the commands that answer one shipment.
static int
s_shipment_done (cli_t *cli, client_t *client, postal_reply_t *reply)
{
    int rc = cli_outcome (cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli->json) {
        json_t json;
        json_begin (&json, stdout);
        postal_cli_json_shipment (&json, reply->shipment);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        char at [40];
        if (streq (reply->shipment->status, "delivered"))
            printf ("%s  đã phát thành công lúc %s\n", reply->shipment->dossier_code,
                    vn_format_form (reply->shipment->delivered_at, at, sizeof at));
        else
            postal_cli_print_shipment (reply->shipment);
    }
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

static int
s_shipment_list (cli_t *cli, client_t *client, postal_reply_t *reply)
{
    int rc = cli_outcome (cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli->json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t i = 0; i < reply->shipments->n_shipments; i++)
            postal_cli_json_shipment (&json, reply->shipments->shipments [i]);
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0)
        for (size_t i = 0; i < reply->shipments->n_shipments; i++)
            postal_cli_print_shipment (reply->shipments->shipments [i]);
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

//  A list command: no options, the postal worker's identity.
static int
s_list (int argc, char **argv, postal_reply_t *(*call) (client_t *client))
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    client_t *client = cli_client (&cli, "postal", "postal");
    return s_shipment_list (&cli, client, client ? call (client) : NULL);
}

static int
s_shipments (int argc, char **argv)
{
    return s_list (argc, argv, postal_client_shipments);
}

static int
s_overdue (int argc, char **argv)
{
    return s_list (argc, argv, postal_client_overdue);
}

static int
s_deliver (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "recipient-id,idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1 || !cli_option (&cli, "recipient-id")) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua post deliver CODE --recipient-id ID   (the ID the recipient shows)");
    }
    client_t *client = cli_client (&cli, "postal", "postal");
    return s_shipment_done (&cli, client, client ? postal_client_deliver (client,
        cli_idempotency_key (&cli), cli.positional [0], cli_option (&cli, "recipient-id")) : NULL);
}

static int
s_move (int argc, char **argv, const char *state, bool needs_reason, const char *usage)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "reason,idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1 || (needs_reason && !cli_option (&cli, "reason"))) {
        cli_cleanup (&cli);
        return cli_usage (usage);
    }
    client_t *client = cli_client (&cli, "postal", "postal");
    return s_shipment_done (&cli, client, client ? postal_client_move (client, cli_idempotency_key (&cli),
        cli.positional [0], state, cli_option_or (&cli, "reason", "")) : NULL);
}

static int
s_transit (int argc, char **argv)
{
    return s_move (argc, argv, "in_transit", false, "usage: motcua post transit CODE");
}

static int
s_attempt (int argc, char **argv)
{
    return s_move (argc, argv, "failed_attempt", true,
                   "usage: motcua post attempt CODE --reason TEXT   (a failed delivery; an invitation is left)");
}

static int
s_return (int argc, char **argv)
{
    return s_move (argc, argv, "returned", false, "usage: motcua post return-to-agency CODE [--reason TEXT]");
}

static void
s_print_slip (const Motcua__V1__Slip *s)
{
    char at [40], fee [32];
    printf ("PHIẾU GỬI HỒ SƠ\n"
            "Số phiếu: %s\n"
            "Người gửi: %s — Số giấy tờ tùy thân: %s\n"
            "Địa chỉ: %s — Điện thoại: %s\n"
            "Nơi nhận: %s (%s)\n"
            "Thủ tục hành chính: %s (%s)\n"
            "Danh mục giấy tờ:\n",
            s->slip_number, s->sender->name, s->sender->id_number, s->sender->address, s->sender->phone,
            s->agency_name, s->agency_code, s->procedure_name, s->procedure_code);
    for (size_t i = 0; i < s->n_components; i++)
        printf ("  %zu. %s\n", i + 1, s->components [i]);
    printf ("Cước dịch vụ bưu chính: %s đồng\n", cli_money (s->postal_fee, fee, sizeof fee));
    printf ("Phí, lệ phí thủ tục hành chính thu hộ: %s đồng\n", cli_money (s->procedure_fee, fee, sizeof fee));
    printf ("Nơi nhận hồ sơ: %s\n"
            "Thời gian nhận: %s — Nhân viên bưu chính: %s\n"
            "Nhận kết quả: %s\n",
            s->place, vn_format_form (s->collected_at, at, sizeof at), s->collected_by,
            s->return_method == MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
                ? "qua dịch vụ bưu chính công ích" : "tại Bộ phận Một cửa");
}

static int
s_collect (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "procedure,sender-name,sender-id,phone,address,component,"
                                     "postal-fee,procedure-fee,return,place,idempotency-key", ""))
        return EXIT_USAGE;
    Motcua__V1__CollectDossier collect = MOTCUA__V1__COLLECT_DOSSIER__INIT;
    const char *ret = cli_option_or (&cli, "return", "counter");
    if (postal_cli_amount (cli_option (&cli, "postal-fee"), &collect.postal_fee)
    ||  postal_cli_amount (cli_option (&cli, "procedure-fee"), &collect.procedure_fee)
    ||  (!streq (ret, "counter") && !streq (ret, "postal"))) {
        cli_cleanup (&cli);
        return cli_usage ("fees are whole đồng (0 or more); --return is counter or postal");
    }
    const char *components [50];
    Motcua__V1__Applicant sender = MOTCUA__V1__APPLICANT__INIT;
    sender.name = (char *) cli_option_or (&cli, "sender-name", "");
    sender.id_number = (char *) cli_option_or (&cli, "sender-id", "");
    sender.phone = (char *) cli_option_or (&cli, "phone", "");
    sender.address = (char *) cli_option_or (&cli, "address", "");
    collect.idempotency_key = (char *) cli_idempotency_key (&cli);
    collect.procedure_code = (char *) cli_option_or (&cli, "procedure", "");
    collect.sender = &sender;
    collect.n_components = (size_t) cli_options (&cli, "component", components, 50);
    collect.components = (char **) components;
    collect.return_method = streq (ret, "postal") ? MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
                                                  : MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
    collect.place = (char *) cli_option_or (&cli, "place", "");
    client_t *client = cli_client (&cli, "postal", "postal");
    postal_reply_t *reply = client ? postal_client_collect (client, &collect) : NULL;
    int rc = cli_outcome (&cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        postal_cli_json_slip (&json, reply->slip);
        json_finish (&json);
    }
    else
    if (rc == 0)
        s_print_slip (reply->slip);
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static int
s_handover (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional < 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua post handover SLIP…   (hand collected dossiers to the agency)");
    }
    Motcua__V1__HandOverSlips hand_over = MOTCUA__V1__HAND_OVER_SLIPS__INIT;
    hand_over.idempotency_key = (char *) cli_idempotency_key (&cli);
    hand_over.n_slip_numbers = (size_t) cli.n_positional;
    hand_over.slip_numbers = (char **) cli.positional;
    client_t *client = cli_client (&cli, "postal", "postal");
    return postal_cli_batch_done (&cli, client, client ? postal_client_hand_over (client, &hand_over) : NULL);
}

static int
s_batch (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    char *end = NULL;
    long long batch_no = cli.n_positional == 2 && streq (cli.positional [0], "show")
                       ? strtoll (cli.positional [1], &end, 10) : 0;
    if (batch_no <= 0 || *end) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua post batch show N");
    }
    client_t *client = cli_client (&cli, "postal", "postal");
    return postal_cli_batch_done (&cli, client, client ? postal_client_show_batch (client, batch_no) : NULL);
}

static int
s_sign_batch (int argc, char **argv)
{
    return postal_cli_sign (argc, argv, "postal");
}

static const cli_command_t s_commands [] = {
    { "shipments", s_shipments, "post shipments                    results waiting to go by post" },
    { "deliver", s_deliver, "post deliver CODE                 record the delivery of a result" },
    { "collect", s_collect, "post collect --procedure CODE --sender-name N --sender-id ID --phone P --address A\n"
      "               --component NAME … [--postal-fee N] [--procedure-fee N] [--return counter|postal] [--place TEXT]\n"
      "                                    a dossier taken by the post: the Phiếu gửi hồ sơ" },
    { "handover", s_handover, "post handover SLIP…               hand collected dossiers to the agency (signs the record)" },
    { "sign-batch", s_sign_batch, "post sign-batch N                 take the results of a return record" },
    { "batch", s_batch, "post batch show N                 a hand-over record: dossiers, receipts, fees" },
    { "transit", s_transit, "post transit CODE                 the result is on its way" },
    { "attempt", s_attempt, "post attempt CODE --reason TEXT   delivery failed; an invitation was left" },
    { "return-to-agency", s_return, "post return-to-agency CODE        undelivered after two invitations" },
    { "overdue", s_overdue, "post overdue                      shipments past their J+n deadline" },
};
const cli_word_t cmd_post = CLI_WORD ("post", s_commands);
