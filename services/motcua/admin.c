/*  cmd_admin — the operator's view of every service: `motcua health`,
    `motcua admin deliveries|replay`, `motcua audit CODE`, and
    `motcua admin certs` (development keys and their grants).               */
#include <czmq.h>
#include "cli.h"
#include "grants.h"
#include "json.h"
#include "keystore.h"
#include "vntime.h"

//  Ask one service for a shared operation; returns the reply or NULL.
static ProtobufCMessage *
s_ask (cli_t *cli, const cli_service_t *service, const char *identity, const char *operation,
       ProtobufCMessage *body, client_t **client)
{
    *client = cli_client (cli, service->name, identity);
    if (*client && streq (operation, "health") && !getenv ("MOTCUA_TIMEOUT_MS"))
        client_set_timeout (*client, 1000, 1);
    return *client ? client_call_shared (*client, service->request_type, service->reply_type,
                                         operation, body) : NULL;
}

//  What a per-service command shows of one service's answer (reply NULL:
//  none), as text or as an object in json's array. The exit code for it.
typedef int (s_show_fn) (cli_t *cli, const cli_service_t *service, ProtobufCMessage *reply, json_t *json);

//  Ask every service (or the one named on the command line) for operation
//  with body, as the dashboard, and show each answer; with --json, the
//  answers are one array. After a failure, go on only if go_on. The exit
//  code: the last failure's, or 0.
static int
s_each_service (cli_t *cli, const char *operation, ProtobufCMessage *body, s_show_fn *show, bool go_on)
{
    json_t json;
    if (cli->json) {
        json_begin (&json, stdout);
        json_array (&json, NULL);
    }
    int rc = 0;
    for (int i = 0; i < CLI_SERVICE_COUNT && (go_on || rc == 0); i++) {
        const cli_service_t *service = &cli_services [i];
        if (cli->n_positional && !streq (cli->positional [0], service->name))
            continue;
        client_t *client;
        ProtobufCMessage *reply = s_ask (cli, service, "dashboard", operation, body, &client);
        int shown = show (cli, service, reply, &json);
        if (shown)
            rc = shown;
        if (reply)
            protobuf_c_message_free_unpacked (reply, NULL);
        client_destroy (&client);
    }
    if (cli->json) {
        json_end_array (&json);
        json_finish (&json);
    }
    return rc;
}

static int
s_show_health (cli_t *cli, const cli_service_t *service, ProtobufCMessage *reply, json_t *json)
{
    Motcua__V1__Health *health = reply ? (Motcua__V1__Health *) client_reply_body (reply, "health") : NULL;
    if (cli->json) {
        json_object (json, NULL);
        json_string (json, "service", service->name);
        json_bool (json, "answered", health != NULL);
        if (health) {
            json_string (json, "version", health->version);
            json_int (json, "uptime_ms", health->uptime_ms);
            json_string (json, "db_state", health->db_state);
            json_int (json, "outbox_backlog", health->outbox_backlog);
            json_int (json, "dead_letters", health->dead_letters);
        }
        json_end_object (json);
    }
    else
    if (health)
        printf ("%-11s up  %s  uptime %llds  database %s  outbox backlog %lld  dead %lld\n",
                service->name, health->version, (long long) (health->uptime_ms / 1000), health->db_state,
                (long long) health->outbox_backlog, (long long) health->dead_letters);
    else
        printf ("%-11s no answer\n", service->name);
    return health ? 0 : EXIT_NO_ANSWER;
}

int
cmd_health (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    Motcua__V1__HealthRequest ask = MOTCUA__V1__HEALTH_REQUEST__INIT;
    int rc = s_each_service (&cli, "health", &ask.base, s_show_health, true);
    cli_cleanup (&cli);
    return rc;
}

int
cmd_admin_replay (int argc, char **argv)
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
    ProtobufCMessage *reply = s_ask (&cli, service, "admin", "replay_dead", &ask.base, &client);
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

int
cmd_admin_deliveries (int argc, char **argv)
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
    int rc = s_each_service (&cli, "deliveries", &ask.base, s_show_deliveries, false);
    cli_cleanup (&cli);
    return rc;
}

static int
s_by_time (const void *a, const void *b)
{
    const Motcua__V1__AuditEntry *x = *(Motcua__V1__AuditEntry *const *) a;
    const Motcua__V1__AuditEntry *y = *(Motcua__V1__AuditEntry *const *) b;
    return x->at < y->at ? -1 : x->at > y->at;
}

int
cmd_audit (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua audit CODE");
    }
    ProtobufCMessage *replies [CLI_SERVICE_COUNT] = { 0 };
    Motcua__V1__AuditEntry *entries [4096];
    size_t count = 0;
    int rc = 0;
    for (int i = 0; i < CLI_SERVICE_COUNT && rc == 0; i++) {
        Motcua__V1__AuditRequest ask = MOTCUA__V1__AUDIT_REQUEST__INIT;
        ask.dossier_code = (char *) cli.positional [0];
        client_t *client;
        replies [i] = s_ask (&cli, &cli_services [i], "dashboard", "audit", &ask.base, &client);
        client_destroy (&client);
        rc = cli_outcome (&cli, cli_services [i].name, replies [i]);
        Motcua__V1__AuditTrail *trail = rc ? NULL : (Motcua__V1__AuditTrail *) client_reply_body (replies [i], "audit");
        for (size_t e = 0; trail && e < trail->n_entries && count < 4096; e++)
            entries [count++] = trail->entries [e];
    }
    qsort (entries, count, sizeof entries [0], s_by_time);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t e = 0; e < count; e++) {
            json_object (&json, NULL);
            json_time (&json, "at", entries [e]->at);
            json_string (&json, "service", entries [e]->service);
            json_string (&json, "principal", entries [e]->principal);
            json_string (&json, "role", entries [e]->role);
            json_string (&json, "action", entries [e]->action);
            json_string (&json, "key", entries [e]->dossier_code);     //  the code, or a slip or record of it
            json_string (&json, "old", entries [e]->old_value);
            json_string (&json, "new", entries [e]->new_value);
            json_end_object (&json);
        }
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        printf ("NHẬT KÝ THAO TÁC — hồ sơ %s\n", cli.positional [0]);
        for (size_t e = 0; e < count; e++) {
            char at [40];
            printf ("%s  ", vn_format_iso (entries [e]->at, at, sizeof at));
            cli_pad (entries [e]->service, 10);
            cli_pad (entries [e]->principal, 12);
            cli_pad (entries [e]->action, 16);
            if (!streq (entries [e]->dossier_code, cli.positional [0]))
                printf ("[%s] ", entries [e]->dossier_code);     //  kept under its slip or record
            printf ("%s%s%s\n", entries [e]->old_value, *entries [e]->old_value ? " → " : "",
                    entries [e]->new_value);
        }
    }
    for (int i = 0; i < CLI_SERVICE_COUNT; i++)
        if (replies [i])
            protobuf_c_message_free_unpacked (replies [i], NULL);
    cli_cleanup (&cli);
    return rc;
}

int
cmd_admin_certs (int argc, char **argv)
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
