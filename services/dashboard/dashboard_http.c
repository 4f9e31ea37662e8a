/*  dashboard_http — requests, the token check, answers. See dashboard_http.h. */
#include <czmq.h>
#include <arpa/inet.h>
#include <microhttpd.h>
#include "dashboard_http.h"
#include "dashboard_assets.h"
#include "dashboard_token.h"
#include "api.h"
#include "form06a.h"
#include "log.h"
#include "period.h"
#include "vntime.h"

#define COOKIE_NAME   "motcua_dashboard"
#define MAX_FORM      4096          //  a login form is a few dozen bytes
#define SERIES_MONTHS 36            //  the longest monthly series

struct dashboard_http_t {
    struct MHD_Daemon *daemon;
    const char *token;
    dashboard_gateway_t *gateway;
};

//  A POST body being read (the login form), kept across the handler's calls.
typedef struct {
    char data [MAX_FORM + 1];
    size_t size;
    bool too_big;
} s_form_t;

const dashboard_asset_t *
dashboard_asset (const char *name)
{
    for (const dashboard_asset_t *asset = dashboard_assets; asset->name; asset++)
        if (streq (asset->name, name))
            return asset;
    return NULL;
}

//  ---- answers ---------------------------------------------------------------

static enum MHD_Result
s_send (struct MHD_Connection *connection, int status, const char *content_type,
        const void *data, size_t size, const char *cookie, const char *location, const char *disposition)
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
    if (cookie)
        MHD_add_response_header (response, "Set-Cookie", cookie);
    if (location)
        MHD_add_response_header (response, "Location", location);
    if (disposition)
        MHD_add_response_header (response, "Content-Disposition", disposition);
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
    enum MHD_Result rc = s_send (connection, reply->status,
                                 reply->content_type ? reply->content_type : "application/json; charset=utf-8",
                                 reply->body ? reply->body : "", reply->size, NULL, NULL,
                                 *disposition ? disposition : NULL);
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
s_send_asset (struct MHD_Connection *connection, int status, const char *name, const char *cookie)
{
    const dashboard_asset_t *asset = dashboard_asset (name);
    assert (asset);
    return s_send (connection, status, asset->content_type, asset->data, asset->size, cookie, NULL, NULL);
}

//  The login form, with a line saying why it is shown again (or none).
static enum MHD_Result
s_send_login (struct MHD_Connection *connection, int status, const char *notice)
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
    enum MHD_Result rc = s_send (connection, status, asset->content_type, page, size, NULL, NULL, NULL);
    free (page);
    return rc;
}

//  ---- the token -------------------------------------------------------------

static bool
s_authorized (dashboard_http_t *self, struct MHD_Connection *connection, bool *by_query)
{
    *by_query = false;
    const char *cookie = MHD_lookup_connection_value (connection, MHD_COOKIE_KIND, COOKIE_NAME);
    if (cookie && dashboard_token_equal (self->token, cookie))
        return true;
    const char *header = MHD_lookup_connection_value (connection, MHD_HEADER_KIND, "Authorization");
    if (header && strncmp (header, "Bearer ", 7) == 0 && dashboard_token_equal (self->token, header + 7))
        return true;
    const char *query = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "token");
    *by_query = query && dashboard_token_equal (self->token, query);
    return *by_query;
}

static void
s_cookie (dashboard_http_t *self, char *buf, size_t size)
{
    snprintf (buf, size, COOKIE_NAME "=%s; Path=/; HttpOnly; SameSite=Strict", self->token);
}

//  The value of name in an application/x-www-form-urlencoded body (decoded
//  in place), or NULL.
static char *
s_form_value (char *body, const char *name)
{
    size_t length = strlen (name);
    for (char *pair = strtok (body, "&"); pair; pair = strtok (NULL, "&"))
        if (strncmp (pair, name, length) == 0 && pair [length] == '=') {
            char *value = pair + length + 1;
            for (char *p = value; *p; p++)
                if (*p == '+')
                    *p = ' ';
            MHD_http_unescape (value);
            return value;
        }
    return NULL;
}

static enum MHD_Result
s_login (dashboard_http_t *self, struct MHD_Connection *connection, s_form_t *form)
{
    if (form->too_big)
        return s_send_error (connection, 413, "RESOURCE_EXHAUSTED", "body", "the login form is too large");
    form->data [form->size] = 0;
    const char *given = s_form_value (form->data, "token");
    if (!given || !dashboard_token_equal (self->token, given)) {
        log_warn ("a login with a wrong token was refused");
        return s_send_login (connection, 401, "Mã truy cập không đúng. Vui lòng nhập lại.");
    }
    char cookie [160];
    s_cookie (self, cookie, sizeof cookie);
    return s_send (connection, 303, "text/plain; charset=utf-8", "", 0, cookie, "/", NULL);
}

