/*  cmd_postal — the postal (BCCI) commands. The postal worker, with the
    postal role's certificate: `motcua post collect|handover|sign-batch|
    transit|attempt|return-to-agency|deliver|shipments|overdue|batch show`.
    The agency's officer, with the counter's: `motcua counter sign-batch`
    (receives a hand-over record) and `motcua counter dispatch` (hands
    results to post). Slips and records print as the forms read.          */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "rpc.h"
#include "vntime.h"
#include "postal_deadline.h"
#include "postal_client.h"

#define MAX_LISTED 100

//  12345678 → "12.345.678" (đồng, as Vietnamese forms print amounts)
const char *
cli_money (int64_t amount, char *buf, size_t size)
{
    char digits [32];
    int n = snprintf (digits, sizeof digits, "%lld", (long long) (amount < 0 ? -amount : amount));
    size_t at = 0;
    if (amount < 0 && at + 1 < size)
        buf [at++] = '-';
    for (int i = 0; i < n && at + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf [at++] = '.';
        buf [at++] = digits [i];
    }
    buf [at] = 0;
    return buf;
}

//  A non-negative amount of đồng. 0 or -1.
static int
s_amount (const char *text, int64_t *amount)
{
    char *end = NULL;
    if (!text) {
        *amount = 0;
        return 0;
    }
    long long value = strtoll (text, &end, 10);
    if (!*text || *end || value < 0)
        return -1;
    *amount = value;
    return 0;
}

static void
s_json_shipment (json_t *json, const Motcua__V1__Shipment *s)
{
    json_object (json, NULL);
    json_string (json, "shipment_id", s->shipment_id);
    json_string (json, "dossier_code", s->dossier_code);
    json_string (json, "status", s->status);
    json_string (json, "recipient", s->recipient ? s->recipient->name : "");
    json_string (json, "address", s->recipient ? s->recipient->address : "");
    json_string (json, "phone", s->recipient ? s->recipient->phone : "");
    json_time (json, "created_at", s->created_at);
    json_time (json, "delivered_at", s->delivered_at);
    json_string (json, "route", s->route);
    json_bool (json, "with_appointment", s->with_appointment);
    json_int (json, "batch_no", s->batch_no);
    json_time (json, "handed_at", s->handed_at);
    json_time (json, "deadline_at", s->deadline_at);
    json_time (json, "returned_at", s->returned_at);
    json_int (json, "invitations", s->invitations);
    json_int (json, "postal_fee", s->postal_fee);
    json_string (json, "note", s->note);
    json_array (json, "originals");
    for (size_t i = 0; i < s->n_originals; i++)
        json_string (json, NULL, s->originals [i]);
    json_end_array (json);
    json_array (json, "items");
    for (size_t i = 0; i < s->n_items; i++)
        json_string (json, NULL, s->items [i]);
    json_end_array (json);
    json_end_object (json);
}

static void
s_print_shipment_line (const Motcua__V1__Shipment *s)
{
    char at [40];
    postal_route_t route = 0;
    postal_route_parse (s->route, &route);
    printf ("%s — %s — %s", s->dossier_code, s->recipient ? s->recipient->name : "",
            postal_state_label (s->status));
    if (*s->route)
        printf (" — tuyến %s (J+%d)", postal_route_label (route), postal_days (route, s->with_appointment));
    if (s->deadline_at)     //  the deadline is the midnight ending the last day
        printf (" — hạn phát hết ngày %s", vn_format_form (s->deadline_at - 1, at, sizeof at) + 6);
    if (s->invitations)
        printf (" — đã mời nhận %d lần", s->invitations);
    printf ("\n");
    for (size_t i = 0; i < s->n_originals; i++)
        printf ("     Bản gốc: %s\n", s->originals [i]);
    for (size_t i = 0; i < s->n_items; i++)
        printf ("     Hiện vật (loại:kích thước): %s\n", s->items [i]);
}

