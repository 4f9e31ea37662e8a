/*  cmd_admin — `motcua health`, `motcua admin certs`, `motcua admin replay-dead`. */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "keystore.h"
#include "intake_client.h"
#include "processing_client.h"
#include "postal_client.h"
#include "reporting_client.h"

static const char *s_services [] = { "intake", "processing", "postal", "reporting" };

//  Ask one service for its health. Returns the reply message (free with
//  protobuf_c_message_free_unpacked) and points *health into it, or NULL.
static ProtobufCMessage *
s_health (client_t *client, const char *service, Motcua__V1__Health **health, Motcua__V1__Error **error)
{
    *health = NULL;
    *error = NULL;
    if (streq (service, "intake")) {
        intake_reply_t *r = intake_client_health (client);
        if (r) { *health = r->health; *error = r->error; }
        return r ? &r->base : NULL;
    }
    if (streq (service, "processing")) {
        processing_reply_t *r = processing_client_health (client);
        if (r) { *health = r->health; *error = r->error; }
        return r ? &r->base : NULL;
    }
    if (streq (service, "postal")) {
        postal_reply_t *r = postal_client_health (client);
        if (r) { *health = r->health; *error = r->error; }
        return r ? &r->base : NULL;
    }
    reporting_reply_t *r = reporting_client_health (client);
    if (r) { *health = r->health; *error = r->error; }
    return r ? &r->base : NULL;
}

int
cmd_health (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    json_t json;
    if (cli.json) {
        json_begin (&json, stdout);
        json_array (&json, NULL);
    }
    int rc = 0;
    for (int i = 0; i < 4; i++) {
        const char *service = s_services [i];
        if (cli.n_positional && !streq (cli.positional [0], service))
            continue;
        client_t *client = cli_client (&cli, service, "dashboard");
        if (client && !getenv ("MOTCUA_TIMEOUT_MS"))
            client_set_timeout (client, 1000, 1);
        Motcua__V1__Health *health = NULL;
        Motcua__V1__Error *error = NULL;
        ProtobufCMessage *reply = client ? s_health (client, service, &health, &error) : NULL;
        if (!health)
            rc = EXIT_NO_ANSWER;
        if (cli.json) {
            json_object (&json, NULL);
            json_string (&json, "service", service);
            json_bool (&json, "answered", health != NULL);
            if (health) {
                json_string (&json, "version", health->version);
                json_int (&json, "uptime_ms", health->uptime_ms);
                json_string (&json, "db_state", health->db_state);
                json_int (&json, "outbox_backlog", health->outbox_backlog);
                json_int (&json, "dead_letters", health->dead_letters);
            }
            json_end_object (&json);
        }
        else
        if (health)
            printf ("%-11s up  %s  uptime %llds  database %s  outbox backlog %lld  dead %lld\n",
                    service, health->version, (long long) (health->uptime_ms / 1000), health->db_state,
                    (long long) health->outbox_backlog, (long long) health->dead_letters);
        else
            printf ("%-11s no answer\n", service);
        if (reply)
            protobuf_c_message_free_unpacked (reply, NULL);
        client_destroy (&client);
    }
    if (cli.json) {
        json_end_array (&json);
        json_finish (&json);
    }
    cli_cleanup (&cli);
    return rc;
}

int
cmd_admin_certs (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    static const char *parties [][2] = {
        { "service-intake", "service" }, { "service-processing", "service" },
        { "service-postal", "service" }, { "service-reporting", "service" },
        { "counter", "counter" }, { "desk", "desk" }, { "postal", "postal" },
        { "dashboard", "dashboard" }, { "admin", "admin" },
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof parties / sizeof parties [0]; i++)
        if (keystore_ensure (cli.config->var_dir, parties [i][0], parties [i][1])) {
            fprintf (stderr, "motcua: cannot write the certificate of %s under %s/certs\n",
                     parties [i][0], cli.config->var_dir);
            rc = 1;
        }
    if (!rc && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_object (&json, NULL);
        json_string (&json, "certs", cli.config->var_dir);
        json_array (&json, "parties");
        for (size_t i = 0; i < sizeof parties / sizeof parties [0]; i++)
            json_string (&json, NULL, parties [i][0]);
        json_end_array (&json);
        json_end_object (&json);
        json_finish (&json);
    }
    else
    if (!rc)
        printf ("certificates ready under %s/certs (keys/: key pairs, allowed/: admitted public keys)\n",
                cli.config->var_dir);
    cli_cleanup (&cli);
    return rc;
}

int
cmd_admin_replay (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    const char *service = cli.n_positional == 1 ? cli.positional [0] : "";
    if (!streq (service, "intake") && !streq (service, "processing") && !streq (service, "postal")) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua admin replay-dead intake|processing|postal");
    }
    client_t *client = cli_client (&cli, service, "admin");
    ProtobufCMessage *reply = NULL;
    Motcua__V1__ReplayDeadResult *result = NULL;
    if (client && streq (service, "intake")) {
        intake_reply_t *r = intake_client_replay_dead (client);
        if (r) { reply = &r->base; result = r->replayed; }
    }
    else
    if (client && streq (service, "processing")) {
        processing_reply_t *r = processing_client_replay_dead (client);
        if (r) { reply = &r->base; result = r->replayed; }
    }
    else
    if (client) {
        postal_reply_t *r = postal_client_replay_dead (client);
        if (r) { reply = &r->base; result = r->replayed; }
    }
    int rc = cli_outcome (&cli, service, reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_object (&json, NULL);
        json_string (&json, "service", service);
        json_int (&json, "replayed", result->replayed);
        json_end_object (&json);
        json_finish (&json);
    }
    else
    if (rc == 0)
        printf ("%s: %lld dead deliveries put back in the queue\n", service, (long long) result->replayed);
    return cli_done (&cli, &client, reply, rc);
}
