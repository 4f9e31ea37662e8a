/*  postal_cli — what the postal road's commands share. See postal_cli.h.   */
#include <czmq.h>
#include "postal_cli.h"
#include "vntime.h"
#include "postal_deadline.h"

int
postal_cli_amount (const char *text, int64_t *amount)
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

void
postal_cli_json_shipment (json_t *json, const Motcua__V1__Shipment *s)
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

void
postal_cli_print_shipment (const Motcua__V1__Shipment *s)
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

void
postal_cli_json_slip (json_t *json, const Motcua__V1__Slip *s)
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
        postal_cli_json_slip (&json, b->slips [i]);
    json_end_array (&json);
    json_array (&json, "shipments");
    for (size_t i = 0; i < b->n_shipments; i++)
        postal_cli_json_shipment (&json, b->shipments [i]);
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
        postal_cli_print_shipment (b->shipments [i]);
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

int
postal_cli_batch_done (cli_t *cli, client_t *client, postal_reply_t *reply)
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
postal_cli_sign (int argc, char **argv, const char *identity)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "incomplete,idempotency-key", ""))
        return EXIT_USAGE;
    char *end = NULL;
    long long batch_no = cli.n_positional == 1 ? strtoll (cli.positional [0], &end, 10) : 0;
    const char *listed [POSTAL_CLI_MAX_LISTED];
    int n = cli_options (&cli, "incomplete", listed, POSTAL_CLI_MAX_LISTED);
    Motcua__V1__Incomplete incomplete [POSTAL_CLI_MAX_LISTED], *pointers [POSTAL_CLI_MAX_LISTED];
    char slips [POSTAL_CLI_MAX_LISTED][64];
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
    return postal_cli_batch_done (&cli, client, client ? postal_client_sign (client, &sign) : NULL);
}

