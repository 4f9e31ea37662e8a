/*  dashboard_http — the dashboard's HTTP server (libmicrohttpd, one internal
    thread). Read-only; every page of data asks for the access token:
        GET  /                      the page (401 and the login form without it)
        GET  /login, POST /login    the login form; a right token sets an
                                    HttpOnly cookie and goes to /
        GET  /logout                forgets the cookie
        GET  /dashboard.js, .css    the page's script and style (no data)
        GET  /api/report?period=year:2026                  II.06a and rates
             (or ?from=YYYY-MM-DD&to=YYYY-MM-DD; period also month:2026-03,
             quarter:2026-1, half:2026, nine:2026)
        GET  /api/series?period=…                          the same by month
        GET  /api/form06a.xlsx?period=…, /api/form06a.csv  the form to file
        GET  /api/dossiers?period&field&level&column&limit&offset
                                    the dossiers behind one cell (drill-down)
        GET  /api/trace?code=CODE                          a dossier's timeline
    The token goes as the cookie, as ?token=, or as `Authorization: Bearer`.
    Errors are JSON {"error":{"code","field","message"}}: 400 for a bad or
    unknown query parameter, 401 without the token, 404, 405, 503 when
    reporting does not answer.                                              */
#ifndef DASHBOARD_HTTP_H
#define DASHBOARD_HTTP_H
#include "dashboard_gateway.h"

typedef struct dashboard_http_t dashboard_http_t;

//  Listen on host:port (IPv4 text). token and gateway are borrowed and used
//  from the server's thread only. NULL (logged) if it cannot listen.
dashboard_http_t *dashboard_http_new (const char *host, int port, const char *token,
                                      dashboard_gateway_t *gateway);
void dashboard_http_destroy (dashboard_http_t **self_p);

#endif
