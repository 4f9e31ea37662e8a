/*  admin — `motcua admin …`, the operator's commands: certs (development
    keys and their grants), deliveries and replay (the outboxes of every
    service). The rest of the word lives with what it acts on: the keys and
    grants in admin_keys.c, the declared days in calendar_days.c (admin.h). */
#include <czmq.h>
#include "admin.h"
#include "cli_services.h"
#include "grants.h"
#include "json.h"
#include "keystore.h"

static int
s_replay (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    const cli_service_t *service = cli.n_positional == 1 ? cli_service (cli.positional [0]) : NULL;
    if (!service) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua admin replay intake|processing|postal|reporting");
    }
    Motcua__V1__ReplayDeadRequest ask = MOTCUA__V1__REPLAY_DEAD_REQUEST__INIT;
    client_t *client;
    ProtobufCMessage *reply = cli_service_ask (&cli, service, "admin", "replay_dead", &ask.base, &client);
    int rc = cli_outcome (&cli, service->name, reply);
    Motcua__V1__ReplayDeadResult *result = rc ? NULL : (Motcua__V1__ReplayDeadResult *) client_reply_body (reply, "replayed");
    if (result && cli.json) {
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "service", service->name);
        json_int (&json, "replayed", result->replayed);
        json_end_document (&json);
    }
    else
    if (result)
        printf ("%s: %lld dead deliveries put back in the queue\n", service->name, (long long) result->replayed);
    return cli_done (&cli, &client, reply, rc);
}

static int
s_show_deliveries (cli_t *cli, const cli_service_t *service, ProtobufCMessage *reply, json_t *json)
{
    int rc = cli_outcome (cli, service->name, reply);
    Motcua__V1__DeliveryList *list = rc ? NULL : (Motcua__V1__DeliveryList *) client_reply_body (reply, "deliveries");
    for (size_t d = 0; list && d < list->n_deliveries; d++) {
        Motcua__V1__Delivery *x = list->deliveries [d];
        if (cli->json) {
            json_object (json, NULL);
            json_string (json, "service", service->name);
            json_string (json, "event_id", x->event_id);
            json_string (json, "event_type", x->event_type);
            json_string (json, "dossier_code", x->dossier_code);
            json_string (json, "subscriber", x->subscriber);
            json_string (json, "state", x->state);
            json_int (json, "attempts", x->attempts);
            json_time (json, "next_attempt_at", x->next_attempt_at);
            json_string (json, "last_error", x->last_error);
            json_end_object (json);
        }
        else {
            char attempts [16];
            snprintf (attempts, sizeof attempts, "%d", x->attempts);
            cli_pad (service->name, 10);
            cli_pad (x->state, 10);
            cli_pad (attempts, 7);
            cli_pad (x->event_type, 18);
            cli_pad (x->dossier_code, 20);
            cli_pad (x->subscriber, 10);
            printf ("%s\n", x->last_error);
        }
    }
    return rc;
}

static int
s_deliveries (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "state", ""))
        return EXIT_USAGE;
    if (!cli.json) {
        cli_pad ("Dịch vụ", 10);
        cli_pad ("Trạng thái", 10);
        cli_pad ("Lần gửi", 7);
        cli_pad ("Sự kiện", 18);
        cli_pad ("Mã hồ sơ", 20);
        cli_pad ("Nơi nhận", 10);
        printf ("Lỗi gần nhất\n");
    }
    Motcua__V1__DeliveriesRequest ask = MOTCUA__V1__DELIVERIES_REQUEST__INIT;
    ask.state = (char *) cli_option_or (&cli, "state", "");
    int rc = cli_service_each (&cli, "deliveries", &ask.base, s_show_deliveries, false);
    cli_cleanup (&cli);
    return rc;
}

static int
s_certs (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    //  Development parties: each role once; the desk works for the department.
    static const char *parties [][3] = {
        { "service-intake", "service", "" }, { "service-processing", "service", "" },
        { "service-postal", "service", "" }, { "service-reporting", "service", "" },
        { "counter", "counter", "" }, { "desk", "desk", "H27.22" }, { "postal", "postal", "" },
        { "dashboard", "dashboard", "" }, { "admin", "admin", "" },
    };
    db_t *db = cli_db (&cli);
    int rc = db ? 0 : EXIT_NO_ANSWER;
    for (size_t i = 0; rc == 0 && i < sizeof parties / sizeof parties [0]; i++) {
        char key [41];
        if (keystore_ensure (cli.config->var_dir, parties [i][0], parties [i][1])
        ||  keystore_public_key (cli.config->var_dir, parties [i][0], key)
        ||  grants_ensure (db, key, parties [i][0], parties [i][1], parties [i][2], NULL)) {
            fprintf (stderr, "motcua: cannot set up the key of %s under %s/certs (%s)\n",
                     parties [i][0], cli.config->var_dir, db_error (db));
            rc = 1;
        }
    }
    if (!rc && cli.json) {
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "certs", cli.config->var_dir);
        json_array (&json, "parties");
        for (size_t i = 0; i < sizeof parties / sizeof parties [0]; i++)
            json_string (&json, NULL, parties [i][0]);
        json_end_array (&json);
        json_end_document (&json);
    }
    else
    if (!rc)
        printf ("certificates and grants ready under %s/certs (keys/: key pairs, allowed/: admitted public keys)\n",
                cli.config->var_dir);
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

static const cli_command_t s_commands [] = {
    { "certs", s_certs, "admin certs                       create development certificates" },
    { "calendar", admin_calendar, "admin calendar add DATE dayoff|workday [REASON] | remove DATE | import FILE…" },
    { "deliveries", s_deliveries, "admin deliveries [SERVICE] [--state pending|dead|done]" },
    { "replay", s_replay, "admin replay SERVICE              send deliveries parked as dead again" },
    { "grant", admin_grant, "admin grant NAME --role R [--agency A] [--procedures C,C] [--public-key K]" },
    { "revoke", admin_revoke, "admin revoke NAME                 the key is refused from now on" },
    { "rotate", admin_rotate, "admin rotate NAME                 a new key pair with the same grant" },
    { "keys", admin_keys, "admin keys [--all]                who may speak to the suite" },
};
const cli_word_t cmd_admin = CLI_WORD ("admin", s_commands);
