/*  health — `motcua health [SERVICE]`: each service's version, uptime,
    database and outbox, as the dashboard asks it.                          */
#include <czmq.h>
#include "cli_services.h"

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

static int
s_health (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    Motcua__V1__HealthRequest ask = MOTCUA__V1__HEALTH_REQUEST__INIT;
    int rc = cli_service_each (&cli, "health", &ask.base, s_show_health, true);
    cli_cleanup (&cli);
    return rc;
}

static const cli_command_t s_commands [] = {
    { NULL, s_health, "health [SERVICE]                  version, uptime, database, outbox" },
};
const cli_word_t cmd_health = CLI_WORD ("health", s_commands);
