/*  rpc — request/reply over CURVE-secured ZeroMQ (DESIGN §3).
    Server: a ROUTER bound with CURVE, ZAP, ZMQ_MAXMSGSIZE and ROUTER_MANDATORY;
    each request is [identity][one protobuf frame].
    Client: a DEALER with its own request ids, a timeout and bounded retries —
    the zguide's Lazy Pirate on DEALER. Every reply message of every service
    keeps `request_id` as field 1, which is how the client matches replies.   */
#ifndef RPC_H
#define RPC_H
#include <czmq.h>
#include <stdbool.h>

//  The longest request_id a service accepts (bytes of UTF-8).
#define RPC_ID_MAX 64

//  ---- server side ----
typedef struct {
    zframe_t *identity;
    zframe_t *payload;
} rpc_request_t;

//  Bind a CURVE server ROUTER. max_bytes is ZMQ_MAXMSGSIZE. NULL on failure.
zsock_t *rpc_server_bind (const char *endpoint, zcert_t *cert, size_t max_bytes);

//  Read one request. 0 with both frames set, or -1 (nothing or malformed,
//  already discarded).
int      rpc_server_recv (zsock_t *router, rpc_request_t *request);

//  Send a reply to the request's peer and release the request's frames.
//  A vanished peer is logged, not fatal (ROUTER_MANDATORY).
int      rpc_server_reply (zsock_t *router, rpc_request_t *request,
                           const void *data, size_t size);
void     rpc_request_clear (rpc_request_t *request);

//  ---- client side ----
typedef struct rpc_client_t rpc_client_t;

//  cert is the client's key pair (borrowed); server_key the server's Z85 key.
rpc_client_t *rpc_client_new (const char *endpoint, zcert_t *cert, const char *server_key);
void          rpc_client_destroy (rpc_client_t **self_p);
void          rpc_client_set_timeout (rpc_client_t *self, int timeout_ms, int tries);

//  Send request and wait for the reply whose field 1 equals request_id,
//  resending the same bytes on each timeout through a new socket (Lazy
//  Pirate: a refused or abandoned connection is not redialled by libzmq).
//  0 and *reply_p (caller destroys),
//  or -1 when no answer came after every try.
int           rpc_client_call (rpc_client_t *self, const void *data, size_t size,
                               const char *request_id, zframe_t **reply_p);

//  A fresh request id / idempotency key (UUID text, 36 chars + NUL).
void          rpc_new_id (char *buf, size_t size);

//  The string in field 1 of a protobuf message, if it is a string field.
bool          rpc_peek_field1 (const uint8_t *data, size_t size, char *buf, size_t buf_size);

//  The length-delimited top-level field `number` of a protobuf message, as a
//  C string (its last occurrence, as a decoder takes it), read without
//  decoding the rest: 1 and buf set, 0 if absent, -1 if the framing is
//  broken or the value does not fit buf (buf then "").
int           rpc_peek_string (const uint8_t *data, size_t size, uint32_t number,
                               char *buf, size_t buf_size);

#endif
