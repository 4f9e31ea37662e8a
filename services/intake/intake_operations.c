/*  intake_operations — who may call which of intake's operations: the one
    table the service framework enforces before a handler runs (service.h,
    service_op_t) and proto/README.md shows (`motcua-intake --operations`).
    health, audit, deliveries and replay_dead: common/infra/service.c.     */
#include "intake_server.h"

const service_op_t intake_operations [] = {
    { "list_procedures", "*", "list procedures", NULL },
    { "submit", "counter,postal", "submit dossiers", NULL },
    { "hand_in_supplement", "counter,postal", "take supplements", NULL },
    { "withdraw", "counter,postal", "take withdrawals", NULL },
    { "refuse", "counter,postal", "refuse dossiers", NULL },
    { "refusal_lookup", "counter,postal,dashboard", "read refusal notices", NULL },
    { "import_dossiers", "admin", "import dossiers", NULL },
    { "lookup", "counter,desk,dashboard", "look dossiers up", NULL },
    { NULL, NULL, NULL, NULL }
};
