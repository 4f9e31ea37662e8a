/*  motcua-intake — wiring only: settings, the server, its loop.             */
#include "intake_server.h"

int
main (int argc, char **argv)
{
    int exit_code;
    config_t *config = service_parse_args (&intake_handlers, argc, argv, &exit_code);
    if (!config)
        return exit_code;
    intake_server_t *server = intake_server_new (config);
    int rc = server ? intake_server_run (server) : 1;
    intake_server_destroy (&server);
    config_destroy (&config);
    return rc;
}
