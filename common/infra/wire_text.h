/*  wire_text — every string of a request checked once, on the wire, before
    it is unpacked. protobuf-c hands strings over NUL-terminated, so a NUL
    inside one would be cut there silently (two keys that differ after it
    would collide); and text echoed to terminals, forms and spreadsheets
    must not carry what is not text. A string is refused unless it is valid
    UTF-8 without C0 or C1 control characters (a line break or tab only in
    the fields that hold several lines: wire_text_multiline) and without the
    bidirectional controls that reorder what a reader sees (U+202A–U+202E,
    U+2066–U+2069, U+200E/U+200F, U+061C). The walk follows the message's
    descriptor into nested and repeated messages; the field is named by its
    path below the envelope's operation ("applicant.name" of a submit).
    Unknown fields are left to the decoder.                                  */
#ifndef WIRE_TEXT_H
#define WIRE_TEXT_H
#include <protobuf-c/protobuf-c.h>
#include <stdbool.h>
#include <stddef.h>
#include "api.h"

//  0 if every string in data (a packed `type`) is text; otherwise -1 with
//  error INVALID_ARGUMENT naming the field. Malformed data returns 0: the
//  decoder refuses it with its own error.
int   wire_text_check (const ProtobufCMessageDescriptor *type, const uint8_t *data, size_t size,
                       api_error_t *error);

//  Is a field of this name one that holds several lines (reason, note,
//  result, comment, content, detail, message, result_note)?
bool  wire_text_multiline (const char *field_name);

//  The first character of text (size bytes) that is not allowed, or NULL.
//  Sets *why to a short English description of what was found.
const char *wire_text_bad (const char *text, size_t size, bool multiline, const char **why);

#endif
