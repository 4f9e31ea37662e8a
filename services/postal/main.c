/*  motcua-postal — wiring only: the postal service's handlers run by the
    shared service loop (common/infra/service.c).                                */
#include "postal_server.h"

int
main (int argc, char **argv)
{
    return service_main (&postal_handlers, argc, argv);
}
