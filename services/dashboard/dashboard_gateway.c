/*  dashboard_gateway — reporting's answers as the page's JSON. See
    dashboard_gateway.h.                                                    */
#include <czmq.h>
#include "dashboard_gateway.h"
#include "client.h"
#include "json.h"
#include "log.h"
#include "vntime.h"
#include "reporting_client.h"

struct dashboard_gateway_t {
    const config_t *config;
    int timeout_ms;
    client_t *client;           //  made on first use, dropped after no answer
};

//  JSON written into memory.
typedef struct {
    json_t json;
    FILE *file;
    char *text;
    size_t size;
} s_doc_t;

static json_t *
s_doc_open (s_doc_t *doc)
{
    doc->text = NULL;
    doc->size = 0;
    doc->file = open_memstream (&doc->text, &doc->size);
    assert (doc->file);
    json_begin (&doc->json, doc->file);
    return &doc->json;
}

static void
s_doc_close (s_doc_t *doc, int status, dashboard_reply_t *reply)
{
    json_finish (&doc->json);
    fclose (doc->file);
    reply->status = status;
    reply->body = doc->text;
    reply->size = doc->size;
}

void
dashboard_reply_error (dashboard_reply_t *reply, int status, const char *code,
                       const char *field, const char *message)
{
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    json_object (json, "error");
    json_string (json, "code", code);
    json_string (json, "field", field);
    json_string (json, "message", message);
    json_end_object (json);
    json_end_object (json);
    s_doc_close (&doc, status, reply);
}

void
dashboard_reply_free (dashboard_reply_t *reply)
{
    free (reply->body);
    reply->body = NULL;
    reply->size = 0;
}

dashboard_gateway_t *
dashboard_gateway_new (const config_t *config, int timeout_ms)
{
    dashboard_gateway_t *self = (dashboard_gateway_t *) zmalloc (sizeof (dashboard_gateway_t));
    self->config = config;
    self->timeout_ms = timeout_ms;
    return self;
}

void
dashboard_gateway_destroy (dashboard_gateway_t **self_p)
{
    dashboard_gateway_t *self = *self_p;
    if (self) {
        client_destroy (&self->client);
        free (self);
        *self_p = NULL;
    }
}

static int
s_http_status (Motcua__V1__ErrorCode code)
{
    switch (code) {
        case MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT: return 400;
        case MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED: return 403;
        case MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND: return 404;
        case MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION: return 409;
        case MOTCUA__V1__ERROR_CODE__ERROR_RESOURCE_EXHAUSTED: return 413;
        case MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE: return 503;
        default: return 500;
    }
}

//  Call reporting. The reply when it carries the expected body (caller
//  destroys); else NULL with reply filled with the error.
typedef reporting_reply_t *(s_call_fn) (client_t *client, const void *args);

static reporting_reply_t *
s_ask (dashboard_gateway_t *self, s_call_fn *call, const void *args, dashboard_reply_t *reply)
{
    if (!self->client) {
        self->client = client_new (self->config, "reporting", "dashboard");
        if (self->client)
            client_set_timeout (self->client, self->timeout_ms, 1);
    }
    reporting_reply_t *answer = self->client ? call (self->client, args) : NULL;
    if (!answer) {
        //  A fresh socket next time: no stale requests queued for a dead peer.
        client_destroy (&self->client);
        log_warn ("reporting did not answer within %d ms", self->timeout_ms);
        dashboard_reply_error (reply, 503, "UNAVAILABLE", "", "reporting did not answer");
        return NULL;
    }
    if (answer->error && answer->error->code) {
        const ProtobufCEnumValue *value = protobuf_c_enum_descriptor_get_value (
            &motcua__v1__error_code__descriptor, answer->error->code);
        dashboard_reply_error (reply, s_http_status (answer->error->code),
                               value ? value->name + strlen ("ERROR_") : "INTERNAL",
                               answer->error->field, answer->error->message);
        reporting_reply_destroy (&answer);
    }
    return answer;
}

//  ---- II.06a --------------------------------------------------------------

typedef struct { int64_t from, to; } s_window_t;

static reporting_reply_t *
s_call_report (client_t *client, const void *args)
{
    const s_window_t *window = (const s_window_t *) args;
    return reporting_client_report (client, window->from, window->to);
}

static reporting_reply_t *
s_report (dashboard_gateway_t *self, int64_t from, int64_t to, dashboard_reply_t *reply)
{
    s_window_t window = { from, to };
    reporting_reply_t *answer = s_ask (self, s_call_report, &window, reply);
    if (answer && !answer->report) {
        dashboard_reply_error (reply, 502, "INTERNAL", "", "reporting answered without a report");
        reporting_reply_destroy (&answer);
    }
    return answer;
}

