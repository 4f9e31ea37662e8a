/*  motcua-intake — wiring only: the intake service's handlers run by the
    shared service loop (common/infra/service.c).                                */
#include "intake_server.h"

int
main (int argc, char **argv)
{
    return service_main (&intake_handlers, argc, argv);
}