//  ---- query parameters ------------------------------------------------------

typedef struct {
    const char *allowed;        //  comma-separated names (token is always allowed)
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
    snprintf (allowed, sizeof allowed, ",%s,token,", params->allowed);
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
         const char *method, s_form_t *form)
{
    bool get = streq (method, "GET") || streq (method, "HEAD");
    if (streq (path, "/login") && streq (method, "POST"))
        return s_login (self, connection, form);
    if (!get)
        return s_send_error (connection, 405, "INVALID_ARGUMENT", "method", "read-only: only GET (and the login form's POST)");
    if (streq (path, "/dashboard.js") || streq (path, "/dashboard.css"))
        return s_send_asset (connection, 200, path + 1, NULL);
    if (streq (path, "/login"))
        return s_send_login (connection, 200, NULL);
    if (streq (path, "/logout"))
        return s_send (connection, 303, "text/plain; charset=utf-8", "", 0,
                       COOKIE_NAME "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", "/login", NULL);
    bool by_query;
    bool authorized = s_authorized (self, connection, &by_query);
    if (strncmp (path, "/api/", 5) == 0)
        return authorized ? s_api (self, connection, path)
             : s_send_error (connection, 401, "UNAUTHENTICATED", "token",
                             "the dashboard's access token is missing or wrong");
    if (streq (path, "/") || streq (path, "/index.html")) {
        if (!authorized)
            return s_send_login (connection, 401, NULL);
        char cookie [160];
        s_cookie (self, cookie, sizeof cookie);
        //  A token given in the address is kept as the cookie from then on.
        return s_send_asset (connection, 200, "index.html", by_query ? cookie : NULL);
    }
    return s_send_error (connection, 404, "NOT_FOUND", "path", "no such page");
}

static enum MHD_Result
s_handle (void *cls, struct MHD_Connection *connection, const char *url, const char *method,
          const char *version, const char *upload_data, size_t *upload_data_size, void **state)
{
    (void) version;
    dashboard_http_t *self = (dashboard_http_t *) cls;
    if (streq (method, "POST")) {
        s_form_t *form = (s_form_t *) *state;
        if (!form) {                    //  first call: headers only
            *state = zmalloc (sizeof (s_form_t));
            return MHD_YES;
        }
        if (*upload_data_size) {        //  a piece of the body
            if (form->size + *upload_data_size > MAX_FORM)
                form->too_big = true;
            else {
                memcpy (form->data + form->size, upload_data, *upload_data_size);
                form->size += *upload_data_size;
            }
            *upload_data_size = 0;
            return MHD_YES;
        }
    }
    enum MHD_Result rc = s_route (self, connection, url, method, (s_form_t *) *state);
    log_debug ("%s %s", method, url);
    return rc;
}

static void
s_completed (void *cls, struct MHD_Connection *connection, void **state,
             enum MHD_RequestTerminationCode code)
{
    (void) cls; (void) connection; (void) code;
    free (*state);
    *state = NULL;
}

dashboard_http_t *
dashboard_http_new (const char *host, int port, const char *token, dashboard_gateway_t *gateway)
{
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons ((uint16_t) port) };
    if (port < 1 || port > 65535 || inet_pton (AF_INET, host, &address.sin_addr) != 1) {
        log_error ("cannot listen on %s:%d: not an IPv4 address and port", host, port);
        return NULL;
    }
    dashboard_http_t *self = (dashboard_http_t *) zmalloc (sizeof (dashboard_http_t));
    self->token = token;
    self->gateway = gateway;
    self->daemon = MHD_start_daemon (
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG, (uint16_t) port,
        NULL, NULL, s_handle, self,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &address,
        MHD_OPTION_NOTIFY_COMPLETED, s_completed, NULL,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned) 64,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned) 30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) 64 * 1024,
        MHD_OPTION_END);
    if (!self->daemon) {
        log_error ("cannot listen on %s:%d: %s", host, port, strerror (errno));
        free (self);
        return NULL;
    }
    return self;
}

void
dashboard_http_destroy (dashboard_http_t **self_p)
{
    dashboard_http_t *self = *self_p;
    if (self) {
        MHD_stop_daemon (self->daemon);
        free (self);
        *self_p = NULL;
    }
}