//  YYYY-MM-DD of the local day holding at.
static void
s_date (json_t *json, const char *key, int64_t at)
{
    vn_civil_t civil;
    vn_civil (at, &civil);
    char text [16];
    snprintf (text, sizeof text, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
    json_string (json, key, text);
}

static void
s_rate (json_t *json, const char *key, int64_t numerator, int64_t denominator)
{
    json_object (json, key);
    json_int (json, "numerator", numerator);
    json_int (json, "denominator", denominator);
    json_end_object (json);
}

//  The figures of one window: the form's twelve keys (named as
//  `motcua report --json` names them) and the rates they give.
static void
s_figures (json_t *json, const Motcua__V1__Report06a *r)
{
    s_date (json, "from", r->from);
    s_date (json, "to", r->to - 1);
    json_int (json, "received_total", r->received_total);
    json_int (json, "received_online", r->received_online);
    json_int (json, "received_direct", r->received_direct);
    json_int (json, "received_postal", r->received_postal);
    json_int (json, "carried_over", r->carried_over);
    json_int (json, "resolved_total", r->resolved_total);
    json_int (json, "resolved_early", r->resolved_early);
    json_int (json, "resolved_on_time", r->resolved_on_time);
    json_int (json, "resolved_late", r->resolved_late);
    json_int (json, "in_progress_total", r->in_progress_total);
    json_int (json, "in_progress_within", r->in_progress_within);
    json_int (json, "in_progress_overdue", r->in_progress_overdue);
    json_object (json, "rates");
    s_rate (json, "online", r->received_online,
            r->received_online + r->received_direct + r->received_postal);
    s_rate (json, "postal_intake", r->received_postal,
            r->received_online + r->received_direct + r->received_postal);
    s_rate (json, "on_time", r->resolved_early + r->resolved_on_time, r->resolved_total);
    json_end_object (json);
}

void
dashboard_gateway_report (dashboard_gateway_t *self, int64_t from, int64_t to,
                          dashboard_reply_t *reply)
{
    reporting_reply_t *answer = s_report (self, from, to, reply);
    if (!answer)
        return;
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    s_figures (json, answer->report);
    json_end_object (json);
    s_doc_close (&doc, 200, reply);
    reporting_reply_destroy (&answer);
}

void
dashboard_gateway_series (dashboard_gateway_t *self, int64_t from, int64_t to,
                          dashboard_reply_t *reply)
{
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    json_array (json, "months");
    int64_t start = from;
    while (start < to) {
        //  The reporting month holding start ends before the next 15th.
        vn_civil_t civil;
        vn_civil (start, &civil);
        int year = civil.year, month = civil.month + (civil.day >= 15);
        if (month == 13)
            month = 1, year++;
        int64_t end = vn_instant (year, month, 15, 0);
        if (end > to)
            end = to;
        reporting_reply_t *answer = s_report (self, start, end, reply);
        if (!answer) {
            fclose (doc.file);
            free (doc.text);
            return;
        }
        char label [16];
        snprintf (label, sizeof label, "%02d/%04d", month, year);
        json_object (json, NULL);
        json_string (json, "month", label);
        s_figures (json, answer->report);
        json_end_object (json);
        reporting_reply_destroy (&answer);
        start = end;
    }
    json_end_array (json);
    json_end_object (json);
    s_doc_close (&doc, 200, reply);
}

//  ---- trace ---------------------------------------------------------------

static reporting_reply_t *
s_call_trace (client_t *client, const void *args)
{
    return reporting_client_trace (client, (const char *) args);
}

static const char *
s_channel_name (int channel)
{
    return channel == 1 ? "direct" : channel == 2 ? "online" : channel == 3 ? "postal" : "";
}

void
dashboard_gateway_trace (dashboard_gateway_t *self, const char *code, dashboard_reply_t *reply)
{
    reporting_reply_t *answer = s_ask (self, s_call_trace, code, reply);
    if (!answer)
        return;
    if (!answer->trace) {
        dashboard_reply_error (reply, 502, "INTERNAL", "", "reporting answered without a trace");
        reporting_reply_destroy (&answer);
        return;
    }
    const Motcua__V1__Trace *t = answer->trace;
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    json_string (json, "dossier_code", t->dossier_code);
    json_string (json, "status", t->status);
    json_string (json, "procedure_code", t->procedure_code);
    json_string (json, "channel", s_channel_name (t->channel));
    json_time (json, "received_at", t->received_at);
    json_time (json, "due_at", t->due_at);
    json_time (json, "appointment_at", t->appointment_at ? t->appointment_at : t->due_at);
    json_time (json, "resolved_at", t->resolved_at);
    json_time (json, "returned_at", t->returned_at);
    json_string (json, "timeliness", t->timeliness);
    json_array (json, "events");
    for (size_t i = 0; i < t->n_entries; i++) {
        json_object (json, NULL);
        json_time (json, "at", t->entries [i]->at);
        json_string (json, "type", t->entries [i]->event_type);
        json_string (json, "actor", t->entries [i]->actor);
        json_string (json, "producer", t->entries [i]->producer);
        json_string (json, "detail", t->entries [i]->detail);
        json_end_object (json);
    }
    json_end_array (json);
    json_end_object (json);
    s_doc_close (&doc, 200, reply);
    reporting_reply_destroy (&answer);
}
