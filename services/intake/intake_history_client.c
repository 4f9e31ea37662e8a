/*  intake_history_client — import and look-up calls. See intake_history_client.h. */
#include "intake_history_client.h"

static intake_reply_t *
s_call (client_t *client, Motcua__V1__IntakeRequest *request)
{
    return (intake_reply_t *) client_call (client, &request->base, &request->request_id,
                                           &motcua__v1__intake_reply__descriptor);
}

intake_reply_t *
intake_client_import (client_t *client, Motcua__V1__ImportedDossier **rows, size_t count, bool dry_run)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__ImportDossiers batch = MOTCUA__V1__IMPORT_DOSSIERS__INIT;
    batch.dossiers = rows;
    batch.n_dossiers = count;
    batch.dry_run = dry_run;
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_IMPORT_DOSSIERS;
    request.import_dossiers = &batch;
    return s_call (client, &request);
}

intake_reply_t *
intake_client_lookup (client_t *client, const char *code, const char *id_number, const char *phone)
{
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    Motcua__V1__LookupDossiers lookup = MOTCUA__V1__LOOKUP_DOSSIERS__INIT;
    lookup.dossier_code = (char *) (code ? code : "");
    lookup.id_number = (char *) (id_number ? id_number : "");
    lookup.phone = (char *) (phone ? phone : "");
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_LOOKUP;
    request.lookup = &lookup;
    return s_call (client, &request);
}
