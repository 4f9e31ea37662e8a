/*  fuzz_processing_request — libFuzzer target: any bytes as a
    ProcessingRequest, as processing's api socket receives them. The request
    is walked as processing_server walks it, with its text limits (division
    64; idempotency key 128, dossier code 64, reason 2000 and required on a
    refusal; 1 to 50 missing items of 300), as are the operations every
    service shares (audit, deliveries: service.c). A delay letter's new due
    time, a number from the wire, is bounded (before the year 10000), goes
    through legal_clock_delay under both rule sets and, when accepted, is
    printed as the audit trail prints it. A reply echoing the request id
    must match.                                                             */
#include "fuzz.h"
#include "legal_clock.h"
#include "vntime.h"
#include "motcua/v1/processing.pb-c.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  s_run_command's checks; 0 if the command would go on to the dossier.
static int
s_command (api_error_t *error, const char *key, const char *code, const char *reason)
{
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", code, 64, true)
    ||  api_check_text (error, "reason", reason, 2000, false))
        return -1;
    FUZZ_ASSERT (api_utf8_valid (key) && api_utf8_valid (code) && api_utf8_valid (reason));
    //  s_load's answer to an unknown code quotes it: whole, valid UTF-8.
    api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
              "no dossier %s in processing", code);
    return 0;
}

//  s_delay_letter, for a dossier due on a Friday evening, the letter issued
//  two days before.
static void
s_delay_letter (int64_t new_due)
{
    int64_t due_at = vn_instant (2026, 11, 27, 17 * 60);
    rules_id_t ids [] = { RULES_2018, RULES_2025 };
    for (size_t i = 0; i < sizeof ids / sizeof ids [0]; i++) {
        clock_change_t change;
        char why [256] = "";
        if (legal_clock_delay (ids [i], due_at, due_at - 2 * MS_PER_DAY, new_due, 0, &change, why, sizeof why)) {
            FUZZ_ASSERT (*why && api_utf8_valid (why));
            continue;
        }
        FUZZ_ASSERT (change.due_at == new_due && new_due > due_at);
        char text [40];
        vn_format_iso (change.due_at, text, sizeof text);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    Motcua__V1__ProcessingRequest *request = motcua__v1__processing_request__unpack (NULL, size, data);
    fuzz_check_envelope (data, size, request ? &request->base : NULL);
    if (!request)
        return 0;
    api_error_t error = { 0 };
    fuzz_walk (&request->base);
    switch (request->body_case) {
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_QUEUE:
            api_check_text (&error, "division", request->queue->division, 64, false);
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_RESOLVE: {
            const Motcua__V1__ResolveDossier *resolve = request->resolve;
            if (resolve->outcome != MOTCUA__V1__OUTCOME__OUTCOME_APPROVED
            &&  resolve->outcome != MOTCUA__V1__OUTCOME__OUTCOME_REJECTED)
                api_fail (&error, INVALID, "outcome", "outcome must be approved or rejected");
            else
            if (resolve->outcome == MOTCUA__V1__OUTCOME__OUTCOME_REJECTED
            &&  api_check_text (&error, "reason", resolve->reason, 2000, true))
                ;
            else
                s_command (&error, resolve->idempotency_key, resolve->dossier_code, resolve->reason);
            break;
        }
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_RETURN_AT_COUNTER:
            s_command (&error, request->return_at_counter->idempotency_key,
                       request->return_at_counter->dossier_code, "");
            break;
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_REQUEST_SUPPLEMENT: {
            const Motcua__V1__RequestSupplement *req = request->request_supplement;
            if (req->n_missing == 0 || req->n_missing > 50) {
                api_fail (&error, INVALID, "missing", "list everything that is missing, in one go (1 to 50 items)");
                break;
            }
            for (size_t i = 0; i < req->n_missing; i++)
                if (api_check_text (&error, "missing", req->missing [i], 300, true))
                    break;
            if (!error.code)
                s_command (&error, req->idempotency_key, req->dossier_code, req->reason);
            break;
        }
        case MOTCUA__V1__PROCESSING_REQUEST__BODY_DELAY_LETTER: {
            const Motcua__V1__IssueDelayLetter *letter = request->delay_letter;
            if (letter->new_due_at >= vn_instant (10000, 1, 1, 0))
                api_fail (&error, INVALID, "new_due_at", "new_due_at must be a date before the year 10000");
            else
            if (s_command (&error, letter->idempotency_key, letter->dossier_code, letter->reason) == 0)
                s_delay_letter (letter->new_due_at);
            break;
        }
        default:            //  health, audit, deliveries, replay_dead, or nothing
            if (!fuzz_shared (&request->base, &error))
                api_fail (&error, INVALID, "body", "the request names no operation");
    }
    fuzz_check_error (&error);
    fuzz_check_echo (&motcua__v1__processing_reply__descriptor, request->request_id, &error);
    motcua__v1__processing_request__free_unpacked (request, NULL);
    return 0;
}
