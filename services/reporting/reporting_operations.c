/*  reporting_operations — who may call which of reporting's operations: the
    one table the service framework enforces before a handler runs
    (service.h, service_op_t) and proto/README.md shows
    (`motcua-reporting --operations`). health, audit, deliveries and
    replay_dead: common/infra/service.c.                                    */
#include "reporting_server.h"

const service_op_t reporting_operations [] = {
    { "trace", "dashboard,counter,desk,postal", "trace dossiers", NULL },
    { "report", "dashboard,desk", "read reports", NULL },
    { "postal_report", "dashboard,desk", "read reports", NULL },
    { "drill", "dashboard,desk", "read the dossiers behind a report", NULL },
    { "rates", "dashboard,desk", "read reports", NULL },
    { "series", "dashboard,desk", "read reports", NULL },
    { "satisfaction", "dashboard,desk", "read reports", NULL },
    { "rate", "counter,dashboard", "record ratings", NULL },
    { "feedback", "counter,desk", "record feedback", NULL },
    { "feedback_handle", "counter,desk", "record feedback", NULL },
    { "feedback_counts", "dashboard,desk", "read reports", NULL },
    { "form07b", "dashboard,desk", "read reports", NULL },
    { "log_book", "dashboard,desk,counter", "read the log book", NULL },
    { NULL, NULL, NULL, NULL }
};
