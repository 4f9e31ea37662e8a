/*  rpc — CURVE request/reply, ROUTER server and Lazy-Pirate DEALER client.  */
#include "rpc.h"
#include "log.h"

zsock_t *
rpc_server_bind (const char *endpoint, zcert_t *cert, size_t max_bytes)
{
    zsock_t *router = zsock_new (ZMQ_ROUTER);
    if (!router)
        return NULL;
    zcert_apply (cert, router);
    zsock_set_curve_server (router, 1);
    zsock_set_zap_domain (router, "motcua");
    zsock_set_maxmsgsize (router, (int) max_bytes);
    zsock_set_router_mandatory (router, 1);
    zsock_set_sndhwm (router, 10000);
    zsock_set_rcvhwm (router, 10000);
    if (zsock_bind (router, "%s", endpoint) < 0) {
        log_error ("cannot bind %s: %s", endpoint, zmq_strerror (zmq_errno ()));
        zsock_destroy (&router);
        return NULL;
    }
    return router;
}

int
rpc_server_recv (zsock_t *router, rpc_request_t *request)
{
    memset (request, 0, sizeof *request);
    zmsg_t *msg = zmsg_recv (router);
    if (!msg)
        return -1;
    if (zmsg_size (msg) != 2) {
        log_warn ("dropped a request of %zu frames (expected 1 after the identity)",
                  zmsg_size (msg) ? zmsg_size (msg) - 1 : 0);
        zmsg_destroy (&msg);
        return -1;
    }
    request->identity = zmsg_pop (msg);
    request->payload = zmsg_pop (msg);
    zmsg_destroy (&msg);
    return 0;
}

void
rpc_request_clear (rpc_request_t *request)
{
    zframe_destroy (&request->identity);
    zframe_destroy (&request->payload);
}

int
rpc_server_reply (zsock_t *router, rpc_request_t *request, const void *data, size_t size)
{
    int rc = zframe_send (&request->identity, router, ZFRAME_MORE);
    if (rc == 0)
        rc = zmq_send (zsock_resolve (router), data, size, 0) < 0 ? -1 : 0;
    if (rc)
        log_warn ("reply not delivered: %s", zmq_strerror (zmq_errno ()));
    rpc_request_clear (request);
    return rc;
}

struct rpc_client_t {
    zsock_t *dealer;
    char *endpoint;
    zcert_t *cert;              //  borrowed
    char server_key [41];
    int timeout_ms;
    int tries;
};

//  A new DEALER to the server, replacing any old one. 0 or -1.
static int
s_client_dial (rpc_client_t *self)
{
    zsock_destroy (&self->dealer);
    self->dealer = zsock_new (ZMQ_DEALER);
    if (!self->dealer)
        return -1;
    zcert_apply (self->cert, self->dealer);
    zsock_set_curve_serverkey (self->dealer, self->server_key);
    zsock_set_linger (self->dealer, 0);
    return zsock_connect (self->dealer, "%s", self->endpoint) < 0 ? -1 : 0;
}

rpc_client_t *
rpc_client_new (const char *endpoint, zcert_t *cert, const char *server_key)
{
    rpc_client_t *self = (rpc_client_t *) zmalloc (sizeof (rpc_client_t));
    self->timeout_ms = 2500;
    self->tries = 3;
    self->endpoint = strdup (endpoint);
    self->cert = cert;
    snprintf (self->server_key, sizeof self->server_key, "%s", server_key);
    if (s_client_dial (self)) {
        rpc_client_destroy (&self);
        return NULL;
    }
    return self;
}

void
rpc_client_destroy (rpc_client_t **self_p)
{
    rpc_client_t *self = *self_p;
    if (self) {
        zsock_destroy (&self->dealer);
        free (self->endpoint);
        free (self);
        *self_p = NULL;
    }
}

void
rpc_client_set_timeout (rpc_client_t *self, int timeout_ms, int tries)
{
    self->timeout_ms = timeout_ms;
    self->tries = tries < 1 ? 1 : tries;
}

