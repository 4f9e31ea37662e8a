/*  fuzz — what the libFuzzer targets in this folder share: a check that
    aborts (so libFuzzer keeps the input) when a property does not hold; a
    walk that reads every string of a decoded message; the operations every
    service answers alike; and the echo check every request target runs: a
    reply carrying the request's id and an error, packed as the servers pack
    it, must give that id back through rpc_peek_field1, the client's way of
    matching replies.                                                       */
#ifndef FUZZ_H
#define FUZZ_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <protobuf-c/protobuf-c.h>
#include "api.h"
#include "rpc.h"

#define FUZZ_ASSERT(cond) do { if (!(cond)) { \
    fprintf (stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #cond); \
    abort (); } } while (0)

//  Read every string (and bytes) field the message holds, at any depth, as a
//  handler reading any of them would, and check each string as UTF-8. Driven
//  by the descriptor, so fields added to the .proto files are walked too.
static inline void
fuzz_walk (const ProtobufCMessage *message)
{
    const ProtobufCMessageDescriptor *type = message->descriptor;
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        const char *member = (const char *) message + field->offset;
        const char *quantifier = (const char *) message + field->quantifier_offset;
        if ((field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && *(const uint32_t *) quantifier != field->id)
            continue;           //  not the oneof's chosen member
        size_t count = 1;
        const char *values = member;
        if (field->label == PROTOBUF_C_LABEL_REPEATED) {
            count = *(const size_t *) quantifier;
            values = *(const char * const *) member;
        }
        for (size_t j = 0; j < count; j++) {
            if (field->type == PROTOBUF_C_TYPE_STRING) {
                const char *text = ((const char * const *) values) [j];
                FUZZ_ASSERT (text);
                api_utf8_valid (text);
            }
            else
            if (field->type == PROTOBUF_C_TYPE_BYTES) {
                const ProtobufCBinaryData *bytes = &((const ProtobufCBinaryData *) values) [j];
                //  Read it end to end (the last byte is always found).
                FUZZ_ASSERT (bytes->len == 0 || memchr (bytes->data, bytes->data [bytes->len - 1], bytes->len));
            }
            else
            if (field->type == PROTOBUF_C_TYPE_MESSAGE) {
                const ProtobufCMessage *sub = ((const ProtobufCMessage * const *) values) [j];
                //  A chosen oneof member and a list element are always there.
                FUZZ_ASSERT (sub || (field->label != PROTOBUF_C_LABEL_REPEATED
                                     && !(field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)));
                if (sub)
                    fuzz_walk (sub);
            }
        }
    }
}

//  The request's oneof member `name` if it is the chosen one, else NULL.
static inline const ProtobufCMessage *
fuzz_chosen (const ProtobufCMessage *request, const char *name)
{
    const ProtobufCFieldDescriptor *field =
        protobuf_c_message_descriptor_get_field_by_name (request->descriptor, name);
    if (!field || !(field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
    ||  *(const uint32_t *) ((const char *) request + field->quantifier_offset) != field->id)
        return NULL;
    return *(const ProtobufCMessage * const *) ((const char *) request + field->offset);
}

//  The operations every service answers alike (service.c, s_handle_shared),
//  with the same text limits. True if the request is one of them.
static inline bool
fuzz_shared (const ProtobufCMessage *request, api_error_t *error)
{
    const ProtobufCMessage *body;
    if ((body = fuzz_chosen (request, "audit"))) {
        const Motcua__V1__AuditRequest *audit = (const Motcua__V1__AuditRequest *) body;
        api_check_text (error, "dossier_code", audit->dossier_code, 64, true);
        return true;
    }
    if ((body = fuzz_chosen (request, "deliveries"))) {
        const Motcua__V1__DeliveriesRequest *deliveries = (const Motcua__V1__DeliveriesRequest *) body;
        api_check_text (error, "state", deliveries->state, 16, false);
        return true;
    }
    return fuzz_chosen (request, "health") || fuzz_chosen (request, "replay_dead");
}

//  The envelope as service.c reads it before decoding: rpc_peek_string
//  runs on any bytes (a request for another service may not decode), and
//  on a request that decodes it finds the very `service` the decoder
//  took (field 2, its last occurrence). request may be NULL.
static inline void
fuzz_check_envelope (const uint8_t *data, size_t size, const ProtobufCMessage *request)
{
    char *peeked = (char *) malloc (64);    //  exactly 64 bytes: a write past it is caught
    int found = rpc_peek_string (data, size, 2, peeked, 64);
    FUZZ_ASSERT (found >= -1 && found <= 1 && (found == 1 || !*peeked));
    if (request) {
        const ProtobufCFieldDescriptor *field =
            protobuf_c_message_descriptor_get_field_by_name (request->descriptor, "service");
        FUZZ_ASSERT (field && field->id == 2 && field->type == PROTOBUF_C_TYPE_STRING);
        const char *service = *(const char * const *) ((const char *) request + field->offset);
        if (found == 1)
            FUZZ_ASSERT (strcmp (peeked, service) == 0);
        if (found == 0)
            FUZZ_ASSERT (!*service);
    }
    free (peeked);
}

//  An error as a server hands it back: a code, a named field, a message a
//  clerk can read (valid UTF-8, NUL-terminated within its buffers).
static inline void
fuzz_check_error (const api_error_t *error)
{
    FUZZ_ASSERT (memchr (error->field, 0, sizeof error->field));
    FUZZ_ASSERT (memchr (error->message, 0, sizeof error->message));
    if (error->code) {
        FUZZ_ASSERT (*error->field && *error->message);
        FUZZ_ASSERT (api_utf8_valid (error->message));
    }
}

//  Pack a reply_type echoing request_id (with error, if set), then peek it
//  back the way rpc_client_call does, into a buffer of exactly 64 bytes on
//  the heap so that any write past it is caught.
static inline void
fuzz_check_echo (const ProtobufCMessageDescriptor *reply_type, const char *request_id,
                 const api_error_t *error)
{
    ProtobufCMessage *reply = (ProtobufCMessage *) calloc (1, reply_type->sizeof_message);
    reply_type->message_init (reply);
    const ProtobufCFieldDescriptor *id_field =
        protobuf_c_message_descriptor_get_field_by_name (reply_type, "request_id");
    const ProtobufCFieldDescriptor *error_field =
        protobuf_c_message_descriptor_get_field_by_name (reply_type, "error");
    FUZZ_ASSERT (id_field && id_field->id == 1 && error_field);
    Motcua__V1__Error error_pb = MOTCUA__V1__ERROR__INIT;
    *(const char **) ((char *) reply + id_field->offset) = request_id;
    if (error->code) {
        api_error_to_pb (error, &error_pb);
        *(Motcua__V1__Error **) ((char *) reply + error_field->offset) = &error_pb;
    }
    size_t size = protobuf_c_message_get_packed_size (reply);
    uint8_t *packed = (uint8_t *) malloc (size ? size : 1);
    FUZZ_ASSERT (protobuf_c_message_pack (reply, packed) == size);

    char *id = (char *) malloc (64);
    bool found = rpc_peek_field1 (packed, size, id, 64);
    if (strlen (request_id) < 64)
        FUZZ_ASSERT (found && strcmp (id, request_id) == 0);
    else
        FUZZ_ASSERT (!found);
    free (id);
    free (packed);
    free (reply);
}

#endif
