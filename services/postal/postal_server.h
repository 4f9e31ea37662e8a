/*  postal_server — the postal (BCCI) service: dossiers collected by the
    postal worker and handed to the agency under a signed record (postal
    intake), and results that go back by post: a ready result becomes a
    shipment, handed to post, delivered on an ID check (processing then
    marks it returned) or returned to the agency (postal_ops.h).            */
#ifndef POSTAL_SERVER_H
#define POSTAL_SERVER_H
#include "service.h"

extern const service_handlers_t postal_handlers;
//  Who may call which operation (postal_operations.c), ended by { NULL }.
extern const service_op_t postal_operations [];

#endif
