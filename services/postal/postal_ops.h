/*  postal_ops — the postal service's operations beyond the first shipments:
    postal intake (postal_intake.c: Phiếu gửi hồ sơ, Biên bản giao nhận,
    intake's answers) and postal return (postal_return.c: results handed to
    post, J+n, attempts and invitations, delivery on an ID check, return to
    the agency). Each returns a packed reply body, or NULL with error set.  */
#ifndef POSTAL_OPS_H
#define POSTAL_OPS_H
#include "service.h"
#include "idempotency.h"
#include "postal_store.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/postal.pb-c.h"

zchunk_t *postal_collect (service_t *service, const principal_t *who,
                          const Motcua__V1__CollectDossier *req, api_error_t *error);
zchunk_t *postal_hand_over (service_t *service, const principal_t *who,
                            const Motcua__V1__HandOverSlips *req, api_error_t *error);
//  Sign an intake record (receiving officer) or a return record (postal
//  worker): the `when` of the rows of "sign" in postal_operations.c.
#define POSTAL_SIGN_INTAKE "an intake record"
#define POSTAL_SIGN_RETURN "a return record"
zchunk_t *postal_sign (service_t *service, const principal_t *who,
                       const Motcua__V1__SignBatch *req, api_error_t *error);
zchunk_t *postal_show_batch (service_t *service, const Motcua__V1__ShowBatch *req, api_error_t *error);
//  Intake's answers (PostalIntakeAnswered) onto the slips. 0 or -1.
int       postal_intake_apply (service_t *service, const Motcua__V1__Event *event);
//  A dossier that came by post: its slip's and hand-over record's audit
//  entries, appended to its trail (service_handlers_t.audit_more). 0 or -1.
int       postal_intake_audit (service_t *service, const char *dossier_code, Motcua__V1__AuditTrail *trail);

zchunk_t *postal_dispatch (service_t *service, const principal_t *who,
                           const Motcua__V1__DispatchResults *req, api_error_t *error);
//  Inside postal_sign's transaction: the postal worker takes the results. 0 or -1.
int       postal_return_signed (service_t *service, const principal_t *who, int64_t batch_no,
                                int64_t at, api_error_t *error);
zchunk_t *postal_move (service_t *service, const principal_t *who,
                       const Motcua__V1__MoveShipment *req, api_error_t *error);
zchunk_t *postal_deliver (service_t *service, const principal_t *who,
                          const Motcua__V1__DeliverShipment *req, api_error_t *error);
//  Shipments past their J+n deadline, packed as a ShipmentList.
zchunk_t *postal_overdue (service_t *service, const principal_t *who, api_error_t *error);

//  A shipment's move (ShipmentMoved) to reporting. 0 or -1.
int       postal_emit_moved (db_t *db, const shipment_row_t *row, const char *actor, int64_t at);

#endif
