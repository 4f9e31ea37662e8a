/*  motcua-processing — wiring only: settings, the server, its loop.             */
#include "processing_server.h"

int
main (int argc, char **argv)
{
    int exit_code;
    config_t *config = service_parse_args (&processing_handlers, argc, argv, &exit_code);
    if (!config)
        return exit_code;
    processing_server_t *server = processing_server_new (config);
    int rc = server ? processing_server_run (server) : 1;
    processing_server_destroy (&server);
    config_destroy (&config);
    return rc;
}
