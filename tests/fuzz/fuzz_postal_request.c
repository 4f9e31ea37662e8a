/*  fuzz_postal_request — libFuzzer target: any bytes as a PostalRequest, as
    postal's api socket receives them. The request is walked as
    postal_server walks it, with its text limits (idempotency key 128,
    dossier code 64), as are the operations every service shares (audit,
    deliveries: service.c); an answer quoting the code stays valid UTF-8; a
    reply echoing the request id must match.                                 */
#include "fuzz.h"
#include "motcua/v1/postal.pb-c.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    Motcua__V1__PostalRequest *request = motcua__v1__postal_request__unpack (NULL, size, data);
    fuzz_check_envelope (data, size, request ? &request->base : NULL);
    if (!request)
        return 0;
    api_error_t error = { 0 };
    fuzz_walk (&request->base);
    switch (request->body_case) {
        case MOTCUA__V1__POSTAL_REQUEST__BODY_DELIVER: {
            const Motcua__V1__DeliverShipment *deliver = request->deliver;
            if (api_check_text (&error, "idempotency_key", deliver->idempotency_key, 128, true)
            ||  api_check_text (&error, "dossier_code", deliver->dossier_code, 64, true))
                break;
            //  s_deliver's longest answer quotes the code: it must fit whole,
            //  never cut inside a character (fuzz_check_error checks UTF-8).
            api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                      "no shipment for dossier %s (is its result ready, and going by post?)",
                      deliver->dossier_code);
            break;
        }
        case MOTCUA__V1__POSTAL_REQUEST__BODY_LIST:
            break;
        default:            //  health, audit, deliveries, replay_dead, or nothing
            if (!fuzz_shared (&request->base, &error))
                api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "body",
                          "the request names no operation");
    }
    fuzz_check_error (&error);
    fuzz_check_echo (&motcua__v1__postal_reply__descriptor, request->request_id, &error);
    motcua__v1__postal_request__free_unpacked (request, NULL);
    return 0;
}
