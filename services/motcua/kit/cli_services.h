/*  cli_services — the suite's four services and their message types, and
    asking them for the operations every service answers alike
    (client_call_shared: health, deliveries, replay_dead, audit), for
    `motcua health`, `motcua audit` and `motcua admin deliveries|replay`.  */
#ifndef CLI_SERVICES_H
#define CLI_SERVICES_H
#include "cli.h"
#include "json.h"

typedef struct {
    const char *name;
    const ProtobufCMessageDescriptor *request_type;
    const ProtobufCMessageDescriptor *reply_type;
} cli_service_t;
#define CLI_SERVICE_COUNT 4
extern const cli_service_t cli_services [CLI_SERVICE_COUNT];
const cli_service_t *cli_service (const char *name);       //  NULL if unknown

//  Ask one service for a shared operation as identity (unless --as); *client
//  is the caller's to destroy. The reply (caller frees), or NULL.
ProtobufCMessage *cli_service_ask (cli_t *cli, const cli_service_t *service, const char *identity,
                                   const char *operation, ProtobufCMessage *body, client_t **client);

//  What a per-service command shows of one service's answer (reply NULL:
//  none), as text or as an object in json's array. The exit code for it.
typedef int (cli_service_show_fn) (cli_t *cli, const cli_service_t *service, ProtobufCMessage *reply,
                                   json_t *json);

//  Ask every service (or the one named on the command line) for operation
//  with body, as the dashboard, and show each answer; with --json, the
//  answers are one array. After a failure, go on only if go_on. The exit
//  code: the last failure's, or 0.
int cli_service_each (cli_t *cli, const char *operation, ProtobufCMessage *body,
                      cli_service_show_fn *show, bool go_on);

#endif
