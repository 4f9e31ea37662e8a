/*  cmd_steps — the internal process at the desk and the counter:
    `motcua desk handover CODE --to DIVISION` (a line of the process control
    sheet), `motcua desk attach CODE --document REF --sha256 HEX | --physical
    KIND` (the result), `motcua counter route CODE` (sent on from the
    receiving centre to the competent body).                                */
#include <czmq.h>
#include "work_item.h"

int
cmd_desk_handover (int argc, char **argv)
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
    return cmd_processing_finish (&cli, client, reply);
}

int
cmd_desk_attach (int argc, char **argv)
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
    return cmd_processing_finish (&cli, client, reply);
}

int
cmd_counter_route (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "idempotency-key", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua counter route CODE");
    }
    client_t *client = cli_client (&cli, "processing", "counter");
    processing_reply_t *reply = client ? processing_client_route (client, cli_idempotency_key (&cli),
                                                                  cli.positional [0]) : NULL;
    return cmd_processing_finish (&cli, client, reply);
}
