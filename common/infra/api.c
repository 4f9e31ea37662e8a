/*  api — typed errors, input checks and reply packing. See api.h.          */
#include <stdarg.h>
#include "api.h"
#include "log.h"
#include "lookup_key.h"
#include "vntime.h"

int
api_fail (api_error_t *error, Motcua__V1__ErrorCode code, const char *field, const char *format, ...)
{
    if (error->code)
        return -1;
    error->code = code;
    snprintf (error->field, sizeof error->field, "%s", field ? field : "");
    va_list args;
    va_start (args, format);
    vsnprintf (error->message, sizeof error->message, format, args);
    va_end (args);
    return -1;
}

void
api_error_to_pb (const api_error_t *error, Motcua__V1__Error *pb)
{
    pb->code = error->code;
    pb->field = (char *) error->field;
    pb->message = (char *) error->message;
}

bool
api_utf8_valid (const char *text)
{
    const unsigned char *p = (const unsigned char *) text;
    while (*p) {
        int extra;
        unsigned int cp;
        if (*p < 0x80) { p++; continue; }
        else if ((*p & 0xE0) == 0xC0) { extra = 1; cp = *p & 0x1F; }
        else if ((*p & 0xF0) == 0xE0) { extra = 2; cp = *p & 0x0F; }
        else if ((*p & 0xF8) == 0xF0) { extra = 3; cp = *p & 0x07; }
        else return false;
        p++;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (*p & 0x3F);
        }
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
        ||  cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
    }
    return true;
}

int
api_check_text (api_error_t *error, const char *field, const char *value, size_t max_bytes, bool required)
{
    if (!value)
        value = "";
    if (!api_utf8_valid (value))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field,
                         "%s is not valid UTF-8", field);
    if (strlen (value) > max_bytes)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field,
                         "%s is longer than %zu bytes", field, max_bytes);
    if (required && strspn (value, " \t\r\n") == strlen (value))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field,
                         "%s is required", field);
    return 0;
}

zchunk_t *
api_pack (const ProtobufCMessage *message)
{
    size_t size = protobuf_c_message_get_packed_size (message);
    uint8_t *buffer = (uint8_t *) malloc (size ? size : 1);
    protobuf_c_message_pack (message, buffer);
    zchunk_t *chunk = zchunk_new (buffer, size);
    free (buffer);
    return chunk;
}

int
api_db_fail (api_error_t *error, const char *db_error)
{
    log_warn ("database: %s", db_error);
    return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE, "",
                     "the database is unavailable; nothing was saved, try again");
}

int
api_found (api_error_t *error, int found, const char *db_error, const char *field, const char *format, ...)
{
    if (found > 0)
        return 0;
    if (found < 0)
        return api_db_fail (error, db_error);
    if (error->code)
        return -1;
    char message [sizeof error->message];
    va_list args;
    va_start (args, format);
    vsnprintf (message, sizeof message, format, args);
    va_end (args);
    return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field, "%s", message);
}

zchunk_t *
api_reply_pack (ProtobufCMessage *reply, const api_error_t *error)
{
    Motcua__V1__Error error_pb = MOTCUA__V1__ERROR__INIT;
    const ProtobufCMessageDescriptor *type = reply->descriptor;
    const ProtobufCFieldDescriptor *error_field = protobuf_c_message_descriptor_get_field_by_name (type, "error");
    if (error->code && error_field) {
        api_error_to_pb (error, &error_pb);
        *(Motcua__V1__Error **) ((char *) reply + error_field->offset) = &error_pb;
        for (unsigned i = 0; i < type->n_fields; i++)
            if (type->fields [i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
                *(uint32_t *) ((char *) reply + type->fields [i].quantifier_offset) = 0;
    }
    zchunk_t *packed = api_pack (reply);
    if (error->code && error_field)
        *(Motcua__V1__Error **) ((char *) reply + error_field->offset) = NULL;
    return packed;
}

zchunk_t *
api_error_reply (const ProtobufCMessageDescriptor *reply_type, const char *request_id,
                 Motcua__V1__ErrorCode code, const char *field, const char *message)
{
    ProtobufCMessage *reply = (ProtobufCMessage *) calloc (1, reply_type->sizeof_message);
    reply_type->message_init (reply);
    const ProtobufCFieldDescriptor *id_field = protobuf_c_message_descriptor_get_field_by_name (reply_type, "request_id");
    if (id_field)
        *(const char **) ((char *) reply + id_field->offset) = request_id;
    api_error_t error = { 0 };
    api_fail (&error, code, field, "%s", message);
    zchunk_t *packed = api_reply_pack (reply, &error);
    free (reply);
    return packed;
}

int
api_check_identity (api_error_t *error, const char *field, const char *text, bool required)
{
    if (api_check_text (error, field, text, 32, required))
        return -1;
    if (text && *text && lookup_id_check (text))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field,
                         "'%s' is not an identity number: CCCD has 12 digits (CMND 9, tax code 10 or 10-3)",
                         text);
    return 0;
}

int
api_check_phone (api_error_t *error, const char *field, const char *text, bool required)
{
    char key [32];
    if (api_check_text (error, field, text, 32, required))
        return -1;
    if (text && *text && lookup_phone_key (text, key, sizeof key))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field,
                         "'%s' is not a Vietnamese phone number (10 digits from 0, or 11 for a landline)",
                         text);
    return 0;
}

int
api_check_time (api_error_t *error, const char *field, int64_t value, int64_t min_ms, int64_t max_ms)
{
    if (value >= min_ms && value <= max_ms)
        return 0;
    char from [40], to [40];
    return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, field,
                     "%s must be a time between %s and %s", field,
                     vn_format_form (min_ms, from, sizeof from), vn_format_form (max_ms, to, sizeof to));
}
