/*  cmd_postal — the postal (BCCI) return road, with the postal role's
    certificate: `motcua post shipments|overdue|deliver|transit|attempt|
    return-to-agency` (results carried back to applicants). The dossiers
    posted in: cmd_postal_slip.c; the hand-over records: cmd_postal_batch.c. */
#include <czmq.h>
#include "postal_out.h"
#include "vntime.h"
#include "postal_deadline.h"

int
cmd_postal_amount (const char *text, int64_t *amount)
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
cmd_postal_json_shipment (json_t *json, const Motcua__V1__Shipment *s)
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
cmd_postal_print_shipment (const Motcua__V1__Shipment *s)
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
        cmd_postal_json_shipment (&json, reply->shipment);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        char at [40];
        if (streq (reply->shipment->status, "delivered"))
            printf ("%s  đã phát thành công lúc %s\n", reply->shipment->dossier_code,
                    vn_format_form (reply->shipment->delivered_at, at, sizeof at));
        else
            cmd_postal_print_shipment (reply->shipment);
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
            cmd_postal_json_shipment (&json, reply->shipments->shipments [i]);
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0)
        for (size_t i = 0; i < reply->shipments->n_shipments; i++)
            cmd_postal_print_shipment (reply->shipments->shipments [i]);
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
