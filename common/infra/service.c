/*  service — the shared run-time of every motcua service. See service.h.   */
#include <getopt.h>
#include "service.h"
#include "audit.h"
#include "personal_data.h"
#include "keystore.h"
#include "log.h"
#include "relay.h"
#include "rpc.h"
#include "version.h"
#include "vntime.h"
#include "wire_text.h"

#define RELAY_POLL_MS 1000
#define RELAY_UNSENT_MS 50         //  a subscriber still connecting
#define TICK_MS 1000               //  work due by time (closures)
#define GROUP_MAX 64               //  requests sharing one commit

struct service_t {
    config_t *config;
    const service_handlers_t *handlers;
    db_t *db;
    zcert_t *cert;
    auth_t *auth;
    zsock_t *api;
    zsock_t *events;
    relay_t *relay;
    calendar_store_t *calendar;
    int64_t started_ms;
    bool kicked;
    principal_t denied_who;         //  a refusal seen inside a transaction,
    char denied_what [256];         //  audited once it is over
    char denied_dossier [64];
    bool schema_checked;
    char db_state [8];
    //  The request being answered, for service_run_once: who, its operation
    //  (the envelope's oneof member) and that member packed.
    const principal_t *current_who;
    const char *current_operation;
    zchunk_t *current_request;
};

//  ---- the table of operations × roles ----

//  The operations every service answers alike (s_handle_shared, below).
static const service_op_t s_shared_operations [] = {
    { "health", "*", "read health", NULL, false },
    { "audit", "dashboard", "read the audit trail", NULL, false },
    { "deliveries", "dashboard", "list deliveries", NULL, false },
    { "replay_dead", "admin", "replay dead deliveries", NULL, false },
    { NULL, NULL, NULL, NULL, false }
};

static bool
s_same_when (const char *a, const char *b)
{
    return a == b || (a && b && streq (a, b));
}

//  Every row of a service, the shared ones first: from s_next (handlers,
//  NULL) on, until NULL.
static const service_op_t *
s_next (const service_handlers_t *handlers, const service_op_t *row)
{
    const size_t shared = sizeof s_shared_operations / sizeof s_shared_operations [0] - 1;
    row = row ? row + 1 : s_shared_operations;
    if (row == s_shared_operations + shared)
        row = handlers->operations;
    return row && row->operation ? row : NULL;
}

//  The row of operation for when (NULL: the framework's), or NULL.
static const service_op_t *
s_row (const service_handlers_t *handlers, const char *operation, const char *when)
{
    for (const service_op_t *row = s_next (handlers, NULL); row; row = s_next (handlers, row))
        if (streq (row->operation, operation) && s_same_when (row->when, when))
            return row;
    return NULL;
}

