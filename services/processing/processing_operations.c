/*  processing_operations — who may call which of processing's operations:
    the one table the service framework enforces before a handler runs
    (service.h, service_op_t) and proto/README.md shows
    (`motcua-processing --operations`). health, audit, deliveries and
    replay_dead: common/infra/service.c.                                    */
#include "processing_server.h"

const service_op_t processing_operations [] = {
    { "queue", "desk,counter,dashboard", "see the queue", NULL, false },
    { "resolve", "desk", "resolve dossiers", NULL, false },
    { "return_at_counter", "counter", "return results at the counter", NULL, false },
    { "request_supplement", "desk", "request supplements", NULL, false },
    { "delay_letter", "desk", "issue delay letters", NULL, false },
    { "hand_over", "desk,counter", "hand dossiers over", NULL, false },
    { "attach_result", "desk", "attach results", NULL, false },
    { "route", "counter,desk", "route dossiers", NULL, false },
    { "sheet", "desk,counter,dashboard", "read dossier sheets", NULL, false },
    { NULL, NULL, NULL, NULL, false }
};
