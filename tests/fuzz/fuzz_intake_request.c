/*  fuzz_intake_request — libFuzzer target: any bytes as an IntakeRequest, as
    intake's api socket receives them. Every string reached is read and
    checked as UTF-8; a submission goes through intake_check_submit (what
    intake checks before it looks anything up), and one the check accepts
    must really be well-formed; a supplement handed in and a withdrawal are
    checked as intake_server checks them (key 128, code 64, reason 2000,
    1 to 50 components of 300), as are the operations every service shares
    (audit, deliveries: service.c); a reply echoing the request id must
    match.                                                                  */
#include "fuzz.h"
#include "intake_check.h"
#include "dossier_history.h"
#include "lookup_key.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT

//  Is everything intake stores and echoes from this submission valid UTF-8?
static bool
s_submit_utf8 (const Motcua__V1__SubmitDossier *submit)
{
    const Motcua__V1__Applicant *applicant = submit->applicant;
    bool valid = api_utf8_valid (submit->idempotency_key) && api_utf8_valid (submit->procedure_code)
              && (!applicant || (api_utf8_valid (applicant->name) && api_utf8_valid (applicant->id_number)
                              && api_utf8_valid (applicant->phone) && api_utf8_valid (applicant->address)));
    for (size_t i = 0; i < submit->n_components; i++)
        valid = valid && api_utf8_valid (submit->components [i]);
    return valid;
}

static void
s_submit (const Motcua__V1__SubmitDossier *submit, api_error_t *error)
{
    int rc = intake_check_submit (submit, error);
    FUZZ_ASSERT ((rc == 0) == (error->code == 0));
    if (rc)
        return;
    FUZZ_ASSERT (s_submit_utf8 (submit) && submit->applicant);
    FUZZ_ASSERT (submit->n_components >= 1 && submit->n_components <= 50);
    FUZZ_ASSERT (strlen (submit->procedure_code) <= 64);
    //  intake's answer to an unknown code quotes it: whole, valid UTF-8.
    api_fail (error, INVALID, "procedure_code",
              "unknown procedure code '%s' (see `motcua catalog list`)", submit->procedure_code);
}

//  intake_server's s_run: the checks of a command on one dossier.
static void
s_run (api_error_t *error, const char *key, const char *code, const char *reason,
       char **components, size_t n_components)
{
    if (api_check_text (error, "idempotency_key", key, 128, true)
    ||  api_check_text (error, "dossier_code", code, 64, true)
    ||  api_check_text (error, "reason", reason, 2000, false))
        return;
    for (size_t i = 0; i < n_components; i++)
        if (api_check_text (error, "components", components [i], 300, true))
            return;
}

//  History import: a row history_check accepts is one intake may write:
//  readable, its code well formed, its times in order, its history a path
//  through the transition table.
static void
s_import (const Motcua__V1__ImportDossiers *batch, api_error_t *error)
{
    int64_t now = vn_instant (2026, 11, 29, 0);
    for (size_t i = 0; i < batch->n_dossiers; i++) {
        const Motcua__V1__ImportedDossier *row = batch->dossiers [i];
        api_error_t row_error = { 0 };
        int rc = history_check (row, now, &row_error);
        FUZZ_ASSERT ((rc == 0) == (row_error.code == 0));
        fuzz_check_error (&row_error);
        if (rc)
            continue;
        FUZZ_ASSERT (row->applicant && api_utf8_valid (row->applicant->name) && api_utf8_valid (row->dossier_code));
        FUZZ_ASSERT (row->received_at <= now && row->due_at > row->received_at);
        FUZZ_ASSERT (!row->returned_at || row->returned_at >= row->resolved_at);
        FUZZ_ASSERT (strcmp (history_status (row->outcome, row->returned_at != 0), "unknown") != 0);
    }
    if (batch->n_dossiers == 0)
        api_fail (error, INVALID, "dossiers", "send 1 to 1000 dossiers a batch");
}

//  Look-up keys: an accepted phone is 0 and 9 or 10 more digits, and its
//  key is its own key.
static void
s_lookup (const Motcua__V1__LookupDossiers *lookup, api_error_t *error)
{
    char key [32], again [32];
    if (lookup_phone_key (lookup->phone, key, sizeof key) == 0) {
        size_t len = strlen (key);
        FUZZ_ASSERT (key [0] == '0' && (len == 10 || len == 11));
        FUZZ_ASSERT (lookup_phone_key (key, again, sizeof again) == 0 && strcmp (key, again) == 0);
    }
    if (lookup_id_check (lookup->id_number) == 0)
        FUZZ_ASSERT (strlen (lookup->id_number) >= 9 && strlen (lookup->id_number) <= 14);
    api_check_text (error, "dossier_code", lookup->dossier_code, 63, false);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    Motcua__V1__IntakeRequest *request = motcua__v1__intake_request__unpack (NULL, size, data);
    fuzz_check_envelope (data, size, request ? &request->base : NULL);
    if (!request)
        return 0;
    api_error_t error = { 0 };
    fuzz_walk (&request->base);
    switch (request->body_case) {
        case MOTCUA__V1__INTAKE_REQUEST__BODY_LIST_PROCEDURES:
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT:
            s_submit (request->submit, &error);
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_HAND_IN_SUPPLEMENT: {
            const Motcua__V1__HandInSupplement *req = request->hand_in_supplement;
            if (req->n_components == 0 || req->n_components > 50)
                api_fail (&error, INVALID, "components", "list the documents handed in (1 to 50)");
            else
                s_run (&error, req->idempotency_key, req->dossier_code, "", req->components, req->n_components);
            break;
        }
        case MOTCUA__V1__INTAKE_REQUEST__BODY_WITHDRAW:
            s_run (&error, request->withdraw->idempotency_key, request->withdraw->dossier_code,
                   request->withdraw->reason, NULL, 0);
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_IMPORT_DOSSIERS:
            s_import (request->import_dossiers, &error);
            break;
        case MOTCUA__V1__INTAKE_REQUEST__BODY_LOOKUP:
            s_lookup (request->lookup, &error);
            break;
        default:            //  health, audit, deliveries, replay_dead, or nothing
            if (!fuzz_shared (&request->base, &error))
                api_fail (&error, INVALID, "body", "the request names no operation");
    }
    fuzz_check_error (&error);
    fuzz_check_echo (&motcua__v1__intake_reply__descriptor, request->request_id, &error);
    motcua__v1__intake_request__free_unpacked (request, NULL);
    return 0;
}
