/*  dashboard_http — requests, sessions, answers. See dashboard_http.h.     */
#include <czmq.h>
#include <arpa/inet.h>
#include <microhttpd.h>
#include "dashboard_http.h"
#include "dashboard_assets.h"
#include "dashboard_guard.h"
#include "dashboard_session.h"
#include "dashboard_throttle.h"
#include "dashboard_token.h"
#include "api.h"
#include "form06a.h"
#include "log.h"
#include "period.h"
#include "vntime.h"

#define COOKIE_NAME   "motcua_dashboard"
#define MAX_FORM      4096          //  a login form is a few dozen bytes
#define SERIES_MONTHS 36            //  the longest monthly series
#define SESSIONS      256           //  logged-in sessions at once
#define ADDRESSES     1024          //  addresses whose failed logins are counted

struct dashboard_http_t {
    struct MHD_Daemon *daemon;
    const char *token;
    bool secure;
    char proxy [64];                //  a reverse proxy's address, or ""
    dashboard_gateway_t *gateway;
    dashboard_session_t *sessions;
    dashboard_throttle_t *throttle;
    dashboard_guard_t *guard;
};

//  One request, from its request line (libmicrohttpd's URI callback) to the
//  end of its answer.
typedef struct {
    bool bad_target;                //  a NUL (%00) or control byte in the target
    bool started;                   //  its headers are checked
    char form [MAX_FORM + 1];       //  a POST body (the login form)
    size_t size;
    bool too_big;
} s_request_t;

const dashboard_asset_t *
dashboard_asset (const char *name)
{
    for (const dashboard_asset_t *asset = dashboard_assets; asset->name; asset++)
        if (streq (asset->name, name))
            return asset;
    return NULL;
}

//  ---- answers ---------------------------------------------------------------

