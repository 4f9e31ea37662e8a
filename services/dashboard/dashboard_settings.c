/*  dashboard_settings — file and environment. See dashboard_settings.h.   */
#include <czmq.h>
#include <arpa/inet.h>
#include "dashboard_settings.h"
#include "log.h"

//  text as a whole number in [min, max] into *value; -1 (logged) if not.
static int
s_number (const char *name, const char *text, int min, int max, int *value)
{
    char *end;
    errno = 0;
    long number = strtol (text, &end, 10);
    if (errno || end == text || *end || number < min || number > max) {
        log_error ("%s must be a whole number from %d to %d, not '%s'", name, min, max, text);
        return -1;
    }
    *value = (int) number;
    return 0;
}

//  A text setting: the file's key, then the variable, into dest if set.
static void
s_text (zconfig_t *zpl, const char *key, const char *env, char *dest, size_t size)
{
    const char *text = zpl ? zconfig_get (zpl, key, NULL) : NULL;
    if (getenv (env) && *getenv (env))
        text = getenv (env);
    if (text && *text)
        snprintf (dest, size, "%s", text);
}

int
dashboard_settings_load (dashboard_settings_t *self, const char *path, const config_t *config)
{
    memset (self, 0, sizeof *self);
    snprintf (self->host, sizeof self->host, "127.0.0.1");
    int secure = 0;
    struct {
        const char *key, *env;
        int *value, fallback, min, max;
    } numbers [] = {
        { "dashboard/port", "MOTCUA_DASHBOARD_PORT", &self->port,
          config->base_port + DASHBOARD_PORT_OFFSET, 1, 65535 },
        { "dashboard/timeout_ms", "MOTCUA_DASHBOARD_TIMEOUT_MS", &self->timeout_ms, 3000, 1, 600000 },
        { "dashboard/secure", "MOTCUA_DASHBOARD_SECURE", &secure, 0, 0, 1 },
        { "dashboard/session_idle_s", "MOTCUA_DASHBOARD_SESSION_IDLE_S", &self->session_idle_s, 1800, 1, 86400 * 30 },
        { "dashboard/session_max_s", "MOTCUA_DASHBOARD_SESSION_MAX_S", &self->session_max_s, 43200, 1, 86400 * 30 },
        { "dashboard/per_ip_limit", "MOTCUA_DASHBOARD_PER_IP_LIMIT", &self->per_ip_limit, 16, 1, 1000 },
    };
    if (!path)
        path = getenv ("MOTCUA_CONFIG");
    zconfig_t *zpl = path && *path ? zconfig_load (path) : NULL;
    if (path && *path && !zpl) {
        log_error ("cannot read configuration file %s", path);
        return -1;
    }
    s_text (zpl, "dashboard/host", "MOTCUA_DASHBOARD_HOST", self->host, sizeof self->host);
    s_text (zpl, "dashboard/proxy", "MOTCUA_DASHBOARD_PROXY", self->proxy, sizeof self->proxy);
    int rc = 0;
    unsigned char address [sizeof (struct in6_addr)];
    if (*self->proxy && inet_pton (AF_INET, self->proxy, address) != 1
    &&  inet_pton (AF_INET6, self->proxy, address) != 1) {
        log_error ("dashboard/proxy (MOTCUA_DASHBOARD_PROXY) must be an IP address, not '%s'", self->proxy);
        rc = -1;
    }
    for (size_t i = 0; i < sizeof numbers / sizeof numbers [0]; i++) {
        *numbers [i].value = numbers [i].fallback;
        const char *text = zpl ? zconfig_get (zpl, numbers [i].key, NULL) : NULL;
        const char *name = numbers [i].key;
        const char *env = getenv (numbers [i].env);
        if (env && *env)
            text = env, name = numbers [i].env;
        if (text && *text
        &&  s_number (name, text, numbers [i].min, numbers [i].max, numbers [i].value))
            rc = -1;
    }
    self->secure = secure == 1;
    zconfig_destroy (&zpl);
    return rc;
}
