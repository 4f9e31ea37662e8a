/*  dashboard_http — the dashboard's HTTP server (libmicrohttpd). Read-only;
    every page of data asks for a session:
        GET  /                      the page (401 and the login form without a session)
        GET  /login, POST /login    the login form; the right access token opens a
                                    session (dashboard_session.h) whose id is set as
                                    an HttpOnly, SameSite=Strict cookie (Secure when
                                    settings say it is behind TLS) and goes to /
        GET or POST /logout         ends the session and forgets the cookie
        GET  /dashboard.js, .css    the page's script and style (no data)
        GET  /api/report?period=year:2026                  II.06a and rates
             (or ?from=YYYY-MM-DD&to=YYYY-MM-DD; period also month:2026-03,
             quarter:2026-1, half:2026, nine:2026)
        GET  /api/series?period=…                          the same by month
        GET  /api/form06a.xlsx?period=…, /api/form06a.csv  the form to file
        GET  /api/dossiers?period&field&level&column&limit&offset
                                    the dossiers behind one cell (drill-down)
        GET  /api/trace?code=CODE                          a dossier's timeline
    The access token is taken only in the login form's body: a `token` in any
    address is 400 (it would land in proxies' logs), and `Authorization` opens
    nothing. Failed logins are throttled per client address
    (dashboard_throttle.h): 429 with Retry-After. The address is the peer's,
    or, when the peer is settings->proxy, the X-Real-IP it sends.
    Errors are JSON {"error":{"code","field","message"}}: 400 for a bad or
    unknown query parameter or an ambiguous request (two Content-Length,
    Transfer-Encoding with Content-Length or other than chunked, two Host,
    Cookie or X-Real-IP headers, white space in a header name, a NUL (%00) or control
    byte in the target), 401 without a live session, 404, 405, 503 when
    reporting does not answer.

    Under a flood: DASHBOARD_HTTP_THREADS threads, each polling its share of
    at most DASHBOARD_HTTP_CONNECTIONS connections (epoll: idle ones cost
    nothing), settings->per_ip_limit at once from one address (more are closed
    at accept); a connection idle DASHBOARD_HTTP_IDLE_S is closed, and a
    request not fully in DASHBOARD_HTTP_DEADLINE_S after its connection's
    accept (or the previous answer) is cut off however steadily it trickles
    (dashboard_guard.h). Calls to reporting go one at a time through the
    gateway, each bounded by its timeout.                                    */
#ifndef DASHBOARD_HTTP_H
#define DASHBOARD_HTTP_H
#include "dashboard_gateway.h"
#include "dashboard_settings.h"

#define DASHBOARD_HTTP_THREADS      4
#define DASHBOARD_HTTP_CONNECTIONS  512
#define DASHBOARD_HTTP_IDLE_S       5
#define DASHBOARD_HTTP_DEADLINE_S   10

typedef struct dashboard_http_t dashboard_http_t;

//  Listen on settings' host:port (IPv4 text). token and gateway are borrowed;
//  the gateway is called from the server's threads. NULL (logged) if it
//  cannot listen.
dashboard_http_t *dashboard_http_new (const dashboard_settings_t *settings, const char *token,
                                      dashboard_gateway_t *gateway);
void dashboard_http_destroy (dashboard_http_t **self_p);

#endif
