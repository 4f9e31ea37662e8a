/*  cmd_postal_slip — `motcua post collect`: the postal worker takes in a
    dossier at the applicant's door and prints the slip (Phiếu gửi hồ sơ)
    as the form reads.                                                      */
#include <czmq.h>
#include "postal_out.h"
#include "vntime.h"

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

void
cmd_postal_json_slip (json_t *json, const Motcua__V1__Slip *s)
{
    json_object (json, NULL);
    json_string (json, "slip_number", s->slip_number);
    json_string (json, "status", s->status);
    json_string (json, "procedure_code", s->procedure_code);
    json_string (json, "agency_code", s->agency_code);
    json_string (json, "sender", s->sender ? s->sender->name : "");
    json_int (json, "postal_fee", s->postal_fee);
    json_int (json, "procedure_fee", s->procedure_fee);
    json_time (json, "collected_at", s->collected_at);
    json_string (json, "collected_by", s->collected_by);
    json_int (json, "batch_no", s->batch_no);
    json_bool (json, "complete", s->complete);
    json_string (json, "reason", s->reason);
    json_string (json, "dossier_code", s->dossier_code);
    json_time (json, "received_at", s->received_at);
    json_time (json, "due_at", s->due_at);
    json_string (json, "refusal_number", s->refusal_number);
    json_end_object (json);
}

int
cmd_post_collect (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "procedure,sender-name,sender-id,phone,address,component,"
                                     "postal-fee,procedure-fee,return,place,idempotency-key", ""))
        return EXIT_USAGE;
    Motcua__V1__CollectDossier collect = MOTCUA__V1__COLLECT_DOSSIER__INIT;
    const char *ret = cli_option_or (&cli, "return", "counter");
    if (cmd_postal_amount (cli_option (&cli, "postal-fee"), &collect.postal_fee)
    ||  cmd_postal_amount (cli_option (&cli, "procedure-fee"), &collect.procedure_fee)
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
        cmd_postal_json_slip (&json, reply->slip);
        json_finish (&json);
    }
    else
    if (rc == 0)
        s_print_slip (reply->slip);
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
