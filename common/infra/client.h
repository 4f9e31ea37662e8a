/*  client — the shared half of every service's client library: a CURVE DEALER
    to one service's `api`, keys found under the var folder, and one typed
    call that stamps a fresh request id, packs, waits (Lazy Pirate) and
    unpacks the reply. services/<svc>/<svc>_client.c adds the typed verbs.  */
#ifndef CLIENT_H
#define CLIENT_H
#include <protobuf-c/protobuf-c.h>
#include "config.h"

typedef struct client_t client_t;

//  identity: the certificate name to speak as (counter, desk, postal,
//  dashboard, admin, service-…). NULL (and a log line) if keys are missing.
client_t *client_new (const config_t *config, const char *service, const char *identity);
//  The same with an explicit key pair (borrowed), e.g. one never admitted.
client_t *client_new_with_cert (const config_t *config, const char *service, void *zcert);
void      client_destroy (client_t **self_p);
void      client_set_timeout (client_t *self, int timeout_ms, int tries);

//  Stamp *request_id with a fresh id and the request's `service` with the
//  service this client speaks to, send request, return the unpacked
//  reply (caller frees with protobuf_c_message_free_unpacked), or NULL if no
//  answer came or it was unreadable.
ProtobufCMessage *client_call (client_t *self, ProtobufCMessage *request, char **request_id,
                               const ProtobufCMessageDescriptor *reply_type);

//  The operations every service answers alike (health, audit, deliveries,
//  replay_dead), called by name through protobuf reflection: build a
//  request_type message whose oneof member `operation` is body (borrowed),
//  call, and return the reply (caller frees) or NULL.
ProtobufCMessage *client_call_shared (client_t *self, const ProtobufCMessageDescriptor *request_type,
                                      const ProtobufCMessageDescriptor *reply_type,
                                      const char *operation, ProtobufCMessage *body);

//  The reply's oneof member `name` (borrowed from reply), or NULL.
ProtobufCMessage *client_reply_body (const ProtobufCMessage *reply, const char *name);

#endif
