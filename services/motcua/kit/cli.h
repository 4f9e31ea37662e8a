/*  cli — what every `motcua` command shares: parsing `--name value` options
    against the command's list, speaking as the right identity, reporting a
    typed error (text or --json) on stderr with a non-zero exit.

    Exit codes: 0 done; 1 the service refused (typed error); 2 bad usage;
    3 no answer (service down or key not admitted).                         */
#ifndef CLI_H
#define CLI_H
#include <stdbool.h>
#include "client.h"
#include "config.h"
#include "db.h"
#include "motcua/v1/common.pb-c.h"

#define CLI_MAX_OPTIONS 64
#define EXIT_REFUSED 1
#define EXIT_USAGE   2
#define EXIT_NO_ANSWER 3

typedef struct {
    const char *positional [32];
    int n_positional;
    const char *names [CLI_MAX_OPTIONS];
    const char *values [CLI_MAX_OPTIONS];       //  NULL for a flag
    int n_options;
    bool json;
    const char *identity;                       //  --as NAME
    char key [40];                              //  made when --idempotency-key is not given
    config_t *config;
} cli_t;

//  Parse argv (after the command words). `options` and `flags` list the
//  allowed names, comma-separated, without dashes. 0 or -1 (message printed).
int         cli_parse (cli_t *cli, int argc, char **argv, const char *options, const char *flags);
void        cli_cleanup (cli_t *cli);

const char *cli_option (cli_t *cli, const char *name);                 //  last value or NULL
int         cli_options (cli_t *cli, const char *name, const char **values, int max);
bool        cli_flag (cli_t *cli, const char *name);
//  The option's value, or fallback when it is not given.
const char *cli_option_or (cli_t *cli, const char *name, const char *fallback);
//  --idempotency-key, or a fresh key made once per command (so the client's
//  own retries repeat it).
const char *cli_idempotency_key (cli_t *cli);

//  A client of service speaking as identity (unless --as gave another).
client_t   *cli_client (cli_t *cli, const char *service, const char *identity);

//  How a call went: EXIT_NO_ANSWER if reply is NULL, EXIT_REFUSED if it
//  carries an error (both reported on stderr), 0 if there is a result to show.
int         cli_outcome (cli_t *cli, const char *service, const ProtobufCMessage *reply);

//  Release what a command used (reply may be NULL) and return rc.
int         cli_done (cli_t *cli, client_t **client, ProtobufCMessage *reply, int rc);

//  Report a missing reply (returns EXIT_NO_ANSWER) or a typed error
//  (returns EXIT_REFUSED), as text or JSON on stderr.
int         cli_no_answer (cli_t *cli, const char *service);
int         cli_refused (cli_t *cli, const Motcua__V1__Error *error);
int         cli_usage (const char *message);

//  Parse local time YYYY-MM-DD[THH:MM] (the time of day defaults to
//  default_minute after midnight). 0 and *at_ms, or -1.
int         cli_local_time (const char *text, int default_minute, int64_t *at_ms);
//  The whole of a file as NUL-terminated text (caller frees), or NULL if it
//  cannot be read. *start skips a spreadsheet's byte-order mark.
char       *cli_read_file (const char *path, const char **start);

//  Print text left-aligned in width columns (counting UTF-8 characters, not bytes).
void        cli_pad (const char *text, int width);

const char *cli_error_code_name (Motcua__V1__ErrorCode code);
const char *cli_channel_vi (int channel);            //  as the receipt and trace say it
const char *cli_return_name (int method);            //  counter, postal

//  The suite's services and their message types, for the operations every
//  service answers alike (client_call_shared).
typedef struct {
    const char *name;
    const ProtobufCMessageDescriptor *request_type;
    const ProtobufCMessageDescriptor *reply_type;
} cli_service_t;
#define CLI_SERVICE_COUNT 4
extern const cli_service_t cli_services [CLI_SERVICE_COUNT];
const cli_service_t *cli_service (const char *name);       //  NULL if unknown

//  A database connection for the operator's commands that manage reference
//  data (grants): the suite's own settings. NULL (and a message) if unusable.
db_t       *cli_db (cli_t *cli);

//  The commands (cmd_*.c). argv starts after the command words.
int cmd_catalog_list (int argc, char **argv);
int cmd_catalog_import (int argc, char **argv);
int cmd_catalog_export (int argc, char **argv);
int cmd_counter_submit (int argc, char **argv);
int cmd_counter_return (int argc, char **argv);
int cmd_desk_queue (int argc, char **argv);
int cmd_desk_resolve (int argc, char **argv);
int cmd_post_shipments (int argc, char **argv);
int cmd_post_deliver (int argc, char **argv);
int cmd_trace (int argc, char **argv);
int cmd_report (int argc, char **argv);
int cmd_report_check (int argc, char **argv);
int cmd_report_drill (int argc, char **argv);
int cmd_report_rates (int argc, char **argv);
int cmd_report_series (int argc, char **argv);
int cmd_report_logbook (int argc, char **argv);
int cmd_report_feedback (int argc, char **argv);
int cmd_report_satisfaction (int argc, char **argv);
int cmd_report_07b (int argc, char **argv);
int cmd_rate (int argc, char **argv);
int cmd_feedback_add (int argc, char **argv);
int cmd_feedback_handle (int argc, char **argv);
int cmd_health (int argc, char **argv);
int cmd_admin_certs (int argc, char **argv);
int cmd_admin_replay (int argc, char **argv);
int cmd_admin_deliveries (int argc, char **argv);
int cmd_audit (int argc, char **argv);
int cmd_calendar (int argc, char **argv);
int cmd_desk_supplement (int argc, char **argv);
int cmd_desk_delay (int argc, char **argv);
int cmd_counter_supplement (int argc, char **argv);
int cmd_counter_withdraw (int argc, char **argv);
int cmd_counter_refuse (int argc, char **argv);
int cmd_admin_calendar (int argc, char **argv);
int cmd_admin_grant (int argc, char **argv);
int cmd_admin_revoke (int argc, char **argv);
int cmd_admin_rotate (int argc, char **argv);
int cmd_admin_keys (int argc, char **argv);
int cmd_desk_handover (int argc, char **argv);
int cmd_desk_attach (int argc, char **argv);
int cmd_counter_route (int argc, char **argv);
int cmd_print (int argc, char **argv);
int cmd_post_collect (int argc, char **argv);
int cmd_post_handover (int argc, char **argv);
int cmd_post_sign_batch (int argc, char **argv);
int cmd_post_batch (int argc, char **argv);
int cmd_post_transit (int argc, char **argv);
int cmd_post_attempt (int argc, char **argv);
int cmd_post_return (int argc, char **argv);
int cmd_post_overdue (int argc, char **argv);
int cmd_counter_sign_batch (int argc, char **argv);
int cmd_counter_dispatch (int argc, char **argv);
int cmd_report_postal (int argc, char **argv);
//  An amount of đồng as forms print it: 12345678 → "12.345.678".
const char *cli_money (int64_t amount, char *buf, size_t size);
int cmd_import_dossiers (int argc, char **argv);
int cmd_lookup (int argc, char **argv);

#endif
