/*  dashboard_guard — the absolute deadline of a request. libmicrohttpd's own
    timeout is an idle one, restarted by each byte: a client that trickles a
    header byte now and then (slow-loris) would hold its connection for ever.
    The guard watches each connection from its accept: its request (line,
    headers and body) must be in within deadline_ms of the accept, or of the
    end of the previous answer on a kept-alive connection, however steadily
    it trickles. An actor thread looks every DASHBOARD_GUARD_TICK_MS and
    shuts down the socket of a connection past its deadline; libmicrohttpd
    then sees the end of the stream and closes it (and tells the server,
    which ends the watch). The server disarms a watch when its request is
    complete and it starts answering.
    Safe to call from any thread (one mutex inside).                        */
#ifndef DASHBOARD_GUARD_H
#define DASHBOARD_GUARD_H

#define DASHBOARD_GUARD_TICK_MS 100

typedef struct dashboard_guard_t dashboard_guard_t;
typedef struct dashboard_watch_t dashboard_watch_t;

//  NULL (logged) if its thread cannot start.
dashboard_guard_t *dashboard_guard_new (int deadline_ms);
//  Ends the thread and forgets any watch left (end the connections first).
void dashboard_guard_destroy (dashboard_guard_t **self_p);

//  Watch the connection on socket fd from peer (a name for the log), armed
//  from now. Owned by the guard until dashboard_guard_end.
dashboard_watch_t *dashboard_guard_watch (dashboard_guard_t *self, int fd, const char *peer);
//  The next request's deadline starts now.
void dashboard_guard_arm (dashboard_guard_t *self, dashboard_watch_t *watch);
//  The request is in: no deadline while it is answered.
void dashboard_guard_disarm (dashboard_guard_t *self, dashboard_watch_t *watch);
//  The connection is closing (its socket still open): forget it; nulls *watch_p.
void dashboard_guard_end (dashboard_guard_t *self, dashboard_watch_t **watch_p);

#endif
