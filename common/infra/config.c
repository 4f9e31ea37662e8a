/*  config — settings from defaults, ZPL file and environment. See config.h. */
#include <czmq.h>
#include "config.h"
#include "log.h"

static const char *s_services [] = { "intake", "processing", "postal", "reporting" };

static void
s_set (char *dest, size_t size, const char *value)
{
    if (value && *value)
        snprintf (dest, size, "%s", value);
}

static void
s_read_file (const char *path, char *dest, size_t size)
{
    FILE *file = fopen (path, "r");
    if (!file)
        return;
    if (fgets (dest, (int) size, file))
        dest [strcspn (dest, "\r\n")] = 0;
    fclose (file);
}

static int
s_env_int (const char *name, int fallback)
{
    const char *value = getenv (name);
    return value && *value ? atoi (value) : fallback;
}

config_t *
config_new (const char *path)
{
    config_t *self = (config_t *) zmalloc (sizeof (config_t));
    snprintf (self->var_dir, sizeof self->var_dir, "var");
    snprintf (self->host, sizeof self->host, "127.0.0.1");
    snprintf (self->log_level, sizeof self->log_level, "info");
    snprintf (self->agency_code, sizeof self->agency_code, "H27.22");
    self->base_port = 7100;
    self->request_bytes = 64 * 1024;
    self->socket_bytes = 1024 * 1024;
    self->relay_retry_ms = 1000;
    self->relay_max_retry_ms = 8000;
    self->relay_max_attempts = 50;

    if (!path)
        path = getenv ("MOTCUA_CONFIG");
    if (path && *path) {
        zconfig_t *zpl = zconfig_load (path);
        if (!zpl) {
            log_error ("cannot read configuration file %s", path);
            free (self);
            return NULL;
        }
        s_set (self->var_dir, sizeof self->var_dir, zconfig_get (zpl, "motcua/var", NULL));
        s_set (self->host, sizeof self->host, zconfig_get (zpl, "motcua/host", NULL));
        s_set (self->log_level, sizeof self->log_level, zconfig_get (zpl, "motcua/log_level", NULL));
        s_set (self->conninfo, sizeof self->conninfo, zconfig_get (zpl, "db/conninfo", NULL));
        s_set (self->agency_code, sizeof self->agency_code, zconfig_get (zpl, "intake/agency_code", NULL));
        self->base_port = atoi (zconfig_get (zpl, "motcua/base_port", "7100"));
        self->request_bytes = (size_t) atol (zconfig_get (zpl, "limits/request_bytes", "65536"));
        self->socket_bytes = (size_t) atol (zconfig_get (zpl, "limits/socket_bytes", "1048576"));
        self->relay_retry_ms = atoi (zconfig_get (zpl, "relay/retry_ms", "1000"));
        self->relay_max_retry_ms = atoi (zconfig_get (zpl, "relay/max_retry_ms", "8000"));
        self->relay_max_attempts = atoi (zconfig_get (zpl, "relay/max_attempts", "50"));
        zconfig_destroy (&zpl);
    }
    s_set (self->var_dir, sizeof self->var_dir, getenv ("MOTCUA_VAR"));
    s_set (self->host, sizeof self->host, getenv ("MOTCUA_HOST"));
    s_set (self->log_level, sizeof self->log_level, getenv ("MOTCUA_LOG_LEVEL"));
    s_set (self->conninfo, sizeof self->conninfo, getenv ("MOTCUA_DB"));
    s_set (self->agency_code, sizeof self->agency_code, getenv ("MOTCUA_AGENCY_CODE"));
    self->base_port = s_env_int ("MOTCUA_BASE_PORT", self->base_port);
    self->request_bytes = (size_t) s_env_int ("MOTCUA_REQUEST_BYTES", (int) self->request_bytes);
    self->socket_bytes = (size_t) s_env_int ("MOTCUA_SOCKET_BYTES", (int) self->socket_bytes);
    self->relay_retry_ms = s_env_int ("MOTCUA_RELAY_RETRY_MS", self->relay_retry_ms);
    self->relay_max_retry_ms = s_env_int ("MOTCUA_RELAY_MAX_RETRY_MS", self->relay_max_retry_ms);
    self->relay_max_attempts = s_env_int ("MOTCUA_RELAY_MAX_ATTEMPTS", self->relay_max_attempts);

    //  No conninfo and no PG* settings: the embedded cluster under var/.
    if (!*self->conninfo && !getenv ("PGHOST") && !getenv ("PGDATABASE")
    &&  !getenv ("PGSERVICE") && !getenv ("PGPORT")) {
        char file [600];
        snprintf (file, sizeof file, "%s/pg/conninfo", self->var_dir);
        s_read_file (file, self->conninfo, sizeof self->conninfo);
    }
    return self;
}

void
config_destroy (config_t **self_p)
{
    if (*self_p) {
        free (*self_p);
        *self_p = NULL;
    }
}

int
config_service_index (const char *service)
{
    for (int i = 0; i < 4; i++)
        if (service && streq (service, s_services [i]))
            return i;
    return -1;
}

char *
config_endpoint (const config_t *self, const char *service, const char *socket, char *buf, size_t size)
{
    int index = config_service_index (service);
    int port = self->base_port + 10 * (index < 0 ? 0 : index) + (streq (socket, "events") ? 2 : 1);
    snprintf (buf, size, "tcp://%s:%d", self->host, port);
    return buf;
}