//  Every member of the Request's oneof has one row without `when`; every
//  row names a member. 0, or -1 with each problem written to report.
static int
s_operations_check (const service_handlers_t *handlers, FILE *report)
{
    const ProtobufCMessageDescriptor *type = handlers->request_type;
    int rc = 0;
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        if (!(field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
            continue;
        int rows = 0;
        for (const service_op_t *row = s_next (handlers, NULL); row; row = s_next (handlers, row))
            rows += streq (row->operation, field->name) && !row->when;
        if (rows != 1) {
            fprintf (report, "motcua-%s: %s.%s (field %u) has %d rows in the table of operations, not 1\n",
                     handlers->name, type->name, field->name, field->id, rows);
            rc = -1;
        }
    }
    for (const service_op_t *row = s_next (handlers, NULL); row; row = s_next (handlers, row)) {
        const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (
            type, row->operation);
        if (!field || !(field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) || !row->roles || !row->what) {
            fprintf (report, "motcua-%s: the table of operations names '%s', which is no operation of %s\n",
                     handlers->name, row->operation, type->name);
            rc = -1;
        }
    }
    return rc;
}

//  One line of the markdown table.
static void
s_print_row (FILE *out, const ProtobufCFieldDescriptor *field, const service_op_t *row)
{
    fprintf (out, "| `%s`%s%s%s | %u | `%s` | ", field->name, row->when ? " (" : "", row->when ? row->when : "",
             row->when ? ")" : "", field->id, ((const ProtobufCMessageDescriptor *) field->descriptor)->short_name);
    if (streq (row->roles, "*"))
        fprintf (out, "any admitted key | — |\n");
    else {
        for (const char *p = row->roles; *p; p++)
            fprintf (out, *p == ',' ? ", " : "%c", *p);
        fprintf (out, " | %s |\n", row->what);
    }
}

int
service_operations_print (const service_handlers_t *handlers, FILE *out)
{
    if (s_operations_check (handlers, stderr))
        return -1;
    const ProtobufCMessageDescriptor *type = handlers->request_type;
    fprintf (out, "`%s` on %s's `api` socket (port base + %d), answered by `%s`:\n\n",
             type->short_name, handlers->name, 10 * config_service_index (handlers->name) + 1,
             handlers->reply_type->short_name);
    fprintf (out, "| operation | field | body | roles | refused as \"role R may not …\" |\n");
    fprintf (out, "|---|---|---|---|---|\n");
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        if (!(field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
            continue;
        s_print_row (out, field, s_row (handlers, field->name, NULL));
        //  then the rows that depend on the request's content
        for (const service_op_t *row = s_next (handlers, NULL); row; row = s_next (handlers, row))
            if (row->when && streq (row->operation, field->name))
                s_print_row (out, field, row);
    }
    return 0;
}

config_t *
service_parse_args (const service_handlers_t *handlers, int argc, char **argv, int *exit_code)
{
    static struct option options [] = {
        { "help", no_argument, 0, 'h' },
        { "version", no_argument, 0, 'V' },
        { "config", required_argument, 0, 'c' },
        { "operations", no_argument, 0, 'o' },
        { 0, 0, 0, 0 }
    };
    const char *path = NULL;
    int opt;
    *exit_code = 0;
    while ((opt = getopt_long (argc, argv, "hVc:", options, NULL)) != -1) {
        if (opt == 'h') {
            printf ("usage: motcua-%s [--config FILE]\n%s\n\n"
                    "  --config FILE   ZPL settings (default: $MOTCUA_CONFIG, then built-ins)\n"
                    "  --version       print the version\n"
                    "  --operations    print the table of operations and roles (markdown)\n"
                    "  --help          this text\n\n"
                    "Environment: MOTCUA_VAR (run-time folder, default ./var), MOTCUA_BASE_PORT\n"
                    "(default 7100), MOTCUA_HOST, MOTCUA_DB (libpq conninfo; else PG* variables,\n"
                    "else the embedded cluster's var/pg/conninfo), MOTCUA_LOG_LEVEL.\n",
                    handlers->name, handlers->summary);
            return NULL;
        }
        if (opt == 'V') {
            printf ("motcua-%s %s\n", handlers->name, MOTCUA_VERSION);
            return NULL;
        }
        if (opt == 'o') {
            *exit_code = service_operations_print (handlers, stdout) ? 1 : 0;
            return NULL;
        }
        if (opt == 'c')
            path = optarg;
        else {
            *exit_code = 2;
            return NULL;
        }
    }
    config_t *config = config_new (path);
    if (!config)
        *exit_code = 1;
    return config;
}

service_t *
service_new (config_t *config, const service_handlers_t *handlers)
{
    log_init (handlers->name, config->log_level);
    if (s_operations_check (handlers, stderr)) {
        log_error ("the table of operations does not match %s; refusing to start",
                   handlers->request_type->name);
        return NULL;
    }
    zsys_set_linger (0);
    zsys_set_ipv6 (0);
    service_t *self = (service_t *) zmalloc (sizeof (service_t));
    self->config = config;
    self->handlers = handlers;
    self->started_ms = vn_now_ms ();
    //  Each service connects as its own role (deploy/roles.sql).
    char role [64];
    snprintf (role, sizeof role, "motcua_%s", handlers->name);
    self->db = db_new_as (config->conninfo, role);
    self->calendar = calendar_store_new (self->db);
    char name [64], endpoint [128];
    snprintf (name, sizeof name, "service-%s", handlers->name);
    self->cert = keystore_load (config->var_dir, name);
    self->auth = self->cert ? auth_new (config->var_dir, self->db, config->conninfo, role) : NULL;
    if (!self->auth) {
        service_destroy (&self);
        return NULL;
    }
    self->api = rpc_server_bind (config_endpoint (config, handlers->name, "api", endpoint, sizeof endpoint),
                                 self->cert, config->socket_bytes);
    self->events = rpc_server_bind (config_endpoint (config, handlers->name, "events", endpoint, sizeof endpoint),
                                    self->cert, config->socket_bytes);
    if (!self->api || !self->events) {
        service_destroy (&self);
        return NULL;
    }
    if (handlers->produces_events) {
        self->relay = relay_new (self->db, config, handlers->name, self->cert);
        if (!self->relay) {
            service_destroy (&self);
            return NULL;
        }
    }
    return self;
}

void
service_destroy (service_t **self_p)
{
    service_t *self = *self_p;
    if (self) {
        relay_destroy (&self->relay);
        calendar_store_destroy (&self->calendar);
        zsock_destroy (&self->api);
        zsock_destroy (&self->events);
        auth_destroy (&self->auth);
        zcert_destroy (&self->cert);
        db_destroy (&self->db);
        zchunk_destroy (&self->current_request);
        free (self);
        *self_p = NULL;
    }
}

db_t *
service_db (service_t *self)
{
    return self->db;
}

const config_t *
service_config (service_t *self)
{
    return self->config;
}

void
service_rules (service_t *self, const char *office_hours, worktime_rules_t *rules)
{
    calendar_store_rules (self->calendar, office_hours, rules);
}

void
service_kick (service_t *self)
{
    //  Only the relay clears the flag: without one, a kick would turn the
    //  poll loop into a busy spin.
    if (self->relay)
        self->kicked = true;
}

zchunk_t *
service_run_once (service_t *self, const char *key, idempotent_fn *work, void *context, api_error_t *error)
{
    if (api_check_text (error, "idempotency_key", key, 128, true))
        return NULL;
    idempotency_scope_t scope = {
        self->current_who ? self->current_who->name : "",
        self->current_operation ? self->current_operation : "",
        self->current_request ? zchunk_data (self->current_request) : (const void *) "",
        self->current_request ? zchunk_size (self->current_request) : 0
    };
    zchunk_t *body = idempotency_run (self->db, self->handlers->name, &scope, key, work, context, error);
    if (body)
        service_kick (self);
    return body;
}

void
service_health (service_t *self, Motcua__V1__Health *health)
{
    bool up = db_ping (self->db) == 0;
    if (up && self->handlers->produces_events) {
        health->outbox_backlog = relay_backlog (self->db, self->handlers->name);
        health->dead_letters = relay_dead (self->db, self->handlers->name);
        up = health->outbox_backlog >= 0 && health->dead_letters >= 0;
    }
    snprintf (self->db_state, sizeof self->db_state, "%s", up ? "up" : "down");
    health->service = (char *) self->handlers->name;
    health->version = (char *) MOTCUA_VERSION;
    health->uptime_ms = vn_now_ms () - self->started_ms;
    health->db_state = self->db_state;
    health->now = vn_now_ms ();
}

int64_t
service_replay_dead (service_t *self)
{
    if (!self->handlers->produces_events)
        return 0;
    int64_t count = relay_replay_dead (self->db, self->handlers->name);
    self->kicked = true;
    return count;
}

static void
s_record_denied (service_t *self, const principal_t *who, const char *dossier, const char *what)
{
    log_warn ("permission denied: %s (%s) may not %s%s%s", who->name, who->role, what,
              *dossier ? " of " : "", dossier);
    audit_denied (self->db, self->handlers->name, *who->name ? who->name : who->key, who->role,
                  dossier, what);
}

void
service_audit_denied (service_t *self, const principal_t *who, const char *dossier, const char *what)
{
    dossier = dossier ? dossier : "";
    if (db_in_transaction (self->db)) {
        //  The transaction will roll back with the refusal: record it after.
        self->denied_who = *who;
        snprintf (self->denied_what, sizeof self->denied_what, "%s", what);
        snprintf (self->denied_dossier, sizeof self->denied_dossier, "%s", dossier);
        return;
    }
    s_record_denied (self, who, dossier, what);
}

//  May who call what row says? 0, or audit and PERMISSION_DENIED.
static int
s_allow (service_t *self, const principal_t *who, const service_op_t *row, api_error_t *error)
{
    if (streq (row->roles, "*") || auth_role_in (who, row->roles))
        return 0;
    service_audit_denied (self, who, "", row->what);
    return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED, "",
                     "role '%s' may not %s", who->role, row->what);
}

int
service_allow_when (service_t *self, const principal_t *who, const char *operation, const char *when,
                    api_error_t *error)
{
    const service_op_t *row = s_row (self->handlers, operation, when);
    if (!row)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INTERNAL, "",
                         "%s has no row for %s (%s) in its table of operations",
                         self->handlers->name, operation, when);
    return s_allow (self, who, row, error);
}

