/*  dashboard_settings — how the dashboard runs: defaults, then the
    `dashboard` section of the ZPL file config.h reads (--config FILE or
    MOTCUA_CONFIG), then environment variables, each later one winning
    (main's --host and --port win over all):
        dashboard/host            MOTCUA_DASHBOARD_HOST            127.0.0.1
        dashboard/port            MOTCUA_DASHBOARD_PORT            motcua/base_port + 80
        dashboard/timeout_ms      MOTCUA_DASHBOARD_TIMEOUT_MS      3000: each call to reporting
        dashboard/secure          MOTCUA_DASHBOARD_SECURE          0; 1 behind a TLS reverse
                                  proxy: the session cookie is Secure
        dashboard/session_idle_s  MOTCUA_DASHBOARD_SESSION_IDLE_S  1800: a session unused
                                  this long ends
        dashboard/session_max_s   MOTCUA_DASHBOARD_SESSION_MAX_S   43200: and this long after
                                  its login in any case
        dashboard/per_ip_limit    MOTCUA_DASHBOARD_PER_IP_LIMIT    16 connections at once
                                  from one address (a browser opens 6)
        dashboard/proxy           MOTCUA_DASHBOARD_PROXY           "" (none); a reverse proxy's
                                  address: its requests' X-Real-IP names the client whose
                                  failed logins are counted and logged                      */
#ifndef DASHBOARD_SETTINGS_H
#define DASHBOARD_SETTINGS_H
#include <stdbool.h>
#include "config.h"

#define DASHBOARD_PORT_OFFSET 80

typedef struct {
    char host [64];
    char proxy [64];
    int port;
    int timeout_ms;
    bool secure;
    int session_idle_s;
    int session_max_s;
    int per_ip_limit;
} dashboard_settings_t;

//  Fill self; path is the ZPL file (NULL: MOTCUA_CONFIG, if set), config
//  gives the base port. 0, or -1 (logged, naming the setting) if a value is
//  not a whole number in its range, secure is not 0 or 1, or proxy is not
//  an IP address.
int dashboard_settings_load (dashboard_settings_t *self, const char *path, const config_t *config);

#endif
