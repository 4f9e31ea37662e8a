/*  motcua-postal — wiring only: settings, the server, its loop.             */
#include "postal_server.h"

int
main (int argc, char **argv)
{
    int exit_code;
    config_t *config = service_parse_args (&postal_handlers, argc, argv, &exit_code);
    if (!config)
        return exit_code;
    postal_server_t *server = postal_server_new (config);
    int rc = server ? postal_server_run (server) : 1;
    postal_server_destroy (&server);
    config_destroy (&config);
    return rc;
}