int
service_allow_dossier (service_t *self, const principal_t *who, const char *dossier,
                       const char *procedure, const char *agency, const char *what, api_error_t *error)
{
    if (auth_may_touch (who, procedure, agency))
        return 0;
    char action [256];
    snprintf (action, sizeof action, "%s (procedure %s, agency %s)", what, procedure, agency);
    service_audit_denied (self, who, dossier, action);
    return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED, "procedure_code",
                     "%s is not granted procedure %s of agency %s", who->name, procedure,
                     *agency ? agency : "-");
}

//  ---- the operations every service answers alike (health, audit,
//  deliveries, replay), found and answered through protobuf reflection ----

//  Set the reply's oneof member `name` to body (borrowed). 0 or -1.
static int
s_set_body (ProtobufCMessage *reply, const char *name, ProtobufCMessage *body)
{
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (
        reply->descriptor, name);
    if (!field)
        return -1;
    *(ProtobufCMessage **) ((char *) reply + field->offset) = body;
    *(uint32_t *) ((char *) reply + field->quantifier_offset) = field->id;
    return 0;
}

//  The name of the request's chosen operation ("" if none).
static const char *
s_operation (const ProtobufCMessage *request)
{
    const ProtobufCMessageDescriptor *type = request->descriptor;
    for (unsigned i = 0; i < type->n_fields; i++)
        if (type->fields [i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
            uint32_t chosen = *(const uint32_t *) ((const char *) request + type->fields [i].quantifier_offset);
            const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field (type, chosen);
            return field ? field->name : "";
        }
    return "";
}

static const ProtobufCMessage *
s_operation_body (const ProtobufCMessage *request, const char *name)
{
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (
        request->descriptor, name);
    return field ? *(ProtobufCMessage *const *) ((const char *) request + field->offset) : NULL;
}

//  Answer a shared operation; NULL if the request is the service's own.
static zchunk_t *
s_handle_shared (service_t *self, const ProtobufCMessage *request)
{
    const char *operation = s_operation (request);
    if (!streq (operation, "health") && !streq (operation, "audit")
    &&  !streq (operation, "deliveries") && !streq (operation, "replay_dead"))
        return NULL;
    ProtobufCMessage *reply = (ProtobufCMessage *) calloc (1, self->handlers->reply_type->sizeof_message);
    self->handlers->reply_type->message_init (reply);
    const ProtobufCFieldDescriptor *id_field = protobuf_c_message_descriptor_get_field_by_name (
        request->descriptor, "request_id");
    *(char **) ((char *) reply + id_field->offset) = *(char *const *) ((const char *) request + id_field->offset);
    api_error_t error = { 0 };
    Motcua__V1__Health health = MOTCUA__V1__HEALTH__INIT;
    Motcua__V1__AuditTrail trail = MOTCUA__V1__AUDIT_TRAIL__INIT;
    Motcua__V1__DeliveryList deliveries = MOTCUA__V1__DELIVERY_LIST__INIT;
    Motcua__V1__ReplayDeadResult replayed = MOTCUA__V1__REPLAY_DEAD_RESULT__INIT;
    const char *name = self->handlers->name;

    if (streq (operation, "health")) {
        service_health (self, &health);
        s_set_body (reply, "health", &health.base);
    }
    else
    if (streq (operation, "audit")) {
        const Motcua__V1__AuditRequest *body = (const Motcua__V1__AuditRequest *) s_operation_body (request, operation);
        if (*body->outcome) {
            if (!streq (body->outcome, "denied") && !streq (body->outcome, "read"))
                api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "outcome",
                          "outcome must be denied or read");
            else
            if (audit_outcomes (self->db, name, body->outcome,
                                body->since > 0 ? body->since : vn_now_ms () - 30 * 86400000LL, 1000, &trail))
                api_db_fail (&error, db_error (self->db));
            else
                s_set_body (reply, "audit", &trail.base);
        }
        else
        if (api_check_text (&error, "dossier_code", body->dossier_code, 64, true) == 0) {
            if (audit_trail (self->db, name, body->dossier_code, &trail)
            ||  (self->handlers->audit_more && self->handlers->audit_more (self, body->dossier_code, &trail)))
                api_db_fail (&error, db_error (self->db));
            s_set_body (reply, "audit", &trail.base);
        }
    }
    else
    if (streq (operation, "deliveries")) {
        const Motcua__V1__DeliveriesRequest *body = (const Motcua__V1__DeliveriesRequest *) s_operation_body (request, operation);
        if (api_check_text (&error, "state", body->state, 16, false) == 0) {
            if (self->handlers->produces_events && relay_deliveries (self->db, name, body->state, &deliveries))
                api_db_fail (&error, db_error (self->db));
            s_set_body (reply, "deliveries", &deliveries.base);
        }
    }
    else {
        replayed.replayed = service_replay_dead (self);
        if (replayed.replayed < 0)
            api_db_fail (&error, db_error (self->db));
        s_set_body (reply, "replayed", &replayed.base);
    }
    zchunk_t *packed = api_reply_pack (reply, &error);
    audit_trail_free (&trail);
    relay_deliveries_free (&deliveries);
    free (reply);
    return packed;
}

