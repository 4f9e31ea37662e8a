/*  harness — what the black-box test programs share (test_blackbox,
    test_faults, chaos): the four real service binaries as child processes
    (spawn with extra environment, stop with a signal, restart, wait until
    they answer health), waits on a predicate, the health of a service,
    dossier helpers over the client libraries, raw CURVE sockets, the
    `motcua` command line, and SQL straight against the test database.

    Settings come from the environment (MOTCUA_VAR, MOTCUA_BASE_PORT,
    MOTCUA_BIN, …) as tests/run.sh sets it. Children are started with
    PR_SET_PDEATHSIG, which fires when the *thread* that forked them ends:
    start and stop services from the main thread only. The client helpers
    take the client to speak through; a client_t is not shared by threads. */
#ifndef HARNESS_H
#define HARNESS_H
#include <czmq.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "config.h"
#include "db.h"
#include "intake_client.h"
#include "processing_client.h"
#include "postal_client.h"
#include "reporting_client.h"

#define HARNESS_POLL_MS     100         //  how often a wait looks again
#define HARNESS_SETTLE_MS   15000       //  longest wait for events to propagate
#define HARNESS_PROCEDURE   "1.000843"  //  Chiến sĩ thi đua cơ sở, division tdkt

//  One service this program runs: name, process id (0: not running), and
//  how the last one of that name ended.
typedef struct {
    const char *name;
    pid_t pid;
    int exit_status;            //  exit code, 128 + signal, or -1 unknown
} harness_proc_t;

#define HARNESS_SERVICES 4

typedef bool (harness_predicate_fn) (void *arg);

// --------------------------------------------------------------------------
//  Set-up and processes

//  Load settings from the environment and start CZMQ; every service still
//  running at exit gets SIGTERM. 0, or -1 if the settings do not load.
int               harness_init (void);
//  The settings (borrowed).
config_t         *harness_config (void);
//  The service of that name, or NULL; and the i-th (0 … HARNESS_SERVICES-1).
harness_proc_t   *harness_proc (const char *name);
harness_proc_t   *harness_proc_at (size_t index);

//  Fork and exec $MOTCUA_BIN/motcua-<name>, output appended to
//  $MOTCUA_VAR/log/<name>.log. env: NULL or a NULL-terminated list of
//  "NAME=value" added to (or replacing in) our own environment. 0 or -1.
int               harness_spawn (harness_proc_t *proc, const char *const *env);
//  Reap the child if it has ended. True if it is still running.
bool              harness_alive (harness_proc_t *proc);
//  Send signal, wait up to grace_ms for the child to end, then SIGKILL it.
//  Returns its exit status (see harness_proc_t).
int               harness_stop (harness_proc_t *proc, int signal, int grace_ms);
void              harness_stop_all (void);
//  Spawn (with env, may be NULL) and wait up to 10 s until it answers
//  health. True if it does.
bool              harness_start (harness_proc_t *proc, const char *const *env);
//  Stop with SIGTERM, then start again with env.
bool              harness_restart (harness_proc_t *proc, const char *const *env);
//  Start all four services; true if all answer.
bool              harness_start_all (void);

//  Ask predicate every HARNESS_POLL_MS until it holds or timeout_ms pass.
bool              harness_wait_until (harness_predicate_fn *predicate, void *arg, int timeout_ms);

//  The health of a service as the dashboard sees it (one try of timeout_ms);
//  false if no answer. Strings in out are not kept: db_up tells the state.
bool              harness_health_within (const char *service, int timeout_ms,
                                         Motcua__V1__Health *out, bool *db_up);
bool              harness_health (const char *service, Motcua__V1__Health *out);
//  Our own child answers health (not a stale process on the same port).
bool              harness_answers (void *proc);
//  Every producer's outbox is empty (nothing in flight).
bool              harness_settled (void *arg);
//  CPU time (user + system, clock ticks) a process has used, or -1.
long              harness_cpu_ticks (pid_t pid);

// --------------------------------------------------------------------------
//  Dossiers

//  A fresh idempotency key, readable in logs: <prefix>-<uuid>.
void              harness_new_key (char *key, size_t size, const char *prefix);

typedef struct {
    const char *procedure;
    const char *name;
    const char *address;
    Motcua__V1__ReturnMethod return_method;
    Motcua__V1__Channel channel;            //  0: direct
} harness_dossier_t;

