/*  service — what the four services share at run time: the command line,
    configuration, database, CURVE keys and zauth, the `api` and `events`
    ROUTERs, the outbox relay, health, and the poll loop that drives them.
    A service supplies three functions; it owns its schema of the same name. */
#ifndef SERVICE_H
#define SERVICE_H
#include <czmq.h>
#include "auth.h"
#include "calendar_store.h"
#include "config.h"
#include "consumer.h"
#include "db.h"
#include "api.h"
#include "idempotency.h"
#include "motcua/v1/common.pb-c.h"

typedef struct service_t service_t;

//  One row of a service's table of operations: who may call an operation of
//  its Request (proto/README.md prints every table, `motcua-<svc>
//  --operations` writes them, tests/test_protocol.sh keeps the two equal).
//  The framework checks the row whose `when` is NULL before the handler
//  runs; a row with a `when` is a further check that depends on the
//  request's content, made by the handler through service_allow_when. Role
//  lists live in these tables and nowhere else.
typedef struct {
    const char *operation;      //  the Request's oneof member, e.g. "submit"
    const char *roles;          //  comma-separated; "*": any admitted key (admin may do all)
    const char *what;           //  the refusal says "role 'R' may not <what>"
    const char *when;           //  NULL, or the content this row applies to
    bool echoes;                //  the reply's personal data is only what the caller
                                //  sent (a receipt): not recorded as a read (ECHOES)
} service_op_t;
#define ECHOES NULL, true       //  ends a row: { op, roles, what, ECHOES }

typedef struct {
    const char *name;           //  intake, processing, postal, reporting
    const char *summary;        //  one line for --help
    bool produces_events;       //  has an outbox and a relay
    //  Requests waiting together are answered in one shared transaction
    //  (db_group_begin): one commit for all, replies only after it. Every
    //  command's work must then be transactional, with no effect outside the
    //  database before its reply (a spoiled group runs each again alone).
    bool group_commit;
    //  The service's Request and Reply messages. Requests that cannot be
    //  read or are too large get a Reply carrying only an error.
    const ProtobufCMessageDescriptor *request_type;
    const ProtobufCMessageDescriptor *reply_type;
    //  The service's own operations (service_op_t above), ended by { NULL }.
    //  health, audit, deliveries and replay_dead have their rows in
    //  service.c. Every member of request_type's oneof has exactly one row
    //  without `when`, or the service refuses to start.
    const service_op_t *operations;
    //  Answer one readable API request; always return a packed reply.
    //  (health, audit, deliveries and replay_dead are answered for every
    //  service by common/infra/service.c and never reach this.)
    zchunk_t *(*handle) (service_t *service, const principal_t *who, const ProtobufCMessage *request);
    consumer_apply_fn *apply;   //  NULL: consumes no events; its argument is the service_t
    void (*tick) (service_t *service);  //  NULL, or work due by time, about once a second
    //  NULL, or: append to trail the audit entries kept under other keys
    //  that belong to this dossier's trail (postal: its slip and hand-over
    //  record, written before the dossier had a code). 0 or -1.
    int (*audit_more) (service_t *service, const char *dossier_code, Motcua__V1__AuditTrail *trail);
} service_handlers_t;

//  Parse the command line (--help, --version, --operations, --config FILE).
//  Returns NULL and sets *exit_code when the program should stop (help,
//  version, the table of operations, bad flags).
config_t  *service_parse_args (const service_handlers_t *handlers, int argc, char **argv,
                               int *exit_code);

service_t *service_new (config_t *config, const service_handlers_t *handlers);
void       service_destroy (service_t **self_p);

//  Run until SIGINT/SIGTERM. 0 on a clean stop.
int        service_run (service_t *self);

//  A service's whole main(): arguments, settings, run, clean up.
int        service_main (const service_handlers_t *handlers, int argc, char **argv);

db_t          *service_db (service_t *self);
const config_t *service_config (service_t *self);

//  Working-time rules for an agency's office hours on the current working
//  calendar (declared days picked up without restart).
void       service_rules (service_t *self, const char *office_hours, worktime_rules_t *rules);

//  Ask the relay to send after the current request (call after a commit).
void       service_kick (service_t *self);

//  Run a state-changing command once per idempotency key (idempotency.h),
//  the one door every service's writes go through: checks the key (1 to 128
//  characters), runs work in a transaction that also stores its reply under
//  the key in this service's schema, then wakes the relay for the events
//  the work appended. Returns the reply body (caller destroys), or NULL with
//  error set and nothing written.
zchunk_t  *service_run_once (service_t *self, const char *key, idempotent_fn *work, void *context,
                             api_error_t *error);

//  Fill a health reply (strings point into service-owned memory).
void       service_health (service_t *self, Motcua__V1__Health *health);

//  Operator: put this service's dead deliveries back in the queue.
int64_t    service_replay_dead (service_t *self);

//  Record a refused request in the schema's audit table (under dossier, or
//  "" / NULL when it names none) and the log.
void       service_audit_denied (service_t *self, const principal_t *who, const char *dossier,
                                 const char *what);

//  The check of the operation's row for this content (its `when`): 0 if
//  who's role is among the row's roles; otherwise audit the refusal, set a
//  PERMISSION_DENIED error naming the row's `what`, and return -1. (The row
//  without `when` was checked before the handler ran.)
int        service_allow_when (service_t *self, const principal_t *who, const char *operation,
                               const char *when, api_error_t *error);

//  Write the table of operations of this service (the shared ones included,
//  in the order of the Request's fields) as the markdown of proto/README.md.
//  0, or -1 (and what is wrong on stderr) if a member of the Request's oneof
//  has no row, or a row names no member.
int        service_operations_print (const service_handlers_t *handlers, FILE *out);

//  0 if who's grant covers this procedure of this agency; otherwise audit
//  (under dossier, "" if none yet, so `motcua audit CODE` shows it), set
//  PERMISSION_DENIED and return -1.
int        service_allow_dossier (service_t *self, const principal_t *who, const char *dossier,
                                  const char *procedure, const char *agency, const char *what,
                                  api_error_t *error);

#endif
