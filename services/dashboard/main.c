/*  motcua-dashboard — wiring only: settings, the access token, the gateway to
    reporting and the HTTP server; runs until SIGINT/SIGTERM. Writes its
    address to <var>/run/dashboard.url once it listens (deploy/up.sh prints it). */
#include <czmq.h>
#include <getopt.h>
#include "config.h"
#include "log.h"
#include "version.h"
#include "dashboard_gateway.h"
#include "dashboard_http.h"
#include "dashboard_settings.h"
#include "dashboard_token.h"

static int
s_usage (FILE *out)
{
    fprintf (out,
        "usage: motcua-dashboard [--config FILE] [--host ADDRESS] [--port PORT]\n"
        "The web dashboard: one read-only page (form II.06a, charts, drill-down to a\n"
        "dossier's trace) over the reporting service, behind an access token.\n\n"
        "  --config FILE   ZPL settings (default: $MOTCUA_CONFIG, then built-ins)\n"
        "  --host ADDRESS  IPv4 address to listen on (default $MOTCUA_DASHBOARD_HOST, else 127.0.0.1)\n"
        "  --port PORT     HTTP port (default $MOTCUA_DASHBOARD_PORT, else MOTCUA_BASE_PORT + %d)\n"
        "  --version       print the version\n"
        "  --help          this text\n\n"
        "The access token is in <var>/dashboard.token (made at the first start); the\n"
        "login form takes it and opens a session (a cookie).\n"
        "Environment: MOTCUA_VAR, MOTCUA_BASE_PORT, MOTCUA_HOST, MOTCUA_LOG_LEVEL, and\n"
        "these (or the ZPL file's dashboard/... keys, e.g. dashboard/secure):\n"
        "  MOTCUA_DASHBOARD_TIMEOUT_MS      how long to wait for reporting (3000)\n"
        "  MOTCUA_DASHBOARD_SECURE          1 behind a TLS reverse proxy: the cookie is Secure (0)\n"
        "  MOTCUA_DASHBOARD_SESSION_IDLE_S  a session unused this long ends (1800)\n"
        "  MOTCUA_DASHBOARD_SESSION_MAX_S   and this long after its login in any case (43200)\n"
        "  MOTCUA_DASHBOARD_PER_IP_LIMIT    connections at once from one address (16)\n"
        "  MOTCUA_DASHBOARD_PROXY           a reverse proxy's address: its X-Real-IP names\n"
        "                                   the client whose failed logins are counted\n",
        DASHBOARD_PORT_OFFSET);
    return out == stdout ? 0 : 2;
}

int
main (int argc, char **argv)
{
    static struct option options [] = {
        { "help", no_argument, 0, 'h' }, { "version", no_argument, 0, 'V' },
        { "config", required_argument, 0, 'c' }, { "host", required_argument, 0, 'H' },
        { "port", required_argument, 0, 'p' }, { 0, 0, 0, 0 }
    };
    const char *path = NULL, *host = NULL;
    int port = 0, opt;
    while ((opt = getopt_long (argc, argv, "hVc:H:p:", options, NULL)) != -1)
        switch (opt) {
            case 'h': return s_usage (stdout);
            case 'V': printf ("motcua-dashboard %s\n", MOTCUA_VERSION); return 0;
            case 'c': path = optarg; break;
            case 'H': host = optarg; break;
            case 'p': port = atoi (optarg); break;
            default:  return s_usage (stderr);
        }
    config_t *config = config_new (path);
    if (!config)
        return 1;
    log_init ("dashboard", config->log_level);
    dashboard_settings_t settings;
    if (dashboard_settings_load (&settings, path, config)) {
        config_destroy (&config);
        return 1;
    }
    if (host && *host)
        snprintf (settings.host, sizeof settings.host, "%s", host);
    if (port)
        settings.port = port;
    zsys_init ();
    zsys_set_linger (0);
    zsys_set_ipv6 (0);

    int rc = 1;
    char token [DASHBOARD_TOKEN_HEX + 64], token_path [600], url_path [600];
    snprintf (token_path, sizeof token_path, "%s/dashboard.token", config->var_dir);
    snprintf (url_path, sizeof url_path, "%s/run/dashboard.url", config->var_dir);
    dashboard_gateway_t *gateway = NULL;
    dashboard_http_t *http = NULL;
    if (dashboard_token_load (token_path, token, sizeof token) == 0) {
        gateway = dashboard_gateway_new (config, settings.timeout_ms);
        http = dashboard_http_new (&settings, token, gateway);
    }
    if (http) {
        log_info ("listening on http://%s:%d/ (access token in %s)", settings.host, settings.port, token_path);
        char run_dir [600];
        snprintf (run_dir, sizeof run_dir, "%s/run", config->var_dir);
        zsys_dir_create ("%s", run_dir);
        FILE *file = fopen (url_path, "w");
        if (file) {
            fprintf (file, "http://%s:%d/\n", settings.host, settings.port);
            fclose (file);
        }
        while (!zsys_interrupted)
            zclock_sleep (100);
        log_info ("stopping");
        remove (url_path);
        rc = 0;
    }
    dashboard_http_destroy (&http);
    dashboard_gateway_destroy (&gateway);
    config_destroy (&config);
    return rc;
}
