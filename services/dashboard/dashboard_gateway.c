/*  dashboard_gateway — reporting's answers as the page's JSON. See
    dashboard_gateway.h.                                                    */
#include <czmq.h>
#include <pthread.h>
#include "dashboard_gateway.h"
#include "client.h"
#include "json.h"
#include "form06a.h"
#include "log.h"
#include "report_out.h"
#include "trace_json.h"
#include "report_json.h"
#include "vntime.h"
#include "reporting_client.h"

struct dashboard_gateway_t {
    const config_t *config;
    int timeout_ms;
    client_t *client;           //  made on first use, dropped after no answer
    pthread_mutex_t mutex;      //  one call at a time on client
};

static void
s_reply_clear (dashboard_reply_t *reply)
{
    reply->content_type = NULL;
    reply->filename [0] = 0;
}

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
    s_reply_clear (reply);
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
    pthread_mutex_init (&self->mutex, NULL);
    return self;
}

void
dashboard_gateway_destroy (dashboard_gateway_t **self_p)
{
    dashboard_gateway_t *self = *self_p;
    if (self) {
        client_destroy (&self->client);
        pthread_mutex_destroy (&self->mutex);
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

//  Send request to reporting. The answer (caller destroys; its error may be
//  set), or NULL with reply filled when reporting did not answer.
static reporting_reply_t *
s_call (dashboard_gateway_t *self, Motcua__V1__ReportingRequest *request, dashboard_reply_t *reply)
{
    pthread_mutex_lock (&self->mutex);
    if (!self->client) {
        self->client = client_new (self->config, "reporting", "dashboard");
        if (self->client)
            client_set_timeout (self->client, self->timeout_ms, 1);
    }
    reporting_reply_t *answer = self->client
        ? (reporting_reply_t *) client_call (self->client, &request->base, &request->request_id,
                                             &motcua__v1__reporting_reply__descriptor)
        : NULL;
    if (!answer) {
        //  A fresh socket next time: no stale requests queued for a dead peer.
        client_destroy (&self->client);
        log_warn ("reporting did not answer within %d ms", self->timeout_ms);
        dashboard_reply_error (reply, 503, "UNAVAILABLE", "", "reporting did not answer");
    }
    pthread_mutex_unlock (&self->mutex);
    return answer;
}

//  true (reply filled, answer destroyed) if the answer is an error or lacks body.
static bool
s_failed (reporting_reply_t **answer_p, const void *body, dashboard_reply_t *reply)
{
    reporting_reply_t *answer = *answer_p;
    if (answer->error && answer->error->code) {
        const ProtobufCEnumValue *value = protobuf_c_enum_descriptor_get_value (
            &motcua__v1__error_code__descriptor, answer->error->code);
        dashboard_reply_error (reply, s_http_status (answer->error->code),
                               value ? value->name + strlen ("ERROR_") : "INTERNAL",
                               answer->error->field, answer->error->message);
    }
    else
    if (!body)
        dashboard_reply_error (reply, 502, "INTERNAL", "", "reporting answered without the expected body");
    else
        return false;
    reporting_reply_destroy (answer_p);
    return true;
}

//  ---- II.06a, rates, series, drill-down ------------------------------------

//  The period as reporting takes it.
static void
s_period (const dashboard_period_t *period, Motcua__V1__ReportRequest *request)
{
    request->from = period->from;
    request->to = period->to;
    request->period = (Motcua__V1__PeriodKind) period->kind;
    request->year = period->year;
    request->number = period->number;
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

//  The rates as reporting gives them, under "rates".
static void
s_rates (json_t *json, const Motcua__V1__Rates *rates)
{
    json_object (json, "rates");
    report_json_rates (json, rates);
    json_end_object (json);
}

//  Ask reporting for body (report, rates or series) over period; the answer,
//  or NULL with reply filled.
static reporting_reply_t *
s_period_call (dashboard_gateway_t *self, Motcua__V1__ReportingRequest__BodyCase body,
               const dashboard_period_t *period, dashboard_reply_t *reply)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__PeriodRequest rates = MOTCUA__V1__PERIOD_REQUEST__INIT;
    Motcua__V1__SeriesRequest series = MOTCUA__V1__SERIES_REQUEST__INIT;
    Motcua__V1__Grouping groups [2] = { MOTCUA__V1__GROUPING__GROUPING_LEVEL, MOTCUA__V1__GROUPING__GROUPING_FIELD };
    s_period (period, &report);
    rates.period = series.period = &report;
    request.body_case = body;
    if (body == MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT) {
        report.n_group_by = 2;
        report.group_by = groups;
        request.report = &report;
    }
    else
    if (body == MOTCUA__V1__REPORTING_REQUEST__BODY_RATES)
        request.rates = &rates;
    else
        request.series = &series;
    reporting_reply_t *answer = s_call (self, &request, reply);
    const void *expected = !answer ? NULL
        : body == MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT ? (void *) answer->report
        : body == MOTCUA__V1__REPORTING_REQUEST__BODY_RATES ? (void *) answer->rates : (void *) answer->series;
    if (answer && s_failed (&answer, expected, reply))
        return NULL;
    return answer;
}

//  The period's days and its name.
static void
s_period_json (json_t *json, const Motcua__V1__Report06a *r)
{
    s_date (json, "from", r->from);
    s_date (json, "to", r->to - 1);
    json_string (json, "period_label", r->period_label);
}

void
dashboard_gateway_report (dashboard_gateway_t *self, const dashboard_period_t *period,
                          dashboard_reply_t *reply)
{
    reporting_reply_t *answer = s_period_call (self, MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT, period, reply);
    reporting_reply_t *rates = answer
        ? s_period_call (self, MOTCUA__V1__REPORTING_REQUEST__BODY_RATES, period, reply) : NULL;
    if (!rates) {
        reporting_reply_destroy (&answer);
        return;
    }
    const Motcua__V1__Report06a *r = answer->report;
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    s_period_json (json, r);
    report_json_counts (json, r);
    json_array (json, "rows");
    for (size_t i = 0; i < r->n_rows; i++) {
        json_object (json, NULL);
        json_string (json, "level", r->rows [i]->level);
        json_string (json, "field", r->rows [i]->field);
        if (r->rows [i]->counts)
            report_json_counts (json, r->rows [i]->counts);
        json_end_object (json);
    }
    json_end_array (json);
    s_rates (json, rates->rates);
    json_end_object (json);
    s_doc_close (&doc, 200, reply);
    reporting_reply_destroy (&rates);
    reporting_reply_destroy (&answer);
}

//  The workbook written to a scratch file under <var>/run, read back. 0 or -1.
static int
s_xlsx (dashboard_gateway_t *self, const Motcua__V1__Report06a *report, dashboard_reply_t *reply)
{
    char path [600];
    snprintf (path, sizeof path, "%s/run/dashboard-XXXXXX.xlsx", self->config->var_dir);
    int fd = mkstemps (path, 5);
    if (fd < 0)
        return -1;
    close (fd);
    int rc = report_out_xlsx (path, report, getenv ("MOTCUA_AGENCY_NAME"));
    FILE *file = rc ? NULL : fopen (path, "rb");
    rc = -1;
    if (file && fseek (file, 0, SEEK_END) == 0) {
        long size = ftell (file);
        rewind (file);
        reply->body = size > 0 ? (char *) malloc ((size_t) size) : NULL;
        if (reply->body && fread (reply->body, 1, (size_t) size, file) == (size_t) size) {
            reply->size = (size_t) size;
            rc = 0;
        }
    }
    if (file)
        fclose (file);
    remove (path);
    return rc;
}

void
dashboard_gateway_form (dashboard_gateway_t *self, const dashboard_period_t *period,
                        const char *format, dashboard_reply_t *reply)
{
    reporting_reply_t *answer = s_period_call (self, MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT, period, reply);
    if (!answer)
        return;
    const Motcua__V1__Report06a *r = answer->report;
    s_reply_clear (reply);
    reply->status = 200;
    reply->body = NULL;
    reply->size = 0;
    vn_civil_t from, to;
    vn_civil (r->from, &from);
    vn_civil (r->to - 1, &to);
    snprintf (reply->filename, sizeof reply->filename, "II.06a_%04d-%02d-%02d_%04d-%02d-%02d.%s",
              from.year, from.month, from.day, to.year, to.month, to.day, streq (format, "xlsx") ? "xlsx" : "csv");
    int rc;
    if (streq (format, "xlsx")) {
        reply->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        rc = s_xlsx (self, r, reply);
    }
    else {
        reply->content_type = "text/csv; charset=utf-8";
        FILE *file = open_memstream (&reply->body, &reply->size);
        rc = file ? report_out_csv (file, r) : -1;
        if (file)
            rc |= fclose (file);
    }
    reporting_reply_destroy (&answer);
    if (rc) {
        log_error ("cannot write form II.06a as %s", format);
        dashboard_reply_free (reply);
        dashboard_reply_error (reply, 500, "INTERNAL", "", "cannot write the form");
    }
}

void
dashboard_gateway_series (dashboard_gateway_t *self, const dashboard_period_t *period,
                          dashboard_reply_t *reply)
{
    reporting_reply_t *answer = s_period_call (self, MOTCUA__V1__REPORTING_REQUEST__BODY_SERIES, period, reply);
    if (!answer)
        return;
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    json_array (json, "months");
    for (size_t i = 0; i < answer->series->n_points; i++) {
        const Motcua__V1__SeriesPoint *point = answer->series->points [i];
        if (!point->counts || !point->rates)
            continue;
        json_object (json, NULL);
        json_string (json, "month", point->label);
        s_date (json, "from", point->counts->from);
        s_date (json, "to", point->counts->to - 1);
        report_json_counts (json, point->counts);
        s_rates (json, point->rates);
        json_end_object (json);
    }
    json_end_array (json);
    json_end_object (json);
    s_doc_close (&doc, 200, reply);
    reporting_reply_destroy (&answer);
}

void
dashboard_gateway_dossiers (dashboard_gateway_t *self, const dashboard_drill_t *drill,
                            dashboard_reply_t *reply)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__ReportRequest period = MOTCUA__V1__REPORT_REQUEST__INIT;
    Motcua__V1__DrillRequest ask = MOTCUA__V1__DRILL_REQUEST__INIT;
    s_period (&drill->period, &period);
    ask.period = &period;
    ask.field = (char *) drill->field;
    ask.level = (char *) drill->level;
    ask.column = (char *) drill->column;
    ask.limit = drill->limit;
    ask.offset = drill->offset;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_DRILL;
    request.drill = &ask;
    reporting_reply_t *answer = s_call (self, &request, reply);
    if (!answer || s_failed (&answer, answer->dossiers, reply))
        return;
    const Motcua__V1__DossierList *list = answer->dossiers;
    s_doc_t doc;
    json_t *json = s_doc_open (&doc);
    json_object (json, NULL);
    report_json_dossiers (json, list, false);     //  who applied is not the dashboard's business
    json_end_object (json);
    s_doc_close (&doc, 200, reply);
    reporting_reply_destroy (&answer);
}

//  ---- trace ---------------------------------------------------------------

void
dashboard_gateway_trace (dashboard_gateway_t *self, const char *code, dashboard_reply_t *reply)
{
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    Motcua__V1__TraceRequest trace = MOTCUA__V1__TRACE_REQUEST__INIT;
    trace.dossier_code = (char *) code;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_TRACE;
    request.trace = &trace;
    reporting_reply_t *answer = s_call (self, &request, reply);
    if (!answer || s_failed (&answer, answer->trace, reply))
        return;
    s_doc_t doc;
    trace_json (s_doc_open (&doc), NULL, answer->trace, true);
    s_doc_close (&doc, 200, reply);
    reporting_reply_destroy (&answer);
}
