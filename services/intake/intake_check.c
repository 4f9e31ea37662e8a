/*  intake_check — what a submission must satisfy before intake looks anything
    up: every field present where the law needs it, valid UTF-8, sizes and
    enums in range. Pure, so it can be fuzzed and unit-tested.              */
#include "intake_check.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

int
intake_check_submit (const Motcua__V1__SubmitDossier *req, api_error_t *error)
{
    if (api_check_text (error, "idempotency_key", req->idempotency_key, 128, true)
    ||  api_check_text (error, "procedure_code", req->procedure_code, 64, true))
        return -1;
    if (!req->applicant)
        return api_fail (error, INVALID, "applicant", "applicant is required");
    if (api_check_text (error, "applicant.name", req->applicant->name, 200, true)
    ||  api_check_identity (error, "applicant.id_number", req->applicant->id_number, true)
    ||  api_check_phone (error, "applicant.phone", req->applicant->phone, true)
    ||  api_check_text (error, "applicant.address", req->applicant->address, 500, true))
        return -1;
    if (req->channel < MOTCUA__V1__CHANNEL__CHANNEL_DIRECT || req->channel > MOTCUA__V1__CHANNEL__CHANNEL_POSTAL)
        return api_fail (error, INVALID, "channel", "channel must be direct, online or postal");
    if (req->return_method < MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER
    ||  req->return_method > MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL)
        return api_fail (error, INVALID, "return_method", "return method must be counter or postal");
    if (req->n_components == 0 || req->n_components > 50)
        return api_fail (error, INVALID, "components",
                         "list between 1 and 50 components (documents) of the dossier");
    for (size_t i = 0; i < req->n_components; i++)
        if (api_check_text (error, "components", req->components [i], 300, true))
            return -1;
    return 0;
}

