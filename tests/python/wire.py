"""The wire of proto/README.md for the Python tests: CZMQ certificates, a
CURVE DEALER to a service's api socket, one frame out and one back."""
import os, re
import zmq

PORT_OFFSET = {'intake': 1, 'processing': 11, 'postal': 21, 'reporting': 31}
context = zmq.Context()

def keys(path):
    """A CZMQ ZPL certificate: its Z85 public-key and secret-key."""
    text = open(path, encoding='utf-8').read()
    found = dict(re.findall(r'^\s*(public-key|secret-key)\s*=\s*"([^"]{40})"', text, re.M))
    return found.get('public-key', '').encode(), found.get('secret-key', '').encode()

def dealer(var, base, service, identity):
    """A CURVE DEALER to a service's api socket, speaking as identity."""
    public, secret = keys(os.path.join(var, 'certs', 'keys', identity + '.cert_secret'))
    server, _ = keys(os.path.join(var, 'certs', 'keys', 'service-' + service + '.cert'))
    s = context.socket(zmq.DEALER)
    s.curve_publickey, s.curve_secretkey, s.curve_serverkey = public, secret, server
    s.linger = 0
    s.connect('tcp://127.0.0.1:%d' % (base + PORT_OFFSET[service]))
    return s

def exchange(sock, request, reply_type, timeout_ms):
    """Send request; the reply and its bytes, or (None, b'') on silence."""
    sock.send(request.SerializeToString())
    if not sock.poll(timeout_ms):
        return None, b''
    raw = sock.recv()
    reply = reply_type()
    reply.ParseFromString(raw)
    return reply, raw
