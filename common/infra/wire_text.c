/*  wire_text — strings checked on the wire. See wire_text.h.                */
#include <stdio.h>
#include <string.h>
#include "wire_text.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define DEPTH_MAX 16            //  nested messages followed at most this deep

//  The one list of fields that hold several lines.
static const char *s_multiline [] = {
    "reason", "note", "result", "comment", "content", "detail", "message", "result_note", NULL
};

bool
wire_text_multiline (const char *field_name)
{
    for (int i = 0; s_multiline [i]; i++)
        if (strcmp (s_multiline [i], field_name) == 0)
            return true;
    return false;
}

//  The code point at p (n bytes left) and its length, or 0 if not UTF-8.
static int
s_decode (const unsigned char *p, size_t n, unsigned int *cp)
{
    int extra;
    if (*p < 0x80) { *cp = *p; return 1; }
    else if ((*p & 0xE0) == 0xC0) { extra = 1; *cp = *p & 0x1F; }
    else if ((*p & 0xF0) == 0xE0) { extra = 2; *cp = *p & 0x0F; }
    else if ((*p & 0xF8) == 0xF0) { extra = 3; *cp = *p & 0x07; }
    else return 0;
    if ((size_t) extra >= n)
        return 0;
    for (int i = 1; i <= extra; i++) {
        if ((p [i] & 0xC0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (p [i] & 0x3F);
    }
    if ((extra == 1 && *cp < 0x80) || (extra == 2 && *cp < 0x800) || (extra == 3 && *cp < 0x10000)
    ||  *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
        return 0;
    return extra + 1;
}

const char *
wire_text_bad (const char *text, size_t size, bool multiline, const char **why)
{
    const unsigned char *p = (const unsigned char *) text, *end = p + size;
    while (p < end) {
        unsigned int cp;
        int length = s_decode (p, (size_t) (end - p), &cp);
        if (!length) {
            *why = "is not valid UTF-8";
            return (const char *) p;
        }
        if (cp == 0) {
            *why = "contains a NUL character";
            return (const char *) p;
        }
        if ((cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
            *why = multiline ? "contains a control character" : "contains a control character or line break";
            return (const char *) p;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        ||  cp == 0x200E || cp == 0x200F || cp == 0x061C) {
            *why = "contains a bidirectional text control";
            return (const char *) p;
        }
        p += length;
    }
    return NULL;
}

//  A varint at *p (before end): 0 and the value, or -1.
static int
s_varint (const uint8_t **p, const uint8_t *end, uint64_t *value)
{
    *value = 0;
    for (int shift = 0; shift < 64 && *p < end; shift += 7) {
        uint8_t byte = *(*p)++;
        *value |= (uint64_t) (byte & 0x7F) << shift;
        if (!(byte & 0x80))
            return 0;
    }
    return -1;
}

static int
s_walk (const ProtobufCMessageDescriptor *type, const uint8_t *p, const uint8_t *end,
        char *path, size_t path_size, int depth, api_error_t *error)
{
    size_t path_length = strlen (path);
    while (p < end) {
        uint64_t tag, length;
        if (s_varint (&p, end, &tag))
            return 0;
        unsigned wire = (unsigned) (tag & 7);
        uint32_t number = (uint32_t) (tag >> 3);
        if (wire == 0) {
            if (s_varint (&p, end, &length))
                return 0;
            continue;
        }
        if (wire == 1 || wire == 5) {
            size_t skip = wire == 1 ? 8 : 4;
            if ((size_t) (end - p) < skip)
                return 0;
            p += skip;
            continue;
        }
        if (wire != 2 || s_varint (&p, end, &length) || length > (uint64_t) (end - p))
            return 0;               //  groups or a broken frame: the decoder's to refuse
        const uint8_t *value = p;
        p += length;
        const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field (type, number);
        if (!field)
            continue;
        //  The envelope's operation is left out of the path: the field of a
        //  SubmitDossier is "applicant.name", as the service's checks name it.
        if (!(depth == 0 && field->type == PROTOBUF_C_TYPE_MESSAGE))
            snprintf (path + path_length, path_size - path_length, "%s%s", path_length ? "." : "", field->name);
        if (field->type == PROTOBUF_C_TYPE_STRING) {
            const char *why = NULL;
            if (wire_text_bad ((const char *) value, (size_t) length, wire_text_multiline (field->name), &why))
                return api_fail (error, INVALID, path, "%s %s", path, why);
        }
        else
        if (field->type == PROTOBUF_C_TYPE_MESSAGE && depth < DEPTH_MAX
        &&  s_walk ((const ProtobufCMessageDescriptor *) field->descriptor, value, value + length,
                    path, path_size, depth + 1, error))
            return -1;
        path [path_length] = 0;
    }
    return 0;
}

int
wire_text_check (const ProtobufCMessageDescriptor *type, const uint8_t *data, size_t size,
                 api_error_t *error)
{
    char path [256] = "";
    return s_walk (type, data, data + size, path, sizeof path, 0, error);
}