//  The tail of the commands that answer one shipment.
static int
s_shipment_done (cli_t *cli, client_t *client, postal_reply_t *reply)
{
    int rc = cli_outcome (cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli->json) {
        json_t json;
        json_begin (&json, stdout);
        s_json_shipment (&json, reply->shipment);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        char at [40];
        if (streq (reply->shipment->status, "delivered"))
            printf ("%s  đã phát thành công lúc %s\n", reply->shipment->dossier_code,
                    vn_format_form (reply->shipment->delivered_at, at, sizeof at));
        else
            s_print_shipment_line (reply->shipment);
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
            s_json_shipment (&json, reply->shipments->shipments [i]);
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0)
        for (size_t i = 0; i < reply->shipments->n_shipments; i++)
            s_print_shipment_line (reply->shipments->shipments [i]);
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

int
cmd_post_shipments (int argc, char **argv)
{
    return s_list (argc, argv, postal_client_shipments);
}

int
cmd_post_overdue (int argc, char **argv)
{
    return s_list (argc, argv, postal_client_overdue);
}

int
cmd_post_deliver (int argc, char **argv)
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

int
cmd_post_transit (int argc, char **argv)
{
    return s_move (argc, argv, "in_transit", false, "usage: motcua post transit CODE");
}

int
cmd_post_attempt (int argc, char **argv)
{
    return s_move (argc, argv, "failed_attempt", true,
                   "usage: motcua post attempt CODE --reason TEXT   (a failed delivery; an invitation is left)");
}

int
cmd_post_return (int argc, char **argv)
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

static void
s_json_slip (json_t *json, const Motcua__V1__Slip *s)
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
    if (s_amount (cli_option (&cli, "postal-fee"), &collect.postal_fee)
    ||  s_amount (cli_option (&cli, "procedure-fee"), &collect.procedure_fee)
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
        s_json_slip (&json, reply->slip);
        json_finish (&json);
    }
    else
    if (rc == 0)
        s_print_slip (reply->slip);
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static void
s_json_batch (const Motcua__V1__Batch *b)
{
    json_t json;
    json_begin (&json, stdout);
    json_object (&json, NULL);
    json_int (&json, "batch_no", b->batch_no);
    json_string (&json, "kind", b->kind);
    json_string (&json, "created_by", b->created_by);
    json_time (&json, "created_at", b->created_at);
    json_string (&json, "signed_by", b->signed_by);
    json_time (&json, "signed_at", b->signed_at);
    json_int (&json, "received", b->received);
    json_int (&json, "refused", b->refused);
    json_int (&json, "waiting", b->waiting);
    json_int (&json, "postal_fee_total", b->postal_fee_total);
    json_int (&json, "procedure_fee_total", b->procedure_fee_total);
    json_int (&json, "procedure_fee_received", b->procedure_fee_received);
    json_int (&json, "procedure_fee_refused", b->procedure_fee_refused);
    json_array (&json, "slips");
    for (size_t i = 0; i < b->n_slips; i++)
        s_json_slip (&json, b->slips [i]);
    json_end_array (&json);
    json_array (&json, "shipments");
    for (size_t i = 0; i < b->n_shipments; i++)
        s_json_shipment (&json, b->shipments [i]);
    json_end_array (&json);
    json_end_object (&json);
    json_finish (&json);
}

static void
s_print_batch (const Motcua__V1__Batch *b)
{
    char at [40], due [40], money [32];
    bool intake = streq (b->kind, "intake");
    printf ("%s\nSố: %lld\n", intake ? "BIÊN BẢN GIAO NHẬN HỒ SƠ" : "BIÊN BẢN GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            (long long) b->batch_no);
    printf ("Bên giao (%s): %s — đã ký lúc %s\n", intake ? "nhân viên bưu chính" : "cơ quan giải quyết",
            b->created_by, vn_format_form (b->created_at, at, sizeof at));
    if (b->signed_at)
        printf ("Bên nhận (%s): %s — đã ký lúc %s\n", intake ? "cán bộ tiếp nhận" : "nhân viên bưu chính",
                b->signed_by, vn_format_form (b->signed_at, at, sizeof at));
    else
        printf ("Bên nhận (%s): chưa ký\n", intake ? "cán bộ tiếp nhận" : "nhân viên bưu chính");
    for (size_t i = 0; i < b->n_slips; i++) {
        const Motcua__V1__Slip *s = b->slips [i];
        printf ("%zu. Phiếu gửi %s — %s — thủ tục %s — cước %s đồng", i + 1, s->slip_number,
                s->sender->name, s->procedure_code, cli_money (s->postal_fee, money, sizeof money));
        printf (", phí thu hộ %s đồng\n", cli_money (s->procedure_fee, money, sizeof money));
        if (streq (s->status, "received"))
            printf ("   Đầy đủ — tiếp nhận: mã hồ sơ %s, hẹn trả kết quả %s\n", s->dossier_code,
                    vn_format_form (s->due_at, due, sizeof due));
        else
        if (streq (s->status, "refused"))
            printf ("   Chưa đầy đủ — trả lại: %s (thông báo từ chối số %s)\n", s->reason, s->refusal_number);
        else
            printf ("   %s\n", !b->signed_at ? "Chờ kiểm tra"
                               : s->complete ? "Đầy đủ — đang tiếp nhận" : "Chưa đầy đủ — đang trả lại");
    }
    for (size_t i = 0; i < b->n_shipments; i++) {
        printf ("%zu. ", i + 1);
        s_print_shipment_line (b->shipments [i]);
    }
    if (intake) {
        printf ("Số hồ sơ: %zu — tiếp nhận %d, trả lại %d, chờ %d\n", b->n_slips, b->received, b->refused, b->waiting);
        printf ("Tổng cước bưu chính: %s đồng\n", cli_money (b->postal_fee_total, money, sizeof money));
        printf ("Tổng phí, lệ phí thu hộ: %s đồng", cli_money (b->procedure_fee_total, money, sizeof money));
        printf (" = hồ sơ tiếp nhận %s", cli_money (b->procedure_fee_received, money, sizeof money));
        printf (" + hồ sơ trả lại %s", cli_money (b->procedure_fee_refused, money, sizeof money));
        printf (" + chờ %s\n", cli_money (b->procedure_fee_total - b->procedure_fee_received - b->procedure_fee_refused,
                                        money, sizeof money));
    }
    else
        printf ("Số kết quả: %zu — tổng cước bưu chính: %s đồng\n", b->n_shipments,
                cli_money (b->postal_fee_total, money, sizeof money));
}

static int
s_batch_done (cli_t *cli, client_t *client, postal_reply_t *reply)
{
    int rc = cli_outcome (cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli->json)
        s_json_batch (reply->batch);
    else
    if (rc == 0)
        s_print_batch (reply->batch);
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_post_handover (int argc, char **argv)
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
    return s_batch_done (&cli, client, client ? postal_client_hand_over (client, &hand_over) : NULL);
}

//  Sign a record: the agency's officer (intake) or the postal worker (return).
static int
s_sign (int argc, char **argv, const char *identity)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "incomplete,idempotency-key", ""))
        return EXIT_USAGE;
    char *end = NULL;
    long long batch_no = cli.n_positional == 1 ? strtoll (cli.positional [0], &end, 10) : 0;
    const char *listed [MAX_LISTED];
    int n = cli_options (&cli, "incomplete", listed, MAX_LISTED);
    Motcua__V1__Incomplete incomplete [MAX_LISTED], *pointers [MAX_LISTED];
    char slips [MAX_LISTED][64];
    bool usage = batch_no <= 0 || *end;
    for (int i = 0; i < n && !usage; i++) {
        const char *equals = strchr (listed [i], '=');
        usage = !equals || equals == listed [i] || (size_t) (equals - listed [i]) >= sizeof slips [i];
        if (usage)
            break;
        motcua__v1__incomplete__init (&incomplete [i]);
        snprintf (slips [i], sizeof slips [i], "%.*s", (int) (equals - listed [i]), listed [i]);
        incomplete [i].slip_number = slips [i];
        incomplete [i].reason = (char *) equals + 1;
        pointers [i] = &incomplete [i];
    }
    if (usage) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua counter|post sign-batch N [--incomplete SLIP=REASON …]");
    }
    Motcua__V1__SignBatch sign = MOTCUA__V1__SIGN_BATCH__INIT;
    sign.idempotency_key = (char *) cli_idempotency_key (&cli);
    sign.batch_no = batch_no;
    sign.n_incomplete = (size_t) n;
    sign.incomplete = pointers;
    client_t *client = cli_client (&cli, "postal", identity);
    return s_batch_done (&cli, client, client ? postal_client_sign (client, &sign) : NULL);
}

int
cmd_counter_sign_batch (int argc, char **argv)
{
    return s_sign (argc, argv, "counter");
}

int
cmd_post_sign_batch (int argc, char **argv)
{
    return s_sign (argc, argv, "postal");
}

int
cmd_post_batch (int argc, char **argv)
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
    return s_batch_done (&cli, client, client ? postal_client_show_batch (client, batch_no) : NULL);
}

//  The values of --NAME CODE=VALUE options for one dossier code.
static size_t
s_keyed (cli_t *cli, const char *name, const char *code, char **out, size_t max)
{
    const char *values [MAX_LISTED];
    int n = cli_options (cli, name, values, MAX_LISTED);
    size_t count = 0, length = strlen (code);
    for (int i = 0; i < n && count < max; i++)
        if (strncmp (values [i], code, length) == 0 && values [i][length] == '=')
            out [count++] = (char *) values [i] + length + 1;
    return count;
}

int
cmd_counter_dispatch (int argc, char **argv)
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
        if (s_keyed (&cli, "postal-fee", r->dossier_code, fees [i], 1) && s_amount (fees [i][0], &r->postal_fee)) {
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
    return s_batch_done (&cli, client, client ? postal_client_dispatch (client, &dispatch) : NULL);
}