//  Nguyễn Văn An's dossier for 1.000843, returned at the counter.
extern const harness_dossier_t harness_standard;

//  Submit a dossier as described under key. The reply, or NULL.
intake_reply_t   *harness_submit_reply (client_t *client, const char *key, const harness_dossier_t *spec);
//  Submit spec under key: 0 and its code on a receipt, the error code on a
//  refusal (its field copied to field if given), -1 if intake did not answer.
int               harness_submit_spec (client_t *client, const char *key, const harness_dossier_t *spec,
                                       char *code, size_t size, char *field, size_t field_size);
//  The standard dossier with the given return method.
int               harness_submit (client_t *client, const char *key, Motcua__V1__ReturnMethod return_method,
                                  char *code, size_t size);
//  The error code of a reply's error (0 if none, -1 if no reply).
int               harness_error_code (Motcua__V1__Error *error, bool answered);

//  Processing's open queue (all divisions) as client sees it; NULL if no
//  answer or refused. How often code appears in it (-1 if queue is NULL).
processing_reply_t *harness_queue (client_t *client);
int               harness_queue_count (processing_reply_t *queue, const char *code);
//  Resolve code as approved under key. The reply's error code (0: resolved).
int               harness_approve (client_t *client, const char *key, const char *code);
//  Reporting's trace of code, or NULL (no answer, or not known yet).
reporting_reply_t *harness_trace (client_t *client, const char *code);
//  Index of the first trace entry of event_type (-1 none); how many.
int               harness_entry (const Motcua__V1__Trace *trace, const char *event_type);
int               harness_entry_count (const Motcua__V1__Trace *trace, const char *event_type);
//  Is code in postal's list of open shipments?
bool              harness_shipment_listed (client_t *client, const char *code);
//  II.06a of [from, to) as client sees it; NULL if no answer or refused.
reporting_reply_t *harness_report (client_t *client, int64_t from, int64_t to);
//  received_total over a window that covers today and its edges, or -1.
int64_t           harness_received_total (client_t *client);
//  Does text match the extended regular expression?
bool              harness_matches (const char *text, const char *pattern);

//  A shared operation (health, audit, deliveries, replay_dead) of service,
//  body borrowed; the reply (free with protobuf_c_message_free_unpacked) or
//  NULL. client must speak to that service.
ProtobufCMessage *harness_shared (client_t *client, const char *service, const char *operation,
                                  ProtobufCMessage *body);

// --------------------------------------------------------------------------
//  Raw CURVE sockets, for bytes no client library would send

//  A DEALER speaking as identity to service's api, nothing else applied.
zsock_t          *harness_raw_dealer (const char *service, const char *identity);
//  Send one frame, wait up to timeout_ms for one frame back (NULL if none).
zframe_t         *harness_raw_exchange (zsock_t *dealer, const void *data, size_t size, int timeout_ms);
//  The error code of a raw reply read as an IntakeReply (-1: none or
//  unreadable), and the request id it echoes.
int               harness_raw_error (zframe_t *frame, char *request_id, size_t size);

// --------------------------------------------------------------------------
//  The command line, scripts and the database

//  Run `$MOTCUA_BIN/motcua ARGS` (args is a printf format, passed to sh)
//  with our environment; stdout and stderr into output (may be NULL).
//  Returns the exit code, or -1.
int               harness_cli (char *output, size_t size, const char *format, ...)
                  CHECK_PRINTF (3);
//  Run a shell command (printf format), its output discarded unless
//  MOTCUA_TEST_VERBOSE is set. Returns the exit code, or -1.
int               harness_sh (const char *format, ...) CHECK_PRINTF (1);

//  A connection to the test database (owned by the harness), opened on
//  first use. SQL with text parameters: the first column of the first row
//  as a number, or -1 on error or no row (one retry after a lost link).
db_t             *harness_db (void);
int64_t           harness_sql_int (const char *sql, int count, const char *const *params);
//  Run a statement. 0 or -1.
int               harness_sql_exec (const char *sql, int count, const char *const *params);
//  Does the service's log hold a line with every one of the NULL-terminated
//  fragments?
bool              harness_log_has (const char *service, const char *fragment, ...);

#endif