//  Remember (or, with message NULL, forget) the request being answered:
//  its principal, and the envelope's operation with its packed message.
static void
s_current (service_t *self, const principal_t *who, const ProtobufCMessage *message)
{
    zchunk_destroy (&self->current_request);
    self->current_who = who;
    self->current_operation = NULL;
    if (!message)
        return;
    const ProtobufCMessageDescriptor *type = message->descriptor;
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        if (!(field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) || field->type != PROTOBUF_C_TYPE_MESSAGE
        ||  *(const uint32_t *) ((const char *) message + field->quantifier_offset) != field->id)
            continue;
        const ProtobufCMessage *member = *(ProtobufCMessage *const *) ((const char *) message + field->offset);
        self->current_operation = field->name;
        self->current_request = member ? api_pack (member) : zchunk_new ("", 0);
        return;
    }
}

//  ---- the envelope: which service, which request ----

//  The service a request names must be this one.
static int
s_check_service (service_t *self, const char *service, api_error_t *error)
{
    const char *name = self->handlers->name;
    if (api_check_text (error, "service", service, 32, false))
        return -1;
    if (!*service)
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "service",
                         "service is required: name the service the request is for (this is %s)", name);
    if (!streq (service, name))
        return api_fail (error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "service",
                         "this request is for %s, not %s", service, name);
    return 0;
}

