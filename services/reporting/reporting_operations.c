/*  reporting_operations — who may call which of reporting's operations: the
    one table the service framework enforces before a handler runs
    (service.h, service_op_t) and proto/README.md shows
    (`motcua-reporting --operations`). health, audit, deliveries and
    replay_dead: common/infra/service.c.                                    */
#include "reporting_server.h"

const service_op_t reporting_operations [] = {
    { "trace", "dashboard,counter,desk,postal", "trace dossiers", NULL, false },
    { "report", "dashboard,desk", "read reports", NULL, false },
    { "postal_report", "dashboard,desk", "read reports", NULL, false },
    { "drill", "dashboard,desk", "read the dossiers behind a report", NULL, false },
    { "rates", "dashboard,desk", "read reports", NULL, false },
    { "series", "dashboard,desk", "read reports", NULL, false },
    { "satisfaction", "dashboard,desk", "read reports", NULL, false },
    { "rate", "counter,dashboard", "record ratings", NULL, false },
    { "feedback", "counter,desk", "record feedback", NULL, false },
    { "feedback_handle", "counter,desk", "record feedback", NULL, false },
    { "feedback_counts", "dashboard,desk", "read reports", NULL, false },
    { "form07b", "dashboard,desk", "read reports", NULL, false },
    { "log_book", "dashboard,desk,counter", "read the log book", NULL, false },
    { NULL, NULL, NULL, NULL, false }
};
