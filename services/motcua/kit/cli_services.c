/*  cli_services — the four services, asked alike. See cli_services.h.      */
#include <czmq.h>
#include "cli_services.h"
#include "motcua/v1/intake.pb-c.h"
#include "motcua/v1/processing.pb-c.h"
#include "motcua/v1/postal.pb-c.h"
#include "motcua/v1/reporting.pb-c.h"

const cli_service_t cli_services [CLI_SERVICE_COUNT] = {
    { "intake", &motcua__v1__intake_request__descriptor, &motcua__v1__intake_reply__descriptor },
    { "processing", &motcua__v1__processing_request__descriptor, &motcua__v1__processing_reply__descriptor },
    { "postal", &motcua__v1__postal_request__descriptor, &motcua__v1__postal_reply__descriptor },
    { "reporting", &motcua__v1__reporting_request__descriptor, &motcua__v1__reporting_reply__descriptor },
};

const cli_service_t *
cli_service (const char *name)
{
    for (int i = 0; i < CLI_SERVICE_COUNT; i++)
        if (name && streq (cli_services [i].name, name))
            return &cli_services [i];
    return NULL;
}

ProtobufCMessage *
cli_service_ask (cli_t *cli, const cli_service_t *service, const char *identity, const char *operation,
                 ProtobufCMessage *body, client_t **client)
{
    *client = cli_client (cli, service->name, identity);
    if (*client && streq (operation, "health") && !getenv ("MOTCUA_TIMEOUT_MS"))
        client_set_timeout (*client, 1000, 1);
    return *client ? client_call_shared (*client, service->request_type, service->reply_type,
                                         operation, body) : NULL;
}

int
cli_service_each (cli_t *cli, const char *operation, ProtobufCMessage *body, cli_service_show_fn *show,
                  bool go_on)
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
        ProtobufCMessage *reply = cli_service_ask (cli, service, "dashboard", operation, body, &client);
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