//  Read before decoding: a request meant for another service may not decode
//  as ours, and must still hear that it came to the wrong door. -1 (error
//  set) if the frame names another service; 0 if it names none or cannot
//  be read this way (decided once decoded).
static int
s_check_door (service_t *self, const uint8_t *data, size_t size, api_error_t *error)
{
    char service [64];
    if (rpc_peek_string (data, size, 2, service, sizeof service) == 1 && *service)
        return s_check_service (self, service, error);
    return 0;
}

//  A string field of the request by name ("" if none).
static const char *
s_text_field (const ProtobufCMessage *message, const char *name)
{
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (
        message->descriptor, name);
    const char *value = field && field->type == PROTOBUF_C_TYPE_STRING
        ? *(const char *const *) ((const char *) message + field->offset) : NULL;
    return value ? value : "";
}

//  The request as read: its service, its id, then the row of its operation
//  (the roles), before any handler sees it. 0, or -1 with error set.
static int
s_admit (service_t *self, const principal_t *who, const ProtobufCMessage *request, api_error_t *error)
{
    if (s_check_service (self, s_text_field (request, "service"), error)
    ||  api_check_text (error, "request_id", s_text_field (request, "request_id"), RPC_ID_MAX, true))
        return -1;
    const char *operation = s_operation (request);
    const service_op_t *row = *operation ? s_row (self->handlers, operation, NULL) : NULL;
    return row ? s_allow (self, who, row, error) : 0;   //  no operation: the handler says so
}

