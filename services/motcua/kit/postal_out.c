/*  cmd_postal_batch — the hand-over records (biên bản giao nhận) between
    post and agency: `motcua post handover|sign-batch|batch show` for the
    postal worker, `motcua counter sign-batch` (receives collected dossiers)
    and `motcua counter dispatch` (hands results to post) for the officer. */
#include <czmq.h>
#include "postal_out.h"
#include "vntime.h"

#define MAX_LISTED 100

static void
s_json_batch (const Motcua__V1__Batch *b)
{
    json_t json;
    json_document (&json, stdout);
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
        cmd_postal_json_slip (&json, b->slips [i]);
    json_end_array (&json);
    json_array (&json, "shipments");
    for (size_t i = 0; i < b->n_shipments; i++)
        cmd_postal_json_shipment (&json, b->shipments [i]);
    json_end_array (&json);
    json_end_document (&json);
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
        cmd_postal_print_shipment (b->shipments [i]);
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
        if (s_keyed (&cli, "postal-fee", r->dossier_code, fees [i], 1) && cmd_postal_amount (fees [i][0], &r->postal_fee)) {
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
