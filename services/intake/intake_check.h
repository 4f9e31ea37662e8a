/*  intake_check — validation of a SubmitDossier request. Pure.              */
#ifndef INTAKE_CHECK_H
#define INTAKE_CHECK_H
#include "api.h"
#include "motcua/v1/intake.pb-c.h"

//  0 if req may be received, else -1 with error naming the offending field.
int intake_check_submit (const Motcua__V1__SubmitDossier *req, api_error_t *error);

#endif
