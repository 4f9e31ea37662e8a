/*  intake_operations — who may call which of intake's operations: the one
    table the service framework enforces before a handler runs (service.h,
    service_op_t) and proto/README.md shows (`motcua-intake --operations`).
    health, audit, deliveries and replay_dead: common/infra/service.c.     */
#include "intake_server.h"

const service_op_t intake_operations [] = {
    { "list_procedures", "*", "list procedures", NULL, false },
    { "submit", "counter,postal", "submit dossiers", ECHOES },
    { "hand_in_supplement", "counter,postal", "take supplements", NULL, false },
    { "withdraw", "counter,postal", "take withdrawals", NULL, false },
    { "refuse", "counter,postal", "refuse dossiers", ECHOES },
    { "refusal_lookup", "counter,postal,dashboard", "read refusal notices", NULL, false },
    { "import_dossiers", "admin", "import dossiers", ECHOES },
    { "lookup", "counter,desk", "look dossiers up", NULL, false },
    { NULL, NULL, NULL, NULL, false }
};
