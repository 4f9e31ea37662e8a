/*  processing_operations — who may call which of processing's operations:
    the one table the service framework enforces before a handler runs
    (service.h, service_op_t) and proto/README.md shows
    (`motcua-processing --operations`). health, audit, deliveries and
    replay_dead: common/infra/service.c.                                    */
#include "processing_server.h"

const service_op_t processing_operations [] = {
    { "queue", "desk,counter,dashboard", "see the queue", NULL },
    { "resolve", "desk", "resolve dossiers", NULL },
    { "return_at_counter", "counter", "return results at the counter", NULL },
    { "request_supplement", "desk", "request supplements", NULL },
    { "delay_letter", "desk", "issue delay letters", NULL },
    { "hand_over", "desk,counter", "hand dossiers over", NULL },
    { "attach_result", "desk", "attach results", NULL },
    { "route", "counter,desk", "route dossiers", NULL },
    { "sheet", "desk,counter,dashboard", "read dossier sheets", NULL },
    { NULL, NULL, NULL, NULL }
};