//  headers: more header name, value pairs ended by NULL (or NULL).
static enum MHD_Result
s_send (struct MHD_Connection *connection, int status, const char *content_type,
        const void *data, size_t size, const char *const *headers)
{
    struct MHD_Response *response = MHD_create_response_from_buffer (size, (void *) data,
                                                                     MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO;
    MHD_add_response_header (response, "Content-Type", content_type);
    MHD_add_response_header (response, "Cache-Control", "no-store");
    MHD_add_response_header (response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header (response, "Referrer-Policy", "no-referrer");
    MHD_add_response_header (response, "X-Frame-Options", "DENY");
    //  Nothing but our own script and style; the charts are SVG made in place.
    MHD_add_response_header (response, "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    for (; headers && headers [0]; headers += 2)
        if (headers [1])
            MHD_add_response_header (response, headers [0], headers [1]);
    enum MHD_Result rc = MHD_queue_response (connection, (unsigned) status, response);
    MHD_destroy_response (response);
    return rc;
}

static enum MHD_Result
s_send_reply (struct MHD_Connection *connection, dashboard_reply_t *reply)
{
    char disposition [160] = "";
    if (*reply->filename)
        snprintf (disposition, sizeof disposition, "attachment; filename=\"%s\"", reply->filename);
    const char *headers [] = { "Content-Disposition", *disposition ? disposition : NULL, NULL };
    enum MHD_Result rc = s_send (connection, reply->status,
                                 reply->content_type ? reply->content_type : "application/json; charset=utf-8",
                                 reply->body ? reply->body : "", reply->size, headers);
    dashboard_reply_free (reply);
    return rc;
}

static enum MHD_Result
s_send_error (struct MHD_Connection *connection, int status, const char *code,
              const char *field, const char *message)
{
    dashboard_reply_t reply;
    dashboard_reply_error (&reply, status, code, field, message);
    return s_send_reply (connection, &reply);
}

static enum MHD_Result
s_send_asset (struct MHD_Connection *connection, int status, const char *name)
{
    const dashboard_asset_t *asset = dashboard_asset (name);
    assert (asset);
    return s_send (connection, status, asset->content_type, asset->data, asset->size, NULL);
}

//  The login form, with a line saying why it is shown again (or none).
static enum MHD_Result
s_send_login (struct MHD_Connection *connection, int status, const char *notice,
              const char *const *headers)
{
    const dashboard_asset_t *asset = dashboard_asset ("login.html");
    assert (asset);
    const char *mark = "<!--notice-->";
    const char *at = strstr ((const char *) asset->data, mark);
    char *page = NULL;
    size_t size = 0;
    FILE *file = open_memstream (&page, &size);
    assert (file);
    if (at && notice) {
        fwrite (asset->data, 1, (size_t) (at - (const char *) asset->data), file);
        fprintf (file, "<p class=\"notice\" role=\"alert\">%s</p>", notice);
        fputs (at + strlen (mark), file);
    }
    else
        fwrite (asset->data, 1, asset->size, file);
    fclose (file);
    enum MHD_Result rc = s_send (connection, status, asset->content_type, page, size, headers);
    free (page);
    return rc;
}

//  A redirect to location, setting cookie.
static enum MHD_Result
s_send_redirect (struct MHD_Connection *connection, const char *location, const char *cookie)
{
    const char *headers [] = { "Location", location, "Set-Cookie", cookie, NULL };
    return s_send (connection, 303, "text/plain; charset=utf-8", "", 0, headers);
}

//  ---- the connection --------------------------------------------------------

//  The client's address as text ("?" if it has none).
static void
s_peer (struct MHD_Connection *connection, char *buf, size_t size)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info (connection,
                                                                    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *address = info ? info->client_addr : NULL;
    snprintf (buf, size, "?");
    if (address && address->sa_family == AF_INET)
        inet_ntop (AF_INET, &((const struct sockaddr_in *) address)->sin_addr, buf, (socklen_t) size);
    else
    if (address && address->sa_family == AF_INET6)
        inet_ntop (AF_INET6, &((const struct sockaddr_in6 *) address)->sin6_addr, buf, (socklen_t) size);
}

//  The client a login comes from: the peer, or what the reverse proxy (when
//  the peer is it) names in X-Real-IP, if that is an IP address.
static void
s_client (dashboard_http_t *self, struct MHD_Connection *connection, char *buf, size_t size)
{
    s_peer (connection, buf, size);
    const char *real = MHD_lookup_connection_value (connection, MHD_HEADER_KIND, "X-Real-IP");
    unsigned char address [sizeof (struct in6_addr)];
    if (*self->proxy && streq (buf, self->proxy) && real
    &&  (inet_pton (AF_INET, real, address) == 1 || inet_pton (AF_INET6, real, address) == 1))
        snprintf (buf, size, "%s", real);
}

static dashboard_watch_t *
s_watch (struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info (connection,
                                                                    MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? (dashboard_watch_t *) info->socket_context : NULL;
}

//  A connection accepted (its request's deadline starts) or closing.
static void
s_connection (void *cls, struct MHD_Connection *connection, void **socket_context,
              enum MHD_ConnectionNotificationCode code)
{
    dashboard_http_t *self = (dashboard_http_t *) cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info = MHD_get_connection_info (connection,
                                                                        MHD_CONNECTION_INFO_CONNECTION_FD);
        char peer [INET6_ADDRSTRLEN];
        s_peer (connection, peer, sizeof peer);
        *socket_context = info ? dashboard_guard_watch (self->guard, info->connect_fd, peer) : NULL;
    }
    else
        dashboard_guard_end (self->guard, (dashboard_watch_t **) socket_context);
}

//  A request line came (uri as sent, not yet decoded): the request's state.
static void *
s_request_new (void *cls, const char *uri, struct MHD_Connection *connection)
{
    (void) cls; (void) connection;
    s_request_t *request = (s_request_t *) zmalloc (sizeof (s_request_t));
    //  Decoded, %00 would end the path or a value early: /api/x%00y is not /api/x.
    request->bad_target = strstr (uri, "%00") != NULL;
    for (const char *p = uri; *p; p++)
        if ((unsigned char) *p < 0x20 || *p == 0x7f)
            request->bad_target = true;
    return request;
}

//  A request answered (or given up): the next one on the connection has
//  its own deadline.
static void
s_request_end (void *cls, struct MHD_Connection *connection, void **state,
               enum MHD_RequestTerminationCode code)
{
    (void) code;
    dashboard_http_t *self = (dashboard_http_t *) cls;
    free (*state);
    *state = NULL;
    dashboard_watch_t *watch = s_watch (connection);
    if (watch)
        dashboard_guard_arm (self->guard, watch);
}

typedef struct {
    int content_length, transfer_encoding, host, cookie, real_ip;
    bool not_chunked, spaced_name;
} s_headers_t;

static enum MHD_Result
s_header_count (void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void) kind;
    s_headers_t *headers = (s_headers_t *) cls;
    if (strpbrk (key, " \t"))
        headers->spaced_name = true;
    if (strcasecmp (key, "Content-Length") == 0)
        headers->content_length++;
    else
    if (strcasecmp (key, "Transfer-Encoding") == 0) {
        headers->transfer_encoding++;
        headers->not_chunked |= !value || strcasecmp (value, "chunked") != 0;
    }
    else
    if (strcasecmp (key, "Host") == 0)
        headers->host++;
    else
    if (strcasecmp (key, "Cookie") == 0)
        headers->cookie++;
    else
    if (strcasecmp (key, "X-Real-IP") == 0)
        headers->real_ip++;
    return MHD_YES;
}

//  Why the request could be read in two ways (servers and proxies in front
//  of us might read it the other way), or NULL if it cannot.
static const char *
s_ambiguous (struct MHD_Connection *connection, const s_request_t *request)
{
    s_headers_t headers = { 0 };
    MHD_get_connection_values (connection, MHD_HEADER_KIND, s_header_count, &headers);
    if (request->bad_target)
        return "the request target holds a NUL (%00) or a control character";
    if (headers.content_length > 1)
        return "the request has more than one Content-Length header";
    if (headers.transfer_encoding && headers.content_length)
        return "the request has both Transfer-Encoding and Content-Length";
    if (headers.transfer_encoding > 1 || headers.not_chunked)
        return "the only Transfer-Encoding taken is one 'chunked'";
    if (headers.host > 1)
        return "the request has more than one Host header";
    if (headers.cookie > 1)
        return "the request has more than one Cookie header";
    if (headers.real_ip > 1)
        return "the request has more than one X-Real-IP header";
    if (headers.spaced_name)
        return "a header name holds white space";
    return NULL;
}

//  ---- sessions --------------------------------------------------------------

static void
s_cookie (dashboard_http_t *self, const char *session, char *buf, size_t size)
{
    snprintf (buf, size, COOKIE_NAME "=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
              session, session [0] ? "" : "; Max-Age=0", self->secure ? "; Secure" : "");
}

static const char *
s_session_cookie (struct MHD_Connection *connection)
{
    return MHD_lookup_connection_value (connection, MHD_COOKIE_KIND, COOKIE_NAME);
}

//  The value of name in an application/x-www-form-urlencoded body (decoded
//  in place), or NULL; *nul set if it held a NUL (%00).
static char *
s_form_value (char *body, const char *name, bool *nul)
{
    size_t length = strlen (name);
    char *rest = NULL;
    for (char *pair = strtok_r (body, "&", &rest); pair; pair = strtok_r (NULL, "&", &rest))
        if (strncmp (pair, name, length) == 0 && pair [length] == '=') {
            char *value = pair + length + 1;
            for (char *p = value; *p; p++)
                if (*p == '+')
                    *p = ' ';
            *nul = MHD_http_unescape (value) != strlen (value);
            return value;
        }
    return NULL;
}

static enum MHD_Result
s_login (dashboard_http_t *self, struct MHD_Connection *connection, s_request_t *request)
{
    char peer [INET6_ADDRSTRLEN];
    s_client (self, connection, peer, sizeof peer);
    int wait = dashboard_throttle_wait (self->throttle, peer);
    if (wait) {
        char notice [160], retry [16];
        snprintf (notice, sizeof notice, "Đã nhập sai mã truy cập nhiều lần. Vui lòng thử lại sau %d giây.", wait);
        snprintf (retry, sizeof retry, "%d", wait);
        const char *headers [] = { "Retry-After", retry, NULL };
        log_warn ("a login from %s was refused: %d s to wait after failed logins", peer, wait);
        return s_send_login (connection, 429, notice, headers);
    }
    if (request->too_big)
        return s_send_error (connection, 413, "RESOURCE_EXHAUSTED", "body", "the login form is too large");
    request->form [request->size] = 0;
    bool nul = false;
    char *given = s_form_value (request->form, "token", &nul);
    if (nul)
        return s_send_error (connection, 400, "INVALID_ARGUMENT", "token", "the token holds a NUL (%00)");
    if (given)      //  as read from the token file, its line end too
        given [strcspn (given, "\r\n")] = 0;
    if (!given || !dashboard_token_equal (self->token, given)) {
        dashboard_throttle_failed (self->throttle, peer);
        log_warn ("a login with a wrong token from %s was refused", peer);
        return s_send_login (connection, 401, "Mã truy cập không đúng. Vui lòng nhập lại.", NULL);
    }
    dashboard_throttle_passed (self->throttle, peer);
    //  A new session each login; one the browser still had ends.
    dashboard_session_close (self->sessions, s_session_cookie (connection));
    char session [DASHBOARD_SESSION_HEX + 1], cookie [200];
    if (dashboard_session_open (self->sessions, session))
        return s_send_error (connection, 500, "INTERNAL", "session", "no session could be opened");
    s_cookie (self, session, cookie, sizeof cookie);
    log_info ("a session was opened for %s", peer);
    return s_send_redirect (connection, "/", cookie);
}

static enum MHD_Result
s_logout (dashboard_http_t *self, struct MHD_Connection *connection)
{
    dashboard_session_close (self->sessions, s_session_cookie (connection));
    char cookie [200];
    s_cookie (self, "", cookie, sizeof cookie);
    return s_send_redirect (connection, "/login", cookie);
}

//  ---- query parameters ------------------------------------------------------

typedef struct {
    const char *allowed;        //  comma-separated names
    char bad [64];              //  the first unknown or repeated name
    char seen [256];
} s_params_t;

static enum MHD_Result
s_param_check (void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void) kind; (void) value;
    s_params_t *params = (s_params_t *) cls;
    char wrapped [80];
    snprintf (wrapped, sizeof wrapped, ",%s,", key);
    char allowed [160];
    snprintf (allowed, sizeof allowed, ",%s,", params->allowed);
    if (strlen (key) > 60 || strchr (key, ',') || !strstr (allowed, wrapped) || strstr (params->seen, wrapped)) {
        snprintf (params->bad, sizeof params->bad, "%.60s", key);
        return MHD_NO;
    }
    strncat (params->seen, wrapped, sizeof params->seen - strlen (params->seen) - 1);
    return MHD_YES;
}

//  400 (sent) and -1 if the query holds a name outside allowed or one twice.
static int
s_check_params (struct MHD_Connection *connection, const char *allowed, enum MHD_Result *rc)
{
    s_params_t params = { .allowed = allowed };
    MHD_get_connection_values (connection, MHD_GET_ARGUMENT_KIND, s_param_check, &params);
    if (!*params.bad)
        return 0;
    char message [160];
    snprintf (message, sizeof message, "unknown or repeated query parameter '%s' (expected: %s)",
              params.bad, allowed);
    *rc = s_send_error (connection, 400, "INVALID_ARGUMENT", params.bad, message);
    return -1;
}

//  The period asked for: period=KIND:YEAR[-N] (month:2026-03, quarter:2026-1,
//  half:2026, nine:2026, year:2026) or from and to (YYYY-MM-DD, both days
//  included). 0, or -1 with a 400 sent.
static int
s_period (struct MHD_Connection *connection, dashboard_period_t *period, enum MHD_Result *rc)
{
    memset (period, 0, sizeof *period);
    const char *named = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "period");
    const char *from = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "from");
    const char *to = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "to");
    const char *field = NULL, *message = NULL;
    if (named) {
        period_kind_t kind;
        if (from || to)
            field = "period", message = "give either period or from and to, not both";
        else
        if (period_parse (named, &kind, &period->year, &period->number)
        ||  period_window (kind, period->year, period->number, false, &period->from, &period->to, NULL, 0))
            field = "period", message = "period must be month:YYYY-MM, quarter:YYYY-Q, half:YYYY, nine:YYYY or year:YYYY";
        else
            period->kind = (int) kind;
    }
    else
    if (!from || vn_parse_date (from, &period->from))
        field = "from", message = "from must be a date YYYY-MM-DD (or give period)";
    else
    if (!to || vn_parse_date (to, &period->to))
        field = "to", message = "to must be a date YYYY-MM-DD";
    else
    if ((period->to += MS_PER_DAY) <= period->from)
        field = "to", message = "the period must not end before it starts";
    if (!field)
        return 0;
    *rc = s_send_error (connection, 400, "INVALID_ARGUMENT", field, message);
    return -1;
}

