/*  config — one service's settings: defaults, then a ZPL file (CZMQ zconfig,
    --config FILE or MOTCUA_CONFIG), then environment variables, each later one
    winning. Endpoints derive from one base port so a test suite can run beside
    `make run` by moving MOTCUA_BASE_PORT and MOTCUA_VAR.

    ZPL keys (see deploy/motcua.cfg):
        motcua/var            run-time folder (certificates, embedded PostgreSQL)
        motcua/base_port      7100: intake api 7101/events 7102, processing 7111/7112,
                              postal 7121/7122, reporting 7131/7132
        motcua/host           127.0.0.1
        motcua/log_level      info
        db/conninfo           libpq conninfo; empty: PG* variables, else the
                              embedded cluster's var/pg/conninfo
        limits/request_bytes  65536   larger requests get RESOURCE_EXHAUSTED
        limits/socket_bytes   1048576 ZMQ_MAXMSGSIZE: larger frames cut the peer off
        relay/retry_ms        1000    first redelivery delay, doubled each try
        relay/max_retry_ms    8000
        relay/max_attempts    50      then the delivery is parked as dead
        intake/agency_code    H27.22
    Environment: MOTCUA_VAR, MOTCUA_BASE_PORT, MOTCUA_HOST, MOTCUA_LOG_LEVEL,
    MOTCUA_DB, MOTCUA_AGENCY_CODE, MOTCUA_REQUEST_BYTES, MOTCUA_SOCKET_BYTES.   */
#ifndef CONFIG_H
#define CONFIG_H
#include <stddef.h>

typedef struct {
    char var_dir [512];
    char host [64];
    int  base_port;
    char log_level [16];
    char conninfo [1024];
    char agency_code [64];
    size_t request_bytes;
    size_t socket_bytes;
    int  relay_retry_ms;
    int  relay_max_retry_ms;
    int  relay_max_attempts;
} config_t;

//  Load settings. path may be NULL. Returns NULL (and logs) if the file is bad.
config_t *config_new (const char *path);
void      config_destroy (config_t **self_p);

//  tcp://host:port of a service's socket ("api" or "events"). Returns buf.
char     *config_endpoint (const config_t *self, const char *service,
                           const char *socket, char *buf, size_t size);

//  Index of a service name (intake 0 … reporting 3), or -1.
int       config_service_index (const char *service);

#endif
