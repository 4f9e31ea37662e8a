/*  json — the CLI's JSON writer. See json.h.                                */
#include "json.h"
#include "vntime.h"

void
json_begin (json_t *json, FILE *out)
{
    json->out = out;
    json->depth = 0;
    json->first [0] = true;
}

static void
s_key (json_t *json, const char *key)
{
    if (!json->first [json->depth])
        fputc (',', json->out);
    json->first [json->depth] = false;
    if (key) {
        fputc ('"', json->out);
        fputs (key, json->out);
        fputs ("\":", json->out);
    }
}

static void
s_open (json_t *json, const char *key, char bracket)
{
    s_key (json, key);
    fputc (bracket, json->out);
    if (json->depth < 15)
        json->depth++;
    json->first [json->depth] = true;
}

void json_object (json_t *json, const char *key) { s_open (json, key, '{'); }
void json_array (json_t *json, const char *key)  { s_open (json, key, '['); }

void
json_end_object (json_t *json)
{
    fputc ('}', json->out);
    json->depth--;
}

void
json_end_array (json_t *json)
{
    fputc (']', json->out);
    json->depth--;
}

void
json_string (json_t *json, const char *key, const char *value)
{
    s_key (json, key);
    fputc ('"', json->out);
    for (const unsigned char *p = (const unsigned char *) (value ? value : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf (json->out, "\\%c", *p);
        else
        if (*p == '\n')
            fputs ("\\n", json->out);
        else
        if (*p < 0x20)
            fprintf (json->out, "\\u%04x", *p);
        else
            fputc (*p, json->out);
    }
    fputc ('"', json->out);
}

void
json_int (json_t *json, const char *key, int64_t value)
{
    s_key (json, key);
    fprintf (json->out, "%lld", (long long) value);
}

void
json_bool (json_t *json, const char *key, bool value)
{
    s_key (json, key);
    fputs (value ? "true" : "false", json->out);
}

void
json_time (json_t *json, const char *key, int64_t at_ms)
{
    if (!at_ms) {
        s_key (json, key);
        fputs ("null", json->out);
        return;
    }
    char buf [40];
    json_string (json, key, vn_format_iso (at_ms, buf, sizeof buf));
}

void
json_finish (json_t *json)
{
    fputc ('\n', json->out);
    fflush (json->out);
}

void
json_double (json_t *json, const char *key, double value, int decimals)
{
    s_key (json, key);
    fprintf (json->out, "%.*f", decimals, value);
}

void
json_document (json_t *json, FILE *out)
{
    json_begin (json, out);
    json_object (json, NULL);
}

void
json_end_document (json_t *json)
{
    json_end_object (json);
    json_finish (json);
}