//  A query parameter's value, "" if absent.
static const char *
s_arg (struct MHD_Connection *connection, const char *name)
{
    const char *value = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, name);
    return value ? value : "";
}

//  An optional whole number in [min, max]; *value kept when text is "".
static int
s_number (api_error_t *error, const char *name, const char *text, int min, int max, int *value)
{
    if (!*text)
        return 0;
    char *end;
    errno = 0;
    long number = strtol (text, &end, 10);
    if (errno || *end || end == text || number < min || number > max)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, name,
                         "%s must be a whole number from %d to %d", name, min, max);
    *value = (int) number;
    return 0;
}

static enum MHD_Result
s_api (dashboard_http_t *self, struct MHD_Connection *connection, const char *path)
{
    enum MHD_Result rc = MHD_NO;
    dashboard_reply_t reply;
    dashboard_period_t period;
    if (streq (path, "/api/report") || streq (path, "/api/series")) {
        if (s_check_params (connection, "period,from,to", &rc) || s_period (connection, &period, &rc))
            return rc;
        int64_t starts [SERIES_MONTHS + 1], ends [SERIES_MONTHS + 1];
        if (streq (path, "/api/report"))
            dashboard_gateway_report (self->gateway, &period, &reply);
        else
        if (period_months (period.from, period.to, false, starts, ends, NULL, SERIES_MONTHS + 1) > SERIES_MONTHS)
            return s_send_error (connection, 400, "INVALID_ARGUMENT", "to",
                                 "a monthly series covers at most 36 months");
        else
            dashboard_gateway_series (self->gateway, &period, &reply);
    }
    else
    if (streq (path, "/api/form06a.xlsx") || streq (path, "/api/form06a.csv")) {
        if (s_check_params (connection, "period,from,to", &rc) || s_period (connection, &period, &rc))
            return rc;
        dashboard_gateway_form (self->gateway, &period, strrchr (path, '.') + 1, &reply);
    }
    else
    if (streq (path, "/api/dossiers")) {
        if (s_check_params (connection, "period,from,to,field,level,column,limit,offset", &rc)
        ||  s_period (connection, &period, &rc))
            return rc;
        dashboard_drill_t drill = { period, s_arg (connection, "field"), s_arg (connection, "level"),
                                    s_arg (connection, "column"), 100, 0 };
        if (!*drill.column)
            drill.column = "received_total";
        api_error_t error = { 0 };
        bool known = false;
        for (int i = 0; i < FORM06A_COUNTS; i++)
            known |= streq (form06a_count_names [i], drill.column);
        if (api_check_text (&error, "field", drill.field, 256, false)
        ||  api_check_text (&error, "level", drill.level, 32, false)
        ||  (!known && api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "column",
                                 "column must name a column of II.06a, e.g. received_total"))
        ||  s_number (&error, "limit", s_arg (connection, "limit"), 1, 1000, &drill.limit)
        ||  s_number (&error, "offset", s_arg (connection, "offset"), 0, 1000000, &drill.offset))
            return s_send_error (connection, 400, "INVALID_ARGUMENT", error.field, error.message);
        dashboard_gateway_dossiers (self->gateway, &drill, &reply);
    }
    else
    if (streq (path, "/api/trace")) {
        if (s_check_params (connection, "code", &rc))
            return rc;
        const char *code = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "code");
        api_error_t error = { 0 };
        if (api_check_text (&error, "code", code, 64, true))
            return s_send_error (connection, 400, "INVALID_ARGUMENT", error.field, error.message);
        dashboard_gateway_trace (self->gateway, code, &reply);
    }
    else
        return s_send_error (connection, 404, "NOT_FOUND", "path", "no such API");
    return s_send_reply (connection, &reply);
}

