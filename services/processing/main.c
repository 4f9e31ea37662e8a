/*  motcua-processing — wiring only: the processing service's handlers run by the
    shared service loop (common/infra/service.c).                                */
#include "processing_server.h"

int
main (int argc, char **argv)
{
    return service_main (&processing_handlers, argc, argv);
}
