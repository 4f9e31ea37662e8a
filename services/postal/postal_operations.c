/*  postal_operations — who may call which of postal's operations: the one
    table the service framework enforces before a handler runs (service.h,
    service_op_t) and proto/README.md shows (`motcua-postal --operations`).
    A hand-over record is signed by the side that did not draw it up: the
    rows with a `when` are checked by postal_sign once it has read the
    record. health, audit, deliveries and replay_dead: common/infra/service.c. */
#include "postal_server.h"
#include "postal_ops.h"

const service_op_t postal_operations [] = {
    { "list", "postal,dashboard", "list shipments", NULL },
    { "deliver", "postal", "record deliveries", NULL },
    { "collect", "postal", "collect dossiers", NULL },
    { "hand_over", "postal", "hand dossiers over", NULL },
    { "dispatch", "counter", "hand results to the post", NULL },
    { "sign", "counter,postal", "sign hand-over records", NULL },
    { "sign", "counter", "sign for the agency", POSTAL_SIGN_INTAKE },
    { "sign", "postal", "sign for the post", POSTAL_SIGN_RETURN },
    { "show_batch", "postal,counter,dashboard", "read hand-over records", NULL },
    { "move", "postal", "move shipments", NULL },
    { "overdue", "postal,counter,dashboard", "list overdue shipments", NULL },
    { NULL, NULL, NULL, NULL }
};
