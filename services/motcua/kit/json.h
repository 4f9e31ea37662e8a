/*  json — a small JSON writer to stdout/stderr for the CLI's --json output.
    Keys and values are written in order; strings are escaped (UTF-8 kept). */
#ifndef JSON_H
#define JSON_H
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct {
    FILE *out;
    int depth;
    bool first [16];
} json_t;

void json_begin (json_t *json, FILE *out);       //  writes nothing yet
void json_object (json_t *json, const char *key); //  key NULL at top level or in arrays
void json_array (json_t *json, const char *key);
void json_end_object (json_t *json);
void json_end_array (json_t *json);
void json_string (json_t *json, const char *key, const char *value);
void json_int (json_t *json, const char *key, int64_t value);
void json_bool (json_t *json, const char *key, bool value);
void json_double (json_t *json, const char *key, double value, int decimals);
//  An instant as ISO 8601 with +07:00, or null when 0.
void json_time (json_t *json, const char *key, int64_t at_ms);
void json_finish (json_t *json);                 //  newline
//  A whole document: json_begin and the top-level object; its end and newline.
void json_document (json_t *json, FILE *out);
void json_end_document (json_t *json);

#endif
