/*  client — typed calls to one service's api. See client.h.                */
#include <czmq.h>
#include "client.h"
#include "keystore.h"
#include "log.h"
#include "rpc.h"

struct client_t {
    zcert_t *cert;          //  owned when loaded here
    bool owns_cert;
    rpc_client_t *rpc;
    char service [32];      //  stamped on every request (its `service` field)
};

static client_t *
s_new (const config_t *config, const char *service, zcert_t *cert, bool owns)
{
    char endpoint [128], server_name [64], server_key [41];
    snprintf (server_name, sizeof server_name, "service-%s", service);
    if (keystore_public_key (config->var_dir, server_name, server_key)) {
        log_error ("no public key for %s under %s/certs (is the suite set up? `make up`)",
                   server_name, config->var_dir);
        if (owns)
            zcert_destroy (&cert);
        return NULL;
    }
    client_t *self = (client_t *) zmalloc (sizeof (client_t));
    self->cert = cert;
    self->owns_cert = owns;
    snprintf (self->service, sizeof self->service, "%s", service);
    self->rpc = rpc_client_new (config_endpoint (config, service, "api", endpoint, sizeof endpoint),
                                cert, server_key);
    if (!self->rpc)
        client_destroy (&self);
    return self;
}

client_t *
client_new (const config_t *config, const char *service, const char *identity)
{
    zcert_t *cert = keystore_load (config->var_dir, identity);
    return cert ? s_new (config, service, cert, true) : NULL;
}

client_t *
client_new_with_cert (const config_t *config, const char *service, void *zcert)
{
    return s_new (config, service, (zcert_t *) zcert, false);
}

void
client_destroy (client_t **self_p)
{
    client_t *self = *self_p;
    if (self) {
        rpc_client_destroy (&self->rpc);
        if (self->owns_cert)
            zcert_destroy (&self->cert);
        free (self);
        *self_p = NULL;
    }
}

void
client_set_timeout (client_t *self, int timeout_ms, int tries)
{
    rpc_client_set_timeout (self->rpc, timeout_ms, tries);
}

ProtobufCMessage *
client_call (client_t *self, ProtobufCMessage *request, char **request_id,
             const ProtobufCMessageDescriptor *reply_type)
{
    char id [40];
    rpc_new_id (id, sizeof id);
    char *previous = *request_id;
    *request_id = id;
    //  The envelope names the service it is for (every Request's field 2).
    const ProtobufCFieldDescriptor *service_field =
        protobuf_c_message_descriptor_get_field_by_name (request->descriptor, "service");
    char **service = service_field ? (char **) ((char *) request + service_field->offset) : NULL;
    char *previous_service = service ? *service : NULL;
    if (service)
        *service = self->service;
    size_t size = protobuf_c_message_get_packed_size (request);
    uint8_t *data = (uint8_t *) malloc (size ? size : 1);
    protobuf_c_message_pack (request, data);
    *request_id = previous;
    if (service)
        *service = previous_service;
    zframe_t *frame = NULL;
    int rc = rpc_client_call (self->rpc, data, size, id, &frame);
    free (data);
    if (rc)
        return NULL;
    ProtobufCMessage *reply = protobuf_c_message_unpack (reply_type, NULL,
                                                         zframe_size (frame), zframe_data (frame));
    zframe_destroy (&frame);
    return reply;
}

ProtobufCMessage *
client_call_shared (client_t *self, const ProtobufCMessageDescriptor *request_type,
                    const ProtobufCMessageDescriptor *reply_type, const char *operation,
                    ProtobufCMessage *body)
{
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (request_type, operation);
    const ProtobufCFieldDescriptor *id_field = protobuf_c_message_descriptor_get_field_by_name (request_type, "request_id");
    if (!field || !id_field)
        return NULL;
    ProtobufCMessage *request = (ProtobufCMessage *) calloc (1, request_type->sizeof_message);
    request_type->message_init (request);
    *(ProtobufCMessage **) ((char *) request + field->offset) = body;
    *(uint32_t *) ((char *) request + field->quantifier_offset) = field->id;
    ProtobufCMessage *reply = client_call (self, request, (char **) ((char *) request + id_field->offset), reply_type);
    free (request);
    return reply;
}

ProtobufCMessage *
client_reply_body (const ProtobufCMessage *reply, const char *name)
{
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (reply->descriptor, name);
    if (!field || *(const uint32_t *) ((const char *) reply + field->quantifier_offset) != field->id)
        return NULL;
    return *(ProtobufCMessage *const *) ((const char *) reply + field->offset);
}
