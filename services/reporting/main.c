/*  motcua-reporting — wiring only: settings, the server, its loop.             */
#include "reporting_server.h"

int
main (int argc, char **argv)
{
    int exit_code;
    config_t *config = service_parse_args (&reporting_handlers, argc, argv, &exit_code);
    if (!config)
        return exit_code;
    reporting_server_t *server = reporting_server_new (config);
    int rc = server ? reporting_server_run (server) : 1;
    reporting_server_destroy (&server);
    config_destroy (&config);
    return rc;
}