//  ---- personal data in replies (Decree 13/2023) ----

//  One door for every reply: personal data is blanked for a role that sees
//  none (personal_data_seen_by), and a reply that gives some away is
//  recorded as a read (outcome 'read' in the audit trail) under the dossier
//  the request names — unless its row says the reply only echoes what the
//  caller sent (a receipt). Returns the reply to send (reply, or its blanked
//  copy).
static zchunk_t *
s_personal_data (service_t *self, const principal_t *who, const ProtobufCMessage *request, zchunk_t *reply)
{
    const char *operation = s_operation (request);
    const service_op_t *row = *operation ? s_row (self->handlers, operation, NULL) : NULL;
    if (!row || row->echoes)
        return reply;
    ProtobufCMessage *answer = protobuf_c_message_unpack (self->handlers->reply_type, NULL,
                                                          zchunk_size (reply), zchunk_data (reply));
    if (!answer)
        return reply;
    bool blank = !personal_data_seen_by (who);
    size_t holding = personal_data_walk (answer, blank);
    if (holding && blank) {
        zchunk_destroy (&reply);
        reply = api_pack (answer);
    }
    else
    if (holding) {
        const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (
            request->descriptor, operation);
        const ProtobufCMessage *member = field && field->type == PROTOBUF_C_TYPE_MESSAGE
            ? *(ProtobufCMessage *const *) ((const char *) request + field->offset) : NULL;
        const char *dossier = member ? s_text_field (member, "dossier_code") : "";
        char what [300];
        snprintf (what, sizeof what, "%s: %zu %s with personal data", row->what, holding,
                  holding == 1 ? "dossier" : "dossiers");
        if (audit_read (self->db, self->handlers->name, *who->name ? who->name : who->key, who->role,
                        dossier, what))
            log_warn ("could not record a read by %s (%s): %s", who->name, what, db_error (self->db));
    }
    protobuf_c_message_free_unpacked (answer, NULL);
    return reply;
}

