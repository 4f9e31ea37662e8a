/*  dashboard_gateway — the dashboard's side of the reporting API: one CURVE
    client speaking as the `dashboard` certificate, each answer turned into the
    JSON the page reads and the HTTP status it deserves. No answer from
    reporting is 503 (the client is then made anew, so a restarted reporting
    is found again); reporting's typed errors keep their code and field.
    Safe to call from the HTTP server's threads: the calls to reporting take
    turns on the one client (a mutex), each bounded by timeout_ms.          */
#ifndef DASHBOARD_GATEWAY_H
#define DASHBOARD_GATEWAY_H
#include <stdint.h>
#include <stddef.h>
#include "config.h"

typedef struct {
    int status;                 //  HTTP status
    char *body;                 //  JSON text (or the file), owned
    size_t size;
    const char *content_type;   //  NULL: JSON
    char filename [96];         //  "" unless the body is a file to save
} dashboard_reply_t;

typedef struct dashboard_gateway_t dashboard_gateway_t;

//  A period: a reporting period (kind, year, number as common/law/period.h
//  names them; reporting labels it, e.g. "Năm 2026"), or with kind 0 the
//  window [from, to) in ms (local midnights).
typedef struct {
    int64_t from, to;
    int kind, year, number;
} dashboard_period_t;

//  config is borrowed; timeout_ms bounds each call to reporting.
dashboard_gateway_t *dashboard_gateway_new (const config_t *config, int timeout_ms);
void dashboard_gateway_destroy (dashboard_gateway_t **self_p);

//  The II.06a figures of a period: the totals, a row per level and field,
//  and the rates with their numerators and denominators.
void dashboard_gateway_report (dashboard_gateway_t *self, const dashboard_period_t *period,
                               dashboard_reply_t *reply);
//  The same figures month by month: reporting months (15th to 14th) cut to
//  the period.
void dashboard_gateway_series (dashboard_gateway_t *self, const dashboard_period_t *period,
                               dashboard_reply_t *reply);
//  Form II.06a of a period, a row per level and field, as officials file it:
//  format "xlsx" (the workbook `motcua report --xlsx` writes) or "csv".
void dashboard_gateway_form (dashboard_gateway_t *self, const dashboard_period_t *period,
                             const char *format, dashboard_reply_t *reply);

//  The dossiers behind one cell of II.06a (drill-down): the period, the
//  row's keys ("" = any) and the column (a name of form06a_count_names).
typedef struct {
    dashboard_period_t period;
    const char *field, *level, *column;
    int limit, offset;
} dashboard_drill_t;
void dashboard_gateway_dossiers (dashboard_gateway_t *self, const dashboard_drill_t *drill,
                                 dashboard_reply_t *reply);

//  One dossier's status and timeline.
void dashboard_gateway_trace (dashboard_gateway_t *self, const char *code, dashboard_reply_t *reply);

//  An error reply: {"error":{"code":…,"field":…,"message":…}}.
void dashboard_reply_error (dashboard_reply_t *reply, int status, const char *code,
                            const char *field, const char *message);
void dashboard_reply_free (dashboard_reply_t *reply);

#endif
