/*  postal_operations — who may call which of postal's operations: the one
    table the service framework enforces before a handler runs (service.h,
    service_op_t) and proto/README.md shows (`motcua-postal --operations`).
    A hand-over record is signed by the side that did not draw it up: the
    rows with a `when` are checked by postal_sign once it has read the
    record. health, audit, deliveries and replay_dead: common/infra/service.c. */
#include "postal_server.h"
#include "postal_ops.h"

const service_op_t postal_operations [] = {
    { "list", "postal,dashboard", "list shipments", NULL, false },
    { "deliver", "postal", "record deliveries", NULL, false },
    { "collect", "postal", "collect dossiers", ECHOES },
    { "hand_over", "postal", "hand dossiers over", NULL, false },
    { "dispatch", "counter", "hand results to the post", NULL, false },
    { "sign", "counter,postal", "sign hand-over records", NULL, false },
    { "sign", "counter", "sign for the agency", POSTAL_SIGN_INTAKE, false },
    { "sign", "postal", "sign for the post", POSTAL_SIGN_RETURN, false },
    { "show_batch", "postal,counter,dashboard", "read hand-over records", NULL, false },
    { "move", "postal", "move shipments", NULL, false },
    { "overdue", "postal,counter,dashboard", "list overdue shipments", NULL, false },
    { NULL, NULL, NULL, NULL, false }
};