//  The reply to one request (auth, size, envelope, unpack, roles, shared or
//  own handler).
static zchunk_t *
s_answer (service_t *self, rpc_request_t *request)
{
    const uint8_t *data = zframe_data (request->payload);
    size_t size = zframe_size (request->payload);
    //  An error reply echoes the id only if it is one a client can read.
    char request_id [RPC_ID_MAX + 1] = "";
    if (!rpc_peek_field1 (data, size, request_id, sizeof request_id) || !api_utf8_valid (request_id))
        request_id [0] = 0;
    principal_t who;
    api_error_t error = { 0 };
    zchunk_t *reply = NULL;
    if (auth_principal (self->auth, request->payload, &who))
        api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED, "", "this key is not admitted");
    else
    if (size > self->config->request_bytes) {
        api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_RESOURCE_EXHAUSTED, "",
                  "request of %zu bytes is over the limit of %zu bytes", size, self->config->request_bytes);
        log_warn ("%s from %s", error.message, who.name);
    }
    else
    if (wire_text_check (self->handlers->request_type, data, size, &error))
        log_warn ("refused a request from %s: %s", who.name, error.message);
    else
    if (s_check_door (self, data, size, &error) == 0) {
        ProtobufCMessage *message = protobuf_c_message_unpack (self->handlers->request_type, NULL, size, data);
        if (!message)
            api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "",
                      "the request is not a readable %s", self->handlers->request_type->name);
        else
        if (s_admit (self, &who, message, &error) == 0) {
            s_current (self, &who, message);
            reply = s_handle_shared (self, message);
            if (!reply)
                reply = self->handlers->handle (self, &who, message);
            if (reply)
                reply = s_personal_data (self, &who, message, reply);
            s_current (self, NULL, NULL);
        }
        if (message)
            protobuf_c_message_free_unpacked (message, NULL);
    }
    if (!reply) {
        if (streq (error.field, "request_id"))
            request_id [0] = 0;
        reply = api_error_reply (self->handlers->reply_type, request_id, error.code, error.field, error.message);
    }
    if (*self->denied_what) {       //  recorded before the caller hears of it
        s_record_denied (self, &self->denied_who, self->denied_dossier, self->denied_what);
        self->denied_what [0] = 0;
    }
    return reply;
}

//  Answer what is waiting on the API socket. With group commit, up to
//  GROUP_MAX requests share one transaction and one commit (one fsync) —
//  a lone request too, for the pipelined writes;
//  nobody hears back before it is durable. If the group is spoiled (a
//  failed statement, a command that rolled back after writing, a failed
//  commit) nothing of it was kept, and each request is answered on its own.
static void
s_handle_api (service_t *self)
{
    rpc_request_t requests [GROUP_MAX];
    zchunk_t *replies [GROUP_MAX];
    int count = 0;
    int limit = self->handlers->group_commit ? GROUP_MAX : 1;
    while (count < limit && (count == 0 || (zsock_events (self->api) & ZMQ_POLLIN)))
        if (rpc_server_recv (self->api, &requests [count]) == 0)
            count++;
        else
        if (count == 0)
            return;
    bool grouped = self->handlers->group_commit && db_group_begin (self->db) == 0;
    for (int i = 0; i < count; i++)
        replies [i] = s_answer (self, &requests [i]);
    if (grouped && db_group_end (self->db)) {
        log_warn ("group of %d requests not committed (%s); answering each alone",
                  count, db_error (self->db));
        for (int i = 0; i < count; i++) {
            zchunk_destroy (&replies [i]);
            replies [i] = s_answer (self, &requests [i]);
        }
    }
    for (int i = 0; i < count; i++) {
        rpc_server_reply (self->api, &requests [i], zchunk_data (replies [i]), zchunk_size (replies [i]));
        zchunk_destroy (&replies [i]);
    }
}