//  ---- routing ---------------------------------------------------------------

static enum MHD_Result
s_route (dashboard_http_t *self, struct MHD_Connection *connection, const char *path,
         const char *method, s_request_t *request)
{
    bool get = streq (method, "GET") || streq (method, "HEAD");
    bool api = strncmp (path, "/api/", 5) == 0;
    //  The token in an address lands in proxies' logs and the history.
    if (MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "token"))
        return api ? s_send_error (connection, 400, "INVALID_ARGUMENT", "token",
                                   "the access token is taken only by the login form (POST /login), never in the address")
             : s_send_login (connection, 400, "Mã truy cập chỉ nhập vào ô dưới đây, không ghi trong địa chỉ trang.", NULL);
    if (streq (path, "/login") && streq (method, "POST"))
        return s_login (self, connection, request);
    if (streq (path, "/logout") && (get || streq (method, "POST")))
        return s_logout (self, connection);
    if (!get)
        return s_send_error (connection, 405, "INVALID_ARGUMENT", "method",
                             "read-only: only GET (and the login and logout forms' POST)");
    if (streq (path, "/dashboard.js") || streq (path, "/dashboard.css"))
        return s_send_asset (connection, 200, path + 1);
    if (streq (path, "/login"))
        return s_send_login (connection, 200, NULL, NULL);
    bool authorized = dashboard_session_check (self->sessions, s_session_cookie (connection));
    if (api)
        return authorized ? s_api (self, connection, path)
             : s_send_error (connection, 401, "UNAUTHENTICATED", "session",
                             "no session or it has ended: log in (POST /login with the access token) and send its cookie");
    if (streq (path, "/") || streq (path, "/index.html"))
        return authorized ? s_send_asset (connection, 200, "index.html")
             : s_send_login (connection, 401, NULL, NULL);
    return s_send_error (connection, 404, "NOT_FOUND", "path", "no such page");
}

