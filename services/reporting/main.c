/*  motcua-reporting — wiring only: the reporting service's handlers run by the
    shared service loop (common/service.c).                                */
#include "reporting_server.h"

int
main (int argc, char **argv)
{
    return service_main (&reporting_handlers, argc, argv);
}