static void
s_handle_events (service_t *self)
{
    if (!self->handlers->apply) {
        rpc_request_t request;
        if (rpc_server_recv (self->events, &request) == 0)
            rpc_request_clear (&request);
        return;
    }
    if (consumer_handle (self->events, self->auth, self->db, self->handlers->name,
                         self->handlers->apply, self) > 0)
        service_kick (self);        //  applying may have written to our outbox
}

//  On first contact with the database: refuse a schema newer than we know.
static int
s_check_schema (service_t *self)
{
    if (self->schema_checked || db_ensure (self->db))
        return 0;
    int version = db_schema_version (self->db);
    if (version < 0)
        return 0;
    self->schema_checked = true;
    if (version > MOTCUA_SCHEMA_VERSION) {
        log_error ("database schema is at migration %d, newer than this build knows (%d); "
                   "refusing to start", version, MOTCUA_SCHEMA_VERSION);
        return -1;
    }
    if (version < MOTCUA_SCHEMA_VERSION)
        log_warn ("database schema is at migration %d; this build expects %d (run the migrations)",
                  version, MOTCUA_SCHEMA_VERSION);
    return 0;
}

int
service_run (service_t *self)
{
    zpoller_t *poller = zpoller_new (self->api, self->events, NULL);
    if (self->relay)
        relay_attach (self->relay, poller);
    char endpoint [128];
    log_info ("motcua-%s %s serving %s", self->handlers->name, MOTCUA_VERSION,
              config_endpoint (self->config, self->handlers->name, "api", endpoint, sizeof endpoint));
    int64_t next_poll = 0, next_tick = 0;
    //  Fall back to polling the outbox no slower than a lease expires.
    int poll_ms = self->config->relay_retry_ms < RELAY_POLL_MS ? self->config->relay_retry_ms : RELAY_POLL_MS;
    if (poll_ms < 50)
        poll_ms = 50;
    int rc = 0;
    while (!zsys_interrupted) {
        if (s_check_schema (self)) {
            rc = 1;
            break;
        }
        int64_t now = zclock_mono ();
        if (self->handlers->tick && now >= next_tick) {
            self->handlers->tick (self);
            next_tick = now + TICK_MS;
        }
        if (self->relay && (self->kicked || now >= next_poll)) {
            self->kicked = false;
            relay_flush (self->relay);
            next_poll = now + (relay_unsent (self->relay) ? RELAY_UNSENT_MS : poll_ms);
        }
        int64_t wait = self->kicked ? 0 : self->relay ? next_poll - zclock_mono () : poll_ms;
        if (self->handlers->tick && next_tick - zclock_mono () < wait)
            wait = next_tick - zclock_mono ();
        void *which = zpoller_wait (poller, (int) (wait < 0 ? 0 : wait));
        if (!which) {
            if (zpoller_terminated (poller))
                break;
            continue;
        }
        //  zpoller_wait names the first ready socket in the order added, so
        //  a steady stream of requests would starve the events and the acks
        //  behind it (leases expire, deliveries die applied). Each ready
        //  socket is served once a turn.
        if (zsock_events (self->api) & ZMQ_POLLIN)
            s_handle_api (self);
        if (zsock_events (self->events) & ZMQ_POLLIN)
            s_handle_events (self);
        //  Acks open the window of a subscriber that was full: send on now.
        if (self->relay && relay_read_acks (self->relay) > 0 && relay_unsent (self->relay))
            self->kicked = true;
    }
    zpoller_destroy (&poller);
    log_info ("stopped");
    return rc;
}

int
service_main (const service_handlers_t *handlers, int argc, char **argv)
{
    int exit_code;
    config_t *config = service_parse_args (handlers, argc, argv, &exit_code);
    if (!config)
        return exit_code;
    service_t *service = service_new (config, handlers);
    int rc = service ? service_run (service) : 1;
    service_destroy (&service);
    config_destroy (&config);
    return rc;
}
