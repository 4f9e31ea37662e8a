/*  intake_postal — dossiers handed over by the post. See intake_postal.h.  */
#include "intake_postal.h"
#include "intake_receive.h"
#include "audit.h"
#include "log.h"
#include "outbox.h"
#include "vntime.h"

//  Tell postal what became of a slip. 0 or -1.
static int
s_answer (db_t *db, const Motcua__V1__HandoverSigned *handover, const Motcua__V1__PostalSlip *slip,
          Motcua__V1__PostalIntakeAnswered *answer, const char *actor)
{
    answer->batch_no = handover->batch_no;
    answer->slip_number = slip->slip_number;
    answer->collected_at = slip->collected_at;
    answer->collected_by = slip->collected_by;
    answer->postal_fee = slip->postal_fee;
    answer->procedure_fee = slip->procedure_fee;
    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.occurred_at = handover->signed_at;
    event.actor = (char *) actor;
    event.dossier_code = *answer->dossier_code ? answer->dossier_code : answer->refusal_number;
    event.body_case = MOTCUA__V1__EVENT__BODY_POSTAL_INTAKE_ANSWERED;
    event.postal_intake_answered = answer;
    return outbox_append (db, "intake", "intake", &event);
}

//  Transient failures roll the delivery back (postal retries); a refusal by
//  the rules (say, a procedure no longer in force) becomes a refusal notice.
static bool
s_transient (const api_error_t *error)
{
    return error->code == 0 || error->code == MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE
        || error->code == MOTCUA__V1__ERROR_CODE__ERROR_INTERNAL;
}

static int
s_refuse (service_t *service, const principal_t *who, const Motcua__V1__HandoverSigned *handover,
          const Motcua__V1__PostalSlip *slip, const char *reason)
{
    char key [160];
    snprintf (key, sizeof key, "postal-refuse:%s", slip->slip_number);
    Motcua__V1__RefuseDossier refuse = MOTCUA__V1__REFUSE_DOSSIER__INIT;
    refuse.idempotency_key = key;
    refuse.procedure_code = slip->procedure_code;
    refuse.applicant = slip->sender;
    refuse.reason = (char *) reason;
    api_error_t error = { 0 };
    intake_refuse_t command = { service, who, &refuse };
    zchunk_t *body = intake_refuse (&command, &error);
    if (!body) {
        log_error ("postal slip %s: cannot refuse: %s", slip->slip_number, error.message);
        return -1;
    }
    Motcua__V1__RefusalNotice *notice = motcua__v1__refusal_notice__unpack (NULL, zchunk_size (body),
                                                                           zchunk_data (body));
    zchunk_destroy (&body);
    if (!notice)
        return -1;
    Motcua__V1__PostalIntakeAnswered answer = MOTCUA__V1__POSTAL_INTAKE_ANSWERED__INIT;
    answer.refusal_number = notice->number;
    answer.reason = (char *) reason;
    answer.received_at = notice->refused_at;
    int rc = s_answer (service_db (service), handover, slip, &answer, who->name);
    log_info ("postal slip %s refused (%s): %s", slip->slip_number, notice->number, reason);
    motcua__v1__refusal_notice__free_unpacked (notice, NULL);
    return rc;
}

static int
s_receive (service_t *service, const principal_t *who, const Motcua__V1__HandoverSigned *handover,
           const Motcua__V1__PostalSlip *slip)
{
    char key [160];
    snprintf (key, sizeof key, "postal:%s", slip->slip_number);
    Motcua__V1__SubmitDossier req = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    req.idempotency_key = key;
    req.procedure_code = slip->procedure_code;
    req.applicant = slip->sender;
    req.channel = MOTCUA__V1__CHANNEL__CHANNEL_POSTAL;
    req.return_method = slip->return_method;
    req.n_components = slip->n_components;
    req.components = slip->components;
    api_error_t error = { 0 };
    intake_submit_t command = { service, who, &req, handover->signed_at };
    zchunk_t *body = intake_receive (&command, &error);
    if (!body)
        return s_transient (&error) ? -1 : s_refuse (service, who, handover, slip, error.message);
    Motcua__V1__Receipt *receipt = motcua__v1__receipt__unpack (NULL, zchunk_size (body), zchunk_data (body));
    zchunk_destroy (&body);
    if (!receipt)
        return -1;
    Motcua__V1__PostalIntakeAnswered answer = MOTCUA__V1__POSTAL_INTAKE_ANSWERED__INIT;
    answer.dossier_code = receipt->dossier_code;
    answer.received_at = receipt->received_at;
    answer.due_at = receipt->due_at;
    int rc = s_answer (service_db (service), handover, slip, &answer, who->name);
    motcua__v1__receipt__free_unpacked (receipt, NULL);
    return rc;
}

int
intake_postal_apply (service_t *service, const Motcua__V1__Event *event)
{
    const Motcua__V1__HandoverSigned *handover = event->handover_signed;
    //  The receiving officer signed; postal checked the officer's grant.
    principal_t officer;
    memset (&officer, 0, sizeof officer);
    snprintf (officer.name, sizeof officer.name, "%s", handover->officer);
    snprintf (officer.role, sizeof officer.role, "%s", handover->officer_role);
    officer.all_procedures = true;
    for (size_t i = 0; i < handover->n_slips; i++) {
        const Motcua__V1__PostalSlip *slip = handover->slips [i];
        if (!slip->sender)
            return -1;
        int rc = slip->complete ? s_receive (service, &officer, handover, slip)
                                : s_refuse (service, &officer, handover, slip, slip->reason);
        if (rc)
            return -1;
    }
    return 0;
}
