/*  cli — what every `motcua` command shares: parsing `--name value` options
    against the command's list, speaking as the right identity, reporting a
    typed error (text or --json) on stderr with a non-zero exit, and the
    table a command word gives of its commands.

    The CLI in two parts (see services/motcua/main.c):
      services/motcua/       the commands, one file (or a small group of
                             files: report.c and report_*.c, admin.c and
                             admin_keys.c) per command word, named by it
                             (calendar_days.c, audit_trail.c: no name shared
                             with common/); each exposes only its word's
                             entry, at the end of this file.
      services/motcua/kit/   this toolkit, no command in it: options and
                             errors (cli), JSON and CSV, the answers of the
                             services as text and JSON (trace_json,
                             report_json, report_out, report_cli, postal_cli,
                             work_item), the four services (cli_services),
                             grants and catalogue rows. Built into
                             libmotcua-cli.a, which the dashboard links too;
                             nothing in it includes a command's file.

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

//  A database connection for the operator's commands that manage reference
//  data (grants): the suite's own settings. NULL (and a message) if unusable.
db_t       *cli_db (cli_t *cli);

//  An amount of đồng as forms print it: 12345678 → "12.345.678".
const char *cli_money (int64_t amount, char *buf, size_t size);

//  A command: the word after its command word ("submit"; NULL for the
//  command word alone, as in `motcua trace CODE`), what runs it (argv
//  starts after the words; returns the exit code) and its line in
//  `motcua help`.
typedef int (cli_run_fn) (int argc, char **argv);
typedef struct {
    const char *name;
    cli_run_fn *run;
    const char *usage;
} cli_command_t;

//  A command word and its commands, in the order `motcua help` lists them.
//  A word's command named NULL runs when the next word names none of the others.
typedef struct {
    const char *word;
    const cli_command_t *commands;
    size_t count;
} cli_word_t;
#define CLI_WORD(word, commands) { word, commands, sizeof commands / sizeof commands [0] }

//  The command words (main.c dispatches to them), each in its own file.
extern const cli_word_t cmd_catalog;    //  catalog.c: the procedures in force, import, export
extern const cli_word_t cmd_counter;    //  counter.c: the one-stop counter's commands
extern const cli_word_t cmd_desk;       //  desk.c: the desk officer's commands
extern const cli_word_t cmd_post;       //  post.c: the postal worker's commands
extern const cli_word_t cmd_trace;      //  trace.c
extern const cli_word_t cmd_report;     //  report.c (and report_*.c): the forms and rates
extern const cli_word_t cmd_rate;       //  rate.c: a citizen's rating
extern const cli_word_t cmd_feedback;   //  feedback.c: feedback (PAKN) taken in and handled
extern const cli_word_t cmd_health;     //  health.c
extern const cli_word_t cmd_admin;      //  admin.c (and admin_keys.c, calendar_days.c): the operator's
extern const cli_word_t cmd_calendar;   //  calendar_days.c: the declared days off and make-up days
extern const cli_word_t cmd_audit;      //  audit_trail.c
extern const cli_word_t cmd_print;      //  print.c: a dossier's official forms
extern const cli_word_t cmd_import;     //  import.c: dossiers of the past
extern const cli_word_t cmd_lookup;     //  lookup.c: the counter's look-up

#endif