static enum MHD_Result
s_handle (void *cls, struct MHD_Connection *connection, const char *url, const char *method,
          const char *version, const char *upload_data, size_t *upload_data_size, void **state)
{
    (void) version;
    dashboard_http_t *self = (dashboard_http_t *) cls;
    s_request_t *request = (s_request_t *) *state;
    assert (request);                   //  made by s_request_new
    if (!request->started) {            //  first call: the headers are in
        request->started = true;
        const char *why = s_ambiguous (connection, request);
        if (why) {
            char peer [INET6_ADDRSTRLEN];
            s_peer (connection, peer, sizeof peer);
            log_warn ("an ambiguous request from %s was refused: %s", peer, why);
            return s_send_error (connection, 400, "INVALID_ARGUMENT", "request", why);
        }
        return MHD_YES;                 //  answered once all is in (kept alive)
    }
    if (*upload_data_size) {            //  a piece of the body
        if (request->size + *upload_data_size > MAX_FORM)
            request->too_big = true;
        else {
            memcpy (request->form + request->size, upload_data, *upload_data_size);
            request->size += *upload_data_size;
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    //  The request is in: no deadline while it is answered.
    dashboard_watch_t *watch = s_watch (connection);
    if (watch)
        dashboard_guard_disarm (self->guard, watch);
    enum MHD_Result rc = s_route (self, connection, url, method, request);
    log_debug ("%s %s", method, url);
    return rc;
}

dashboard_http_t *
dashboard_http_new (const dashboard_settings_t *settings, const char *token,
                    dashboard_gateway_t *gateway)
{
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons ((uint16_t) settings->port) };
    if (settings->port < 1 || settings->port > 65535 || inet_pton (AF_INET, settings->host, &address.sin_addr) != 1) {
        log_error ("cannot listen on %s:%d: not an IPv4 address and port", settings->host, settings->port);
        return NULL;
    }
    dashboard_http_t *self = (dashboard_http_t *) zmalloc (sizeof (dashboard_http_t));
    self->token = token;
    self->secure = settings->secure;
    snprintf (self->proxy, sizeof self->proxy, "%s", settings->proxy);
    self->gateway = gateway;
    self->sessions = dashboard_session_new (settings->session_idle_s, settings->session_max_s, SESSIONS);
    self->throttle = dashboard_throttle_new (ADDRESSES);
    self->guard = dashboard_guard_new (DASHBOARD_HTTP_DEADLINE_S * 1000);
    //  epoll where there is one: idle connections cost nothing to watch.
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG
                   | (MHD_is_feature_supported (MHD_FEATURE_EPOLL) == MHD_YES ? MHD_USE_EPOLL : MHD_USE_POLL);
    self->daemon = !self->guard ? NULL : MHD_start_daemon (
        flags, (uint16_t) settings->port, NULL, NULL, s_handle, self,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &address,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned) DASHBOARD_HTTP_THREADS,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned) DASHBOARD_HTTP_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned) settings->per_ip_limit,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned) DASHBOARD_HTTP_IDLE_S,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) 64 * 1024,
        MHD_OPTION_STRICT_FOR_CLIENT, (int) 1,
        MHD_OPTION_NOTIFY_CONNECTION, s_connection, self,
        MHD_OPTION_URI_LOG_CALLBACK, s_request_new, self,
        MHD_OPTION_NOTIFY_COMPLETED, s_request_end, self,
        MHD_OPTION_END);
    if (!self->daemon) {
        log_error ("cannot listen on %s:%d: %s", settings->host, settings->port, strerror (errno));
        dashboard_http_destroy (&self);
    }
    return self;
}

void
dashboard_http_destroy (dashboard_http_t **self_p)
{
    dashboard_http_t *self = *self_p;
    if (self) {
        if (self->daemon)
            MHD_stop_daemon (self->daemon);     //  closes every connection: no watch left
        dashboard_guard_destroy (&self->guard);
        dashboard_throttle_destroy (&self->throttle);
        dashboard_session_destroy (&self->sessions);
        free (self);
        *self_p = NULL;
    }
}
