/*  intake_receive — the counter's two answers to a dossier handed in: a
    receipt (the dossier row, its code and first due time from the legal
    clock, its DossierReceived event) or a numbered refusal notice (Mẫu 03).
    Both run inside the caller's transaction and have the idempotent_fn
    shape: the counter runs them once per key (service_run_once), postal
    intake inside the consumer's transaction of a signed hand-over record.  */
#ifndef INTAKE_RECEIVE_H
#define INTAKE_RECEIVE_H
#include "service.h"
#include "motcua/v1/intake.pb-c.h"

typedef struct {
    service_t *service;
    const principal_t *who;
    const Motcua__V1__SubmitDossier *req;
    int64_t received_at;        //  0: now; postal: when the hand-over record was signed
} intake_submit_t;

//  context is an intake_submit_t. The packed Receipt, or NULL with error set.
zchunk_t *intake_receive (void *context, api_error_t *error);

typedef struct {
    service_t *service;
    const principal_t *who;
    const Motcua__V1__RefuseDossier *req;
} intake_refuse_t;

//  context is an intake_refuse_t. The packed RefusalNotice, or NULL with error set.
zchunk_t *intake_refuse (void *context, api_error_t *error);

#endif
