/*  desk — `motcua desk …`, the desk officer's commands, as processing's
    desk: the queue waiting for a decision, the internal process (handover:
    a line of the process control sheet), the result attached (a document
    by its reference and SHA-256, or a physical one), the supplement asked
    once for all that is missing, the delay letter, and the decision.      */
#include <czmq.h>
#include "json.h"
#include "vntime.h"
#include "work_item.h"

static int
s_queue (int argc, char **argv)
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
            work_item_json (&json, reply->queue->items [i]);
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

static int
s_resolve (int argc, char **argv)
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
    return work_item_finish (&cli, client, reply);
}

static int
s_supplement (int argc, char **argv)
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
    return work_item_finish (&cli, client, reply);
}

static int
s_delay (int argc, char **argv)
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
    return work_item_finish (&cli, client, reply);
}

static int
s_handover (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "to,receiver,note,idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1 || !cli_option (&cli, "to")) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua desk handover CODE --to DIVISION [--receiver NAME] [--note TEXT]");
    }
    client_t *client = cli_client (&cli, "processing", "desk");
    processing_reply_t *reply = client ? processing_client_hand_over (client, cli_idempotency_key (&cli),
        cli.positional [0], cli_option (&cli, "to"), cli_option (&cli, "receiver"), cli_option (&cli, "note")) : NULL;
    return work_item_finish (&cli, client, reply);
}

static int
s_attach (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "document,sha256,physical,reference,note,idempotency-key", ""))
        return EXIT_USAGE;
    const char *document = cli_option (&cli, "document"), *physical = cli_option (&cli, "physical");
    if (cli.n_positional != 1 || !document == !physical) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua desk attach CODE --document REF --sha256 HEX"
                          " | --physical certificate|banner|medal [--reference NO] [--note TEXT]");
    }
    client_t *client = cli_client (&cli, "processing", "desk");
    processing_reply_t *reply = client ? processing_client_attach_result (client, cli_idempotency_key (&cli),
        cli.positional [0], document ? "document" : physical, document ? document : cli_option (&cli, "reference"),
        cli_option (&cli, "sha256"), cli_option (&cli, "note")) : NULL;
    return work_item_finish (&cli, client, reply);
}

static const cli_command_t s_commands [] = {
    { "supplement", s_supplement, "desk supplement CODE --missing ITEM … [--reason TEXT]   ask once for all that is missing" },
    { "delay", s_delay, "desk delay CODE --new-due YYYY-MM-DD[THH:MM] --reason TEXT   apology / extension" },
    { "queue", s_queue, "desk queue [--division D]         dossiers waiting for a decision" },
    { "resolve", s_resolve, "desk resolve CODE --approve|--reject [--reason TEXT]" },
    { "handover", s_handover, "desk handover CODE --to DIVISION [--receiver NAME] [--note TEXT]   next step (Mẫu 05)" },
    { "attach", s_attach, "desk attach CODE --document REF --sha256 HEX | --physical certificate|banner|medal" },
};
const cli_word_t cmd_desk = CLI_WORD ("desk", s_commands);