int
rpc_client_call (rpc_client_t *self, const void *data, size_t size,
                 const char *request_id, zframe_t **reply_p)
{
    *reply_p = NULL;
    for (int attempt = 0; attempt < self->tries; attempt++) {
        //  Lazy Pirate: a try that timed out leaves its socket behind. A
        //  CURVE handshake the server refused (a key not yet admitted) or a
        //  connection libzmq gave up on is never dialled again by libzmq.
        if (attempt && s_client_dial (self))
            return -1;
        if (zmq_send (zsock_resolve (self->dealer), data, size, ZMQ_DONTWAIT) < 0
        &&  zmq_errno () != EAGAIN)
            return -1;
        int64_t deadline = zclock_mono () + self->timeout_ms;
        while (zclock_mono () < deadline) {
            zmq_pollitem_t item = { zsock_resolve (self->dealer), 0, ZMQ_POLLIN, 0 };
            int rc = zmq_poll (&item, 1, (long) (deadline - zclock_mono ()));
            if (rc < 0)
                return -1;          //  interrupted
            if (rc == 0)
                break;
            zframe_t *frame = zframe_recv (self->dealer);
            if (!frame)
                return -1;
            //  Ours, or (empty id) the server's answer to a request it could not read.
            char id [RPC_ID_MAX + 1];
            if (rpc_peek_field1 (zframe_data (frame), zframe_size (frame), id, sizeof id)
            &&  (streq (id, request_id) || !*id)) {
                *reply_p = frame;
                return 0;
            }
            zframe_destroy (&frame);   //  a stale reply to an earlier try
        }
    }
    return -1;
}

void
rpc_new_id (char *buf, size_t size)
{
    zuuid_t *uuid = zuuid_new ();
    const char *text = zuuid_str_canonical (uuid);
    snprintf (buf, size, "%s", text);
    zuuid_destroy (&uuid);
}

//  A varint at data [*pos], at most 10 bytes; *pos moves past it. 0 or -1.
static int
s_varint (const uint8_t *data, size_t size, size_t *pos, uint64_t *value)
{
    *value = 0;
    for (int shift = 0; shift < 70 && *pos < size; shift += 7) {
        uint8_t byte = data [(*pos)++];
        *value |= (uint64_t) (byte & 0x7F) << shift;
        if (!(byte & 0x80))
            return 0;
    }
    return -1;
}

bool
rpc_peek_field1 (const uint8_t *data, size_t size, char *buf, size_t buf_size)
{
    buf [0] = 0;
    //  An empty message, or one whose first field is not 1: request_id is "".
    if (size == 0 || data [0] != 0x0A)
        return size == 0 || (data [0] >> 3) != 1;
    size_t pos = 1, len = 0;
    int shift = 0;
    while (pos < size && shift < 35) {
        len |= (size_t) (data [pos] & 0x7F) << shift;
        shift += 7;
        if (!(data [pos++] & 0x80))
            break;
    }
    if (pos + len > size || len >= buf_size)
        return false;
    memcpy (buf, data + pos, len);
    buf [len] = 0;
    return true;
}

int
rpc_peek_string (const uint8_t *data, size_t size, uint32_t number, char *buf, size_t buf_size)
{
    buf [0] = 0;
    int found = 0;
    size_t pos = 0;
    while (pos < size) {
        uint64_t tag, value;
        if (s_varint (data, size, &pos, &tag) || (tag >> 3) == 0)
            return buf [0] = 0, -1;
        switch (tag & 7) {
            case 0:                 //  varint
                if (s_varint (data, size, &pos, &value))
                    return buf [0] = 0, -1;
                break;
            case 1:                 //  64-bit
                if (size - pos < 8)
                    return buf [0] = 0, -1;
                pos += 8;
                break;
            case 5:                 //  32-bit
                if (size - pos < 4)
                    return buf [0] = 0, -1;
                pos += 4;
                break;
            case 2:                 //  length-delimited
                if (s_varint (data, size, &pos, &value) || value > size - pos)
                    return buf [0] = 0, -1;
                if ((tag >> 3) == number) {
                    if (value >= buf_size)
                        return buf [0] = 0, -1;
                    memcpy (buf, data + pos, (size_t) value);
                    buf [value] = 0;
                    found = 1;
                }
                pos += (size_t) value;
                break;
            default:                //  groups (3, 4) and 6, 7: not in proto3
                return buf [0] = 0, -1;
        }
    }
    return found;
}
