/*  cmd_processing — `motcua desk queue|resolve` and `motcua counter return`. */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "rpc.h"
#include "vntime.h"
#include "processing_client.h"
#include "work_item.h"

static void
s_json_item (json_t *json, const Motcua__V1__WorkItem *item)
{
    json_object (json, NULL);
    json_string (json, "dossier_code", item->dossier_code);
    json_string (json, "procedure_code", item->procedure_code);
    json_string (json, "procedure_name", item->procedure_name);
    json_string (json, "applicant_name", item->applicant_name);
    json_string (json, "division", item->division);
    json_string (json, "status", item->status);
    json_string (json, "return", cli_return_name (item->return_method));
    json_time (json, "received_at", item->received_at);
    json_time (json, "due_at", item->due_at);
    json_time (json, "legal_due_at", item->legal_due_at);
    json_string (json, "rule_set", item->rule_set);
    json_string (json, "outcome", item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_APPROVED ? "approved"
                                : item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED ? "rejected"
                                : item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN ? "withdrawn"
                                : item->outcome == MOTCUA__V1__OUTCOME__OUTCOME_CLOSED ? "closed" : "");
    json_string (json, "reason", item->reason);
    json_time (json, "resolved_at", item->resolved_at);
    json_time (json, "returned_at", item->returned_at);
    json_end_object (json);
}

//  Print one item (text or JSON) — the answer of resolve and return.
static void
s_show_item (cli_t *cli, const Motcua__V1__WorkItem *item)
{
    if (cli->json) {
        json_t json;
        json_begin (&json, stdout);
        s_json_item (&json, item);
        json_finish (&json);
        return;
    }
    char due [40];
    printf ("%s  %s  hẹn trả %s\n", item->dossier_code, item->status,
            vn_format_form (item->due_at, due, sizeof due));
}

int
cmd_desk_queue (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "division", ""))
        return EXIT_USAGE;
    client_t *client = cli_client (&cli, "processing", "desk");
    processing_reply_t *reply = client ? processing_client_queue (client, cli_option (&cli, "division")) : NULL;
    int rc = cli_outcome (&cli, "processing", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t i = 0; i < reply->queue->n_items; i++)
            s_json_item (&json, reply->queue->items [i]);
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        const char *heads [] = { "Mã hồ sơ", "Thủ tục", "Bộ phận", "Hẹn trả kết quả" };
        const int widths [] = { 20, 11, 8, 16 };
        for (int c = 0; c < 4; c++)
            cli_pad (heads [c], widths [c]);
        printf ("Người nộp\n");
        for (size_t i = 0; i < reply->queue->n_items; i++) {
            Motcua__V1__WorkItem *item = reply->queue->items [i];
            char due [40];
            const char *cells [] = { item->dossier_code, item->procedure_code, item->division,
                                     vn_format_form (item->due_at, due, sizeof due) };
            for (int c = 0; c < 4; c++)
                cli_pad (cells [c], widths [c]);
            printf ("%s\n", item->applicant_name);
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

//  Shared tail of resolve and return: show the item or the problem.
int
cmd_processing_finish (cli_t *cli, client_t *client, processing_reply_t *reply)
{
    int rc = cli_outcome (cli, "processing", (ProtobufCMessage *) reply);
    if (rc == 0)
        s_show_item (cli, reply->item);
    return cli_done (cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_desk_resolve (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "reason,idempotency-key", "approve,reject"))
        return EXIT_USAGE;
    bool approve = cli_flag (&cli, "approve"), reject = cli_flag (&cli, "reject");
    if (cli.n_positional != 1 || approve == reject) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua desk resolve CODE --approve|--reject [--reason TEXT]");
    }
    client_t *client = cli_client (&cli, "processing", "desk");
    processing_reply_t *reply = client ? processing_client_resolve (client, cli_idempotency_key (&cli),
        cli.positional [0], approve ? MOTCUA__V1__OUTCOME__OUTCOME_APPROVED : MOTCUA__V1__OUTCOME__OUTCOME_REJECTED,
        cli_option (&cli, "reason")) : NULL;
    return cmd_processing_finish (&cli, client, reply);
}

int
cmd_counter_return (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua counter return CODE");
    }
    client_t *client = cli_client (&cli, "processing", "counter");
    processing_reply_t *reply = client ? processing_client_return (client, cli_idempotency_key (&cli),
                                                                   cli.positional [0]) : NULL;
    return cmd_processing_finish (&cli, client, reply);
}

int
cmd_desk_supplement (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "missing,reason,idempotency-key", ""))
        return EXIT_USAGE;
    const char *missing [50];
    int n_missing = cli_options (&cli, "missing", missing, 50);
    if (cli.n_positional != 1 || n_missing == 0) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua desk supplement CODE --missing ITEM [--missing ITEM …] [--reason TEXT]");
    }
    client_t *client = cli_client (&cli, "processing", "desk");
    processing_reply_t *reply = client ? processing_client_request_supplement (client, cli_idempotency_key (&cli),
        cli.positional [0], (char **) missing, (size_t) n_missing, cli_option (&cli, "reason")) : NULL;
    return cmd_processing_finish (&cli, client, reply);
}

int
cmd_desk_delay (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "new-due,reason,idempotency-key", ""))
        return EXIT_USAGE;
    int64_t new_due = 0;
    const char *text = cli_option (&cli, "new-due");
    if (cli.n_positional != 1 || !text || cli_local_time (text, 17 * 60, &new_due)) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua desk delay CODE --new-due YYYY-MM-DD[THH:MM] --reason TEXT");
    }
    client_t *client = cli_client (&cli, "processing", "desk");
    processing_reply_t *reply = client ? processing_client_delay_letter (client, cli_idempotency_key (&cli),
        cli.positional [0], new_due, cli_option (&cli, "reason")) : NULL;
    return cmd_processing_finish (&cli, client, reply);
}
