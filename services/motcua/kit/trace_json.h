/*  trace_json — a dossier's trace as JSON and in the words officials read,
    shared by `motcua trace` and the web dashboard.                         */
#ifndef TRACE_JSON_H
#define TRACE_JSON_H
#include "json.h"
#include "motcua/v1/reporting.pb-c.h"

//  Vietnamese for an event type, a status, a timeliness ("" for none);
//  an unknown word is returned as it is.
const char *trace_event_label (const char *type);
const char *trace_status_label (const char *status);
const char *trace_timeliness_label (const char *timeliness);

//  direct | online | postal ("" if unspecified).
const char *trace_channel_name (int channel);

//  The trace as one JSON object (key NULL at top level or in an array).
//  labels: add the Vietnamese labels (status_label, timeliness_label, each
//  event's label).
void trace_json (json_t *json, const char *key, const Motcua__V1__Trace *t, bool labels);

#endif
