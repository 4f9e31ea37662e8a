/*  cmd_postal — `motcua post shipments|deliver` for postal (BCCI) clerks.   */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "rpc.h"
#include "vntime.h"
#include "postal_client.h"

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
    json_end_object (json);
}

int
cmd_post_shipments (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    client_t *client = cli_client (&cli, "postal", "postal");
    postal_reply_t *reply = client ? postal_client_shipments (client) : NULL;
    int rc = cli_outcome (&cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t i = 0; i < reply->shipments->n_shipments; i++)
            s_json_shipment (&json, reply->shipments->shipments [i]);
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        cli_pad ("Mã hồ sơ", 20);
        cli_pad ("Người nhận", 24);
        printf ("Địa chỉ\n");
        for (size_t i = 0; i < reply->shipments->n_shipments; i++) {
            Motcua__V1__Shipment *s = reply->shipments->shipments [i];
            cli_pad (s->dossier_code, 20);
            cli_pad (s->recipient->name, 24);
            printf ("%s\n", s->recipient->address);
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_post_deliver (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua post deliver CODE");
    }
    client_t *client = cli_client (&cli, "postal", "postal");
    postal_reply_t *reply = client ? postal_client_deliver (client,
        cli_idempotency_key (&cli),
        cli.positional [0]) : NULL;
    int rc = cli_outcome (&cli, "postal", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        s_json_shipment (&json, reply->shipment);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        char at [40];
        printf ("%s  đã phát thành công lúc %s\n", reply->shipment->dossier_code,
                vn_format_form (reply->shipment->delivered_at, at, sizeof at));
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
