/*  api — what every API handler needs: a typed error being built, input
    checks that name the offending field (UTF-8, size, presence, enums), and
    packing a protobuf reply into a chunk.                                   */
#ifndef API_H
#define API_H
#include <czmq.h>
#include <stdbool.h>
#include <protobuf-c/protobuf-c.h>
#include "motcua/v1/common.pb-c.h"

typedef struct {
    Motcua__V1__ErrorCode code;     //  0: no error
    char field [64];
    char message [320];
} api_error_t;

//  Set the error (first one wins). Always returns -1, for `return api_fail (…)`.
int  api_fail (api_error_t *error, Motcua__V1__ErrorCode code, const char *field,
               const char *format, ...) __attribute__ ((format (printf, 4, 5)));

//  Point a protobuf Error at error's fields (valid while error lives).
void api_error_to_pb (const api_error_t *error, Motcua__V1__Error *pb);

bool api_utf8_valid (const char *text);

//  A text field: valid UTF-8, at most max_bytes, non-blank if required.
int  api_check_text (api_error_t *error, const char *field, const char *value,
                     size_t max_bytes, bool required);

//  Pack any message into a new chunk.
zchunk_t *api_pack (const ProtobufCMessage *message);

//  Pack a service reply: when error is set, it goes in the reply's `error`
//  field (field 2 of every reply) and the reply's oneof body is cleared.
zchunk_t *api_reply_pack (ProtobufCMessage *reply, const api_error_t *error);

//  A reply of reply_type carrying only request_id and an error.
zchunk_t *api_error_reply (const ProtobufCMessageDescriptor *reply_type, const char *request_id,
                           Motcua__V1__ErrorCode code, const char *field, const char *message);

//  Map a failed database call to a typed error (UNAVAILABLE or INTERNAL).
int  api_db_fail (api_error_t *error, const char *db_error);

//  A look-up's outcome (found: 1, 0 none, -1 the database failed) as a
//  typed error: 0 if found; else -1, error set to the database's failure
//  (api_db_fail) or to INVALID_ARGUMENT on field with the message.
int  api_found (api_error_t *error, int found, const char *db_error, const char *field,
                const char *format, ...) __attribute__ ((format (printf, 5, 6)));

//  An applicant's identity number and phone, checked by the rules look-up
//  uses (lookup_key.h), so that every dossier taken in can be found again:
//  0, or -1 with INVALID_ARGUMENT naming field. Empty passes unless required.
int  api_check_identity (api_error_t *error, const char *field, const char *text, bool required);
int  api_check_phone (api_error_t *error, const char *field, const char *text, bool required);

//  A time a request gives (ms): 0, or -1 with INVALID_ARGUMENT naming field
//  when it is not within [min_ms, max_ms] (dates shown dd/mm/yyyy).
int  api_check_time (api_error_t *error, const char *field, int64_t value, int64_t min_ms, int64_t max_ms);

#endif
