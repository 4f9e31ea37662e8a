/*  test_faults — issue 6 ("nothing lost, nobody unauthorised") proven on the
    four real binaries, a real PostgreSQL and CURVE, through the client
    libraries, the `motcua` command line and SQL against the test database:
        grants          `motcua admin grant|revoke|rotate|keys`: a key may do
                        what its grant says and no more, every denial leaves
                        an audit row, revocation and rotation need no restart
        audit_trail     the postal road leaves who/what/old/new in every
                        service's audit, written with the change
        dead_letters    a subscriber that never acknowledges: the delivery is
                        parked dead (health, deliveries, an error log line)
                        and an operator's replay delivers it exactly once
        postgres_down   the cluster stopped: every service keeps answering
                        (UNAVAILABLE where it cannot work), recovers alone
        sigterm         processing, then intake, stopped gracefully while
                        dossiers stream in: every receipt arrives exactly once
    Run by tests/run.sh after test_blackbox, on the same throw-away cluster
    (MOTCUA_VAR, MOTCUA_BASE_PORT, MOTCUA_BIN as it sets them).              */
#include <czmq.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include "testkit.h"
#include "harness.h"
#include "keystore.h"
#include "vntime.h"

#define SETTLE_MS       HARNESS_SETTLE_MS
#define STREAM_TOTAL    150         //  dossiers submitted across the SIGTERMs
#define STREAM_PROCESSING_AT 40     //  receipts before processing gets SIGTERM
#define STREAM_INTAKE_AT 100        //  receipts before intake gets SIGTERM

#define INVALID         MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define NOT_FOUND       MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND
#define PERMISSION      MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED
#define UNAVAILABLE     MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE
#define BY_COUNTER      MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER
#define BY_POST         MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
#define APPROVED        MOTCUA__V1__OUTCOME__OUTCOME_APPROVED

//  The seven procedures granted to clerk-rot: longer than 64 characters
//  written out, the 7th in an agency of its own (inserted by the test).
#define ROT_PROCEDURES  "1.000843,1.000804,H27.NV.001,H27.NV.002,H27.NV.003,H27.NV.004,H27.99.001"

static config_t *s_config;

//  Long-lived clients of the main thread.
static struct {
    client_t *counter;              //  intake, counter
    client_t *desk;                 //  processing, desk (H27.22)
    client_t *postal;               //  postal, postal
    client_t *dashboard [HARNESS_SERVICES];     //  each service, dashboard
    client_t *admin;                //  intake, admin
} s_clients;

// --------------------------------------------------------------------------
//  Helpers

static client_t *
s_client (const char *service, const char *identity)
{
    client_t *client = client_new (s_config, service, identity);
    if (client)
        client_set_timeout (client, 1500, 2);
    return client;
}

static client_t *
s_dashboard (const char *service)
{
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        if (streq (harness_proc_at (i)->name, service))
            return s_clients.dashboard [i];
    return NULL;
}

//  Submit the standard dossier for procedure under a fresh key. 0 and its
//  code, or the error code (field copied), or -1 if no answer.
static int
s_submit_procedure (client_t *client, const char *procedure, Motcua__V1__ReturnMethod method,
                    char *code, size_t size, char *field, size_t field_size)
{
    char key [160];
    harness_new_key (key, sizeof key, "faults");
    harness_dossier_t spec = harness_standard;
    spec.procedure = procedure;
    spec.return_method = method;
    return harness_submit_spec (client, key, &spec, code, size, field, field_size);
}

//  Submit (retrying the same key while there is no answer or UNAVAILABLE,
//  up to timeout_ms) and return as harness_submit_spec does.
static int
s_submit_patiently (client_t *client, const char *key, const harness_dossier_t *spec,
                    char *code, size_t size, int timeout_ms)
{
    int64_t deadline = zclock_mono () + timeout_ms;
    int rc;
    do {
        rc = harness_submit_spec (client, key, spec, code, size, NULL, 0);
        if ((rc == -1 || rc == UNAVAILABLE) && zclock_mono () < deadline)
            zclock_sleep (100);
        else
            break;
    } while (true);
    return rc;
}

static bool
s_in_queue (void *arg)
{
    processing_reply_t *queue = harness_queue (s_clients.desk);
    bool found = harness_queue_count (queue, (const char *) arg) > 0;
    processing_reply_destroy (&queue);
    return found;
}

//  Resolve as client (approve) under a fresh key: the error code (0 done).
static int
s_resolve_as (client_t *client, const char *code)
{
    char key [160];
    harness_new_key (key, sizeof key, "faults-resolve");
    return harness_approve (client, key, code);
}

static int64_t
s_sql_1 (const char *sql, const char *param)
{
    const char *params [1] = { param };
    return harness_sql_int (sql, 1, params);
}

static int64_t
s_sql_2 (const char *sql, const char *first, const char *second)
{
    const char *params [2] = { first, second };
    return harness_sql_int (sql, 2, params);
}

//  Does the JSON text (as jsonb prints it, or compact) hold "key": "value"?
static bool
s_json_has (const char *json, const char *key, const char *value)
{
    char spaced [256], compact [256];
    snprintf (spaced, sizeof spaced, "\"%s\": \"%s\"", key, value);
    snprintf (compact, sizeof compact, "\"%s\":\"%s\"", key, value);
    return json && (strstr (json, spaced) || strstr (json, compact));
}

//  The value of "key":"…" in a compact JSON line, into value ("" if none).
static void
s_json_value (const char *json, const char *key, char *value, size_t size)
{
    char pattern [128];
    snprintf (pattern, sizeof pattern, "\"%s\":\"", key);
    const char *at = strstr (json, pattern);
    value [0] = 0;
    if (at) {
        at += strlen (pattern);
        size_t len = strcspn (at, "\"");
        snprintf (value, size, "%.*s", (int) (len < size ? len : size - 1), at);
    }
}

//  The "procedures" of name's live grant as `motcua admin keys --json` shows.
static void
s_granted_procedures (const char *name, char *procedures, size_t size)
{
    char out [16384], needle [128];
    procedures [0] = 0;
    if (harness_cli (out, sizeof out, "admin keys --json"))
        return;
    snprintf (needle, sizeof needle, "{\"name\":\"%s\"", name);
    const char *entry = strstr (out, needle);
    if (entry) {
        char object [4096];
        snprintf (object, sizeof object, "%.*s", (int) strcspn (entry, "}"), entry);
        s_json_value (object, "procedures", procedures, size);
    }
}

//  Poll client with submissions for up to timeout_ms until it is refused
//  (PERMISSION_DENIED or no answer). Returns the milliseconds it took, or
//  -1 if it was never refused.
static int64_t
s_refused_within (client_t *client, int timeout_ms)
{
    int64_t start = zclock_mono ();
    client_set_timeout (client, 400, 1);
    while (zclock_mono () - start < timeout_ms) {
        int rc = s_submit_procedure (client, HARNESS_PROCEDURE, BY_COUNTER, NULL, 0, NULL, 0);
        if (rc == PERMISSION || rc == -1)
            return zclock_mono () - start;
        zclock_sleep (100);
    }
    return -1;
}

//  A fresh connection with cert (borrowed) gets no answer to health.
static bool
s_unanswered (zcert_t *cert)
{
    client_t *client = client_new_with_cert (s_config, "intake", cert);
    if (!client)
        return false;
    client_set_timeout (client, 800, 1);
    intake_reply_t *reply = intake_client_health (client);
    bool silent = reply == NULL;
    intake_reply_destroy (&reply);
    client_destroy (&client);
    return silent;
}

//  Submit as identity until a receipt, up to 3 s: a key just granted
//  reaches zauth and the grants within a second. Each try connects afresh,
//  as each `motcua` command does: libzmq never reconnects a socket whose
//  handshake was refused.
static int
s_submit_soon (const char *identity, const char *procedure, char *code, size_t size)
{
    int64_t deadline = zclock_mono () + 3000;
    int rc = -1;
    while (true) {
        client_t *client = s_client ("intake", identity);
        if (client) {
            client_set_timeout (client, 500, 1);
            rc = s_submit_procedure (client, procedure, BY_COUNTER, code, size, NULL, 0);
        }
        client_destroy (&client);
        if (rc == 0 || zclock_mono () >= deadline)
            return rc;
        zclock_sleep (200);
    }
}

static void
s_pids (pid_t *pids)
{
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        pids [i] = harness_alive (harness_proc_at (i)) ? harness_proc_at (i)->pid : 0;
}

// --------------------------------------------------------------------------
//  1. Grants

static void
test_grants (void)
{
    char out [4096], code [64] = "", field [64] = "";
    pid_t pids_before [HARNESS_SERVICES], pids_after [HARNESS_SERVICES];
    s_pids (pids_before);

    //  A counter clerk granted one procedure.
    int rc = harness_cli (out, sizeof out, "admin grant clerk-843 --role counter --procedures 1.000843");
    CHECK_EQ_INT (rc, 0, "grants: `motcua admin grant clerk-843 --role counter --procedures 1.000843` succeeds");
    CHECK (s_submit_soon ("clerk-843", "1.000843", code, sizeof code) == 0,
           "grants: clerk-843's new key may submit 1.000843 (a receipt, no service restarted)");
    client_t *clerk = s_client ("intake", "clerk-843");
    char key [160], refused_code [64] = "";
    harness_new_key (key, sizeof key, "grant-refused");
    harness_dossier_t spec = harness_standard;
    spec.procedure = "H27.NV.003";
    rc = clerk ? harness_submit_spec (clerk, key, &spec, refused_code, sizeof refused_code, field, sizeof field) : -1;
    CHECK (rc == PERMISSION && streq (field, "procedure_code"),
           "grants: clerk-843 gets PERMISSION_DENIED on procedure_code for H27.NV.003");
    CHECK (s_sql_1 ("SELECT count(*) FROM intake.audit WHERE outcome = 'denied' AND principal = $1"
                    " AND action LIKE '%H27.NV.003%'", "clerk-843") >= 1,
           "grants: that denial left a row in intake.audit (outcome denied, principal clerk-843)");
    CHECK_EQ_INT (s_sql_1 ("SELECT count(*) FROM intake.dossier WHERE idempotency_key = $1", key), 0,
                  "grants: the refused submission created no dossier");

    rc = harness_cli (out, sizeof out, "admin keys --json");
    CHECK (rc == 0 && strstr (out, "{\"name\":\"clerk-843\",\"role\":\"counter\",\"agency\":\"\",\"procedures\":\"1.000843\""),
           "grants: `motcua admin keys --json` lists clerk-843 as a counter for 1.000843");

    //  A desk of another agency: no decision on an H27.22 dossier.
    harness_sql_exec ("INSERT INTO catalog.agency (code, name) VALUES ('H27.99', 'Cơ quan thử nghiệm')"
                      " ON CONFLICT DO NOTHING", 0, NULL);
    rc = harness_cli (out, sizeof out, "admin grant desk-h2799 --role desk --agency H27.99");
    CHECK_EQ_INT (rc, 0, "grants: `motcua admin grant desk-h2799 --role desk --agency H27.99` succeeds");
    char dossier [64] = "";
    rc = s_submit_procedure (s_clients.counter, HARNESS_PROCEDURE, BY_COUNTER, dossier, sizeof dossier, NULL, 0);
    bool queued = rc == 0 && harness_wait_until (s_in_queue, dossier, 5000);
    client_t *foreign = s_client ("processing", "desk-h2799");
    int64_t start = zclock_mono ();
    rc = -1;
    while (foreign && queued && (rc = s_resolve_as (foreign, dossier)) != PERMISSION
       &&  zclock_mono () - start < 3000)
        zclock_sleep (200);     //  until the new key is admitted
    CHECK_EQ_INT (rc, PERMISSION, "grants: desk-h2799 (agency H27.99) may not resolve an H27.22 dossier");
    CHECK (s_sql_1 ("SELECT count(*) FROM processing.audit WHERE outcome = 'denied' AND principal = $1",
                    "desk-h2799") >= 1,
           "grants: that denial left a row in processing.audit");
    CHECK (s_sql_1 ("SELECT count(*) FROM processing.work_item WHERE dossier_code = $1 AND status = 'received'",
                    dossier) == 1,
           "grants: the denied decision changed nothing (the dossier is still received)");

    //  A desk of the right agency limited to one procedure.
    rc = harness_cli (out, sizeof out, "admin grant desk-843 --role desk --agency H27.22 --procedures 1.000843");
    CHECK_EQ_INT (rc, 0, "grants: `motcua admin grant desk-843 --role desk --agency H27.22 --procedures 1.000843` succeeds");
    char other [64] = "";
    rc = s_submit_procedure (s_clients.counter, "H27.NV.003", BY_COUNTER, other, sizeof other, NULL, 0);
    queued = rc == 0 && harness_wait_until (s_in_queue, other, 5000);
    client_t *limited = s_client ("processing", "desk-843");
    if (limited)                        //  patient on a slow (sanitised, loaded) machine
        client_set_timeout (limited, 4000, 2);
    start = zclock_mono ();
    rc = -1;
    while (limited && queued && (rc = s_resolve_as (limited, other)) != PERMISSION
       &&  zclock_mono () - start < 8000)
        zclock_sleep (200);
    CHECK_EQ_INT (rc, PERMISSION, "grants: desk-843 may not resolve an H27.NV.003 dossier");
    CHECK_EQ_INT (limited ? s_resolve_as (limited, dossier) : -1, 0,
                  "grants: desk-843 may resolve the 1.000843 dossier");

    //  Revocation: the open connection is refused within two seconds.
    rc = harness_cli (out, sizeof out, "admin revoke clerk-843");
    CHECK_EQ_INT (rc, 0, "grants: `motcua admin revoke clerk-843` succeeds");
    int64_t took = clerk ? s_refused_within (clerk, 4000) : -1;
    char name [160];
    snprintf (name, sizeof name, "grants: clerk-843's open connection is refused %lld ms after the revocation (limit 2000)",
              (long long) took);
    CHECK (took >= 0 && took <= 2000, name);
    zcert_t *revoked = keystore_load (s_config->var_dir, "clerk-843");
    CHECK (revoked && s_unanswered (revoked), "grants: a new connection with the revoked key gets no answer");
    zcert_destroy (&revoked);
    client_destroy (&clerk);

    //  Rotation: the new key works at once, the old one is refused.
    harness_sql_exec ("INSERT INTO catalog.division (code, agency_code, name)"
                      " VALUES ('thu', 'H27.99', 'Phòng thử nghiệm') ON CONFLICT DO NOTHING", 0, NULL);
    harness_sql_exec ("INSERT INTO catalog.procedure (code, name, field, agency_code, division,"
                      " time_limit_value, time_limit_unit) SELECT 'H27.99.001', 'Thủ tục thử nghiệm',"
                      " 'Thử nghiệm', 'H27.99', 'thu', 5, 'working_days' WHERE NOT EXISTS"
                      " (SELECT 1 FROM catalog.procedure WHERE code = 'H27.99.001')", 0, NULL);
    CHECK (s_sql_1 ("SELECT count(*) FROM catalog.procedure WHERE code = $1", "H27.99.001") >= 1,
           "grants: (set-up) a 7th procedure, H27.99.001, is in the catalogue");
    rc = harness_cli (out, sizeof out, "admin grant clerk-rot --role counter --procedures " ROT_PROCEDURES);
    CHECK (rc == 0 && s_submit_soon ("clerk-rot", "H27.99.001", NULL, 0) == 0,
           "grants: clerk-rot, granted 7 procedures, submits with its first key");
    char procedures_before [2048], procedures_after [2048];
    s_granted_procedures ("clerk-rot", procedures_before, sizeof procedures_before);
    zcert_t *old_key = keystore_load (s_config->var_dir, "clerk-rot");
    client_t *before = s_client ("intake", "clerk-rot");      //  the old key's connection
    CHECK (before && s_submit_procedure (before, HARNESS_PROCEDURE, BY_COUNTER, NULL, 0, NULL, 0) == 0,
           "grants: an open connection with clerk-rot's first key submits");
    rc = harness_cli (out, sizeof out, "admin rotate clerk-rot");
    CHECK_EQ_INT (rc, 0, "grants: `motcua admin rotate clerk-rot` succeeds");
    CHECK (s_submit_soon ("clerk-rot", HARNESS_PROCEDURE, NULL, 0) == 0,
           "grants: clerk-rot's new key submits within 3 s of the rotation (no restart)");
    took = s_refused_within (before, 4000);
    snprintf (name, sizeof name, "grants: the old key's open connection is refused %lld ms after the rotation (limit 2000)",
              (long long) took);
    CHECK (took >= 0 && took <= 2000, name);
    CHECK (old_key && s_unanswered (old_key), "grants: a new connection with the old key gets no answer");
    s_granted_procedures ("clerk-rot", procedures_after, sizeof procedures_after);
    char detail [160];
    snprintf (detail, sizeof detail, "after rotation: \"%.120s\"", procedures_after);
    testkit_check (streq (procedures_after, ROT_PROCEDURES), "grants: the rotated grant keeps all 7 procedures (admin keys)",
                   __FILE__, __LINE__, detail);
    CHECK (streq (procedures_before, ROT_PROCEDURES) && s_submit_soon ("clerk-rot", "H27.99.001", NULL, 0) == 0,
           "grants: the new key may still submit the 7th granted procedure");
    zcert_destroy (&old_key);
    client_destroy (&before);
    client_destroy (&foreign);
    client_destroy (&limited);

    s_pids (pids_after);
    CHECK (memcmp (pids_before, pids_after, sizeof pids_before) == 0 && pids_after [0] && pids_after [1]
           && pids_after [2] && pids_after [3],
           "grants: grant, revoke and rotate took effect with no service restarted");
}

// --------------------------------------------------------------------------
//  2. The audit trail of the postal road

typedef struct {
    const char *code, *status;
} trace_status_t;

static bool
s_trace_status (void *arg)
{
    trace_status_t *want = (trace_status_t *) arg;
    reporting_reply_t *trace = harness_trace (s_dashboard ("reporting"), want->code);
    bool match = trace && streq (trace->trace->status, want->status);
    reporting_reply_destroy (&trace);
    return match;
}

static bool
s_shipment_listed (void *arg)
{
    return harness_shipment_listed (s_clients.postal, (const char *) arg);
}

//  The entry of service's trail with action, or NULL.
static Motcua__V1__AuditEntry *
s_audit_entry (Motcua__V1__AuditTrail *trail, const char *action)
{
    for (size_t i = 0; trail && i < trail->n_entries; i++)
        if (streq (trail->entries [i]->action, action))
            return trail->entries [i];
    return NULL;
}

static void
test_audit_trail (void)
{
    char code [64] = "", key [160];
    int rc = s_submit_procedure (s_clients.counter, HARNESS_PROCEDURE, BY_POST, code, sizeof code, NULL, 0);
    bool road = rc == 0 && harness_wait_until (s_in_queue, code, 5000);
    harness_new_key (key, sizeof key, "audit-resolve");
    road = road && harness_approve (s_clients.desk, key, code) == 0;
    road = road && harness_wait_until (s_shipment_listed, code, SETTLE_MS);
    harness_new_key (key, sizeof key, "audit-deliver");
    postal_reply_t *delivered = road ? postal_client_deliver (s_clients.postal, key, code, "042090001234") : NULL;
    road = delivered && !delivered->error;
    postal_reply_destroy (&delivered);
    trace_status_t want = { code, "returned" };
    road = road && harness_wait_until (s_trace_status, &want, SETTLE_MS);
    CHECK (road, "audit trail: a postal dossier goes received → resolved → shipped → delivered → returned");

    //  Each service's own trail of the dossier, as the dashboard asks for it.
    ProtobufCMessage *replies [HARNESS_SERVICES] = { 0 };
    Motcua__V1__AuditTrail *trails [HARNESS_SERVICES] = { 0 };
    for (size_t i = 0; i < HARNESS_SERVICES; i++) {
        Motcua__V1__AuditRequest ask = MOTCUA__V1__AUDIT_REQUEST__INIT;
        ask.dossier_code = code;
        const char *service = harness_proc_at (i)->name;
        replies [i] = harness_shared (s_dashboard (service), service, "audit", &ask.base);
        trails [i] = replies [i] ? (Motcua__V1__AuditTrail *) client_reply_body (replies [i], "audit") : NULL;
    }
    CHECK (trails [0] && trails [1] && trails [2] && trails [3],
           "audit trail: all four services answer the audit operation for the dossier");
    Motcua__V1__AuditEntry *receive = s_audit_entry (trails [0], "receive");
    Motcua__V1__AuditEntry *enqueue = s_audit_entry (trails [1], "enqueue");
    Motcua__V1__AuditEntry *resolve = s_audit_entry (trails [1], "resolve");
    Motcua__V1__AuditEntry *ship = s_audit_entry (trails [2], "create shipment");
    Motcua__V1__AuditEntry *deliver = s_audit_entry (trails [2], "deliver");
    Motcua__V1__AuditEntry *back = s_audit_entry (trails [1], "return");
    CHECK (receive && streq (receive->principal, "counter") && streq (receive->role, "counter")
           && !*receive->old_value && s_json_has (receive->new_value, "procedure", HARNESS_PROCEDURE),
           "audit trail: intake recorded receive by counter, new value naming the procedure");
    CHECK (enqueue && *enqueue->principal && s_json_has (enqueue->new_value, "status", "received"),
           "audit trail: processing recorded enqueue (who, new status received)");
    CHECK (resolve && streq (resolve->principal, "desk") && s_json_has (resolve->old_value, "status", "received")
           && s_json_has (resolve->new_value, "status", "resolved") && s_json_has (resolve->new_value, "outcome", "approved"),
           "audit trail: processing recorded resolve by desk, old status received, new resolved/approved");
    CHECK (ship && *ship->principal && s_json_has (ship->new_value, "status", "created"),
           "audit trail: postal recorded create shipment (who, new status created)");
    CHECK (deliver && streq (deliver->principal, "postal") && s_json_has (deliver->old_value, "status", "created")
           && s_json_has (deliver->new_value, "status", "delivered"),
           "audit trail: postal recorded deliver by postal, created → delivered");
    CHECK (back && *back->principal && s_json_has (back->old_value, "status", "resolved")
           && s_json_has (back->new_value, "status", "returned"),
           "audit trail: processing recorded return (who, resolved → returned)");
    bool stamped = receive && enqueue && resolve && ship && deliver && back
                && receive->at > 0 && receive->at <= resolve->at && resolve->at <= deliver->at
                && deliver->at <= back->at;
    CHECK (stamped, "audit trail: the entries are stamped in the order the changes happened");
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        if (replies [i])
            protobuf_c_message_free_unpacked (replies [i], NULL);

    char out [16384];
    rc = harness_cli (out, sizeof out, "audit %s --json", code);
    CHECK (rc == 0 && strstr (out, "\"action\":\"receive\"") && strstr (out, "\"action\":\"resolve\"")
           && strstr (out, "\"action\":\"deliver\"") && strstr (out, "\"action\":\"return\""),
           "audit trail: `motcua audit CODE --json` prints the dossier's trail across the services");
}

// --------------------------------------------------------------------------
//  3. Dead letters

typedef struct {
    const char *service;
    int64_t at_least;
} dead_want_t;

static bool
s_dead_at_least (void *arg)
{
    dead_want_t *want = (dead_want_t *) arg;
    Motcua__V1__Health health;
    return harness_health (want->service, &health) && health.dead_letters >= want->at_least;
}

static bool
s_clean_outbox (void *arg)
{
    Motcua__V1__Health health;
    return harness_health ((const char *) arg, &health)
        && health.dead_letters == 0 && health.outbox_backlog == 0;
}

//  How often code is in the desk's queue right now (-1: no answer).
static int
s_queue_times (const char *code)
{
    processing_reply_t *queue = harness_queue (s_clients.desk);
    int count = harness_queue_count (queue, code);
    processing_reply_destroy (&queue);
    return count;
}

static bool
s_queued_once (void *arg)
{
    return s_queue_times ((const char *) arg) == 1;
}

static void
test_dead_letters (void)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    harness_proc_t *intake = harness_proc ("intake");
    harness_proc_t *processing = harness_proc ("processing");
    const char *impatient [] = { "MOTCUA_RELAY_MAX_ATTEMPTS=3", "MOTCUA_RELAY_RETRY_MS=100",
                                 "MOTCUA_RELAY_MAX_RETRY_MS=200", NULL };
    CHECK (harness_restart (intake, impatient),
           "dead letters: intake restarts with 3 attempts, 100-200 ms apart (MOTCUA_RELAY_*)");
    client_t *counter = s_client ("intake", "counter");
    client_t *dashboard = s_client ("intake", "dashboard");
    client_t *admin = s_client ("intake", "admin");

    //  Processing hangs: connected, never acknowledging.
    kill (processing->pid, SIGSTOP);
    char code [64] = "";
    int rc = counter ? s_submit_procedure (counter, HARNESS_PROCEDURE, BY_COUNTER, code, sizeof code, NULL, 0) : -1;
    CHECK_EQ_INT (rc, 0, "dead letters: with processing hung, intake still gives a receipt");
    dead_want_t want = { "intake", 1 };
    CHECK (harness_wait_until (s_dead_at_least, &want, 10000),
           "dead letters: intake's health soon shows dead_letters >= 1");

    Motcua__V1__DeliveriesRequest ask = MOTCUA__V1__DELIVERIES_REQUEST__INIT;
    ask.state = (char *) "dead";
    ProtobufCMessage *reply = dashboard ? harness_shared (dashboard, "intake", "deliveries", &ask.base) : NULL;
    Motcua__V1__DeliveryList *list = reply ? (Motcua__V1__DeliveryList *) client_reply_body (reply, "deliveries") : NULL;
    Motcua__V1__Delivery *dead = NULL;
    for (size_t i = 0; list && i < list->n_deliveries; i++)
        if (streq (list->deliveries [i]->dossier_code, code) && streq (list->deliveries [i]->subscriber, "processing"))
            dead = list->deliveries [i];
    CHECK (dead && streq (dead->state, "dead") && streq (dead->event_type, "dossier_received")
           && *dead->last_error && dead->attempts >= 3,
           "dead letters: the deliveries operation lists its dossier_received to processing as dead, with its last error");
    if (dead)
        printf ("     (last_error: \"%s\", attempts %d)\n", dead->last_error, dead->attempts);
    if (reply)
        protobuf_c_message_free_unpacked (reply, NULL);
    char out [8192];
    rc = harness_cli (out, sizeof out, "admin deliveries intake --state dead --json");
    CHECK (rc == 0 && strstr (out, code) && strstr (out, "\"state\":\"dead\""),
           "dead letters: `motcua admin deliveries intake --state dead --json` shows it");
    CHECK (harness_log_has ("intake", " E intake: ", "parked as dead", "processing", NULL),
           "dead letters: intake's log has an error-level line saying the delivery was parked as dead");

    //  The hung process dies with what it had buffered; a fresh one starts.
    harness_stop (processing, SIGKILL, 2000);
    CHECK (harness_start (processing, NULL), "dead letters: processing (killed while hung) starts again");
    zclock_sleep (1500);
    Motcua__V1__Health health;
    CHECK (harness_health ("intake", &health) && health.dead_letters >= 1 && s_queue_times (code) == 0,
           "dead letters: parked means parked: 1.5 s later it is still dead and not in processing's queue");

    Motcua__V1__ReplayDeadRequest replay = MOTCUA__V1__REPLAY_DEAD_REQUEST__INIT;
    reply = dashboard ? harness_shared (dashboard, "intake", "replay_dead", &replay.base) : NULL;
    Motcua__V1__Error *error = reply ? ((Motcua__V1__IntakeReply *) reply)->error : NULL;
    CHECK (error && error->code == PERMISSION, "dead letters: the dashboard may not replay (PERMISSION_DENIED)");
    if (reply)
        protobuf_c_message_free_unpacked (reply, NULL);
    reply = admin ? harness_shared (admin, "intake", "replay_dead", &replay.base) : NULL;
    Motcua__V1__ReplayDeadResult *replayed = reply ? (Motcua__V1__ReplayDeadResult *) client_reply_body (reply, "replayed") : NULL;
    CHECK (replayed && replayed->replayed >= 1, "dead letters: the admin's replay_dead puts the dead delivery back");
    if (reply)
        protobuf_c_message_free_unpacked (reply, NULL);
    CHECK (harness_wait_until (s_queued_once, code, 10000), "dead letters: after the replay the dossier reaches processing's queue");
    CHECK (harness_wait_until (s_clean_outbox, "intake", 10000),
           "dead letters: intake's dead_letters and backlog are back to 0");
    zclock_sleep (500);
    CHECK (s_queue_times (code) == 1
           && s_sql_1 ("SELECT count(*) FROM processing.audit WHERE action = 'enqueue' AND dossier_code = $1", code) == 1,
           "dead letters: the replayed dossier was applied exactly once (once in the queue, one enqueue)");

    client_destroy (&counter);
    client_destroy (&dashboard);
    client_destroy (&admin);
    CHECK (harness_restart (intake, NULL), "dead letters: intake restarts with the usual relay settings");
}

// --------------------------------------------------------------------------
//  4. PostgreSQL down

static bool
s_all_db_up (void *arg)
{
    (void) arg;
    for (size_t i = 0; i < HARNESS_SERVICES; i++) {
        bool up = false;
        if (!harness_health_within (harness_proc_at (i)->name, 1000, NULL, &up) || !up)
            return false;
    }
    return true;
}

static bool
s_answers_db_down (void *arg)
{
    harness_proc_t *proc = (harness_proc_t *) arg;
    bool up = true;
    return harness_alive (proc) && harness_health_within (proc->name, 1000, NULL, &up) && !up;
}

static bool
s_traced (void *arg)
{
    reporting_reply_t *trace = harness_trace (s_dashboard ("reporting"), (const char *) arg);
    bool found = trace != NULL;
    reporting_reply_destroy (&trace);
    return found;
}

static void
test_postgres_down (void)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    pid_t pids_before [HARNESS_SERVICES], pids_after [HARNESS_SERVICES];
    s_pids (pids_before);
    CHECK_EQ_INT (harness_sh ("deploy/pg.sh stop"), 0, "postgres down: `deploy/pg.sh stop` stops the test cluster");

    for (size_t i = 0; i < HARNESS_SERVICES; i++) {
        const char *service = harness_proc_at (i)->name;
        bool up = true;
        int64_t start = zclock_mono ();
        bool answered = harness_health_within (service, 1000, NULL, &up);
        int64_t took = zclock_mono () - start;
        char name [160];
        snprintf (name, sizeof name, "postgres down: %s answers health in %lld ms with db_state down",
                  service, (long long) took);
        CHECK (answered && !up && took <= 1000, name);
    }
    client_t *counter = s_client ("intake", "counter");
    if (counter)
        client_set_timeout (counter, 3000, 1);
    int64_t start = zclock_mono ();
    int rc = counter ? s_submit_procedure (counter, HARNESS_PROCEDURE, BY_COUNTER, NULL, 0, NULL, 0) : -1;
    int64_t took = zclock_mono () - start;
    char name [160];
    snprintf (name, sizeof name, "postgres down: a submission gets UNAVAILABLE in %lld ms (no hang)", (long long) took);
    CHECK (rc == UNAVAILABLE && took < 2000, name);

    processing_reply_t *queue = processing_client_queue (s_clients.desk, "");
    reporting_reply_t *trace = reporting_client_trace (s_dashboard ("reporting"), "H27.22-000000-0000");
    postal_reply_t *shipments = postal_client_shipments (s_clients.postal);
    CHECK (queue && queue->error && queue->error->code == UNAVAILABLE
           && trace && trace->error && trace->error->code == UNAVAILABLE
           && shipments && shipments->error && shipments->error->code == UNAVAILABLE,
           "postgres down: processing, postal and reporting answer UNAVAILABLE to work they cannot do");
    processing_reply_destroy (&queue);
    reporting_reply_destroy (&trace);
    postal_reply_destroy (&shipments);

    //  A service (re)started during the outage cannot read the grants.
    harness_proc_t *postal = harness_proc ("postal");
    int stopped = harness_stop (postal, SIGTERM, 5000);
    bool spawned = stopped == 0 && harness_spawn (postal, NULL) == 0;
    CHECK (spawned && harness_wait_until (s_answers_db_down, postal, 5000),
           "postgres down: postal, restarted during the outage, answers health (db_state down)");
    client_t *clerk = s_client ("postal", "postal");
    shipments = clerk ? postal_client_shipments (clerk) : NULL;
    CHECK (shipments && shipments->error && shipments->error->code == UNAVAILABLE,
           "postgres down: and answers its clerk UNAVAILABLE (not PERMISSION_DENIED) while the grants cannot be read");
    postal_reply_destroy (&shipments);
    pids_before [2] = postal->pid;
    zclock_sleep (1500);                //  let the services' reconnect backoff grow

    CHECK_EQ_INT (harness_sh ("deploy/pg.sh start"), 0, "postgres down: `deploy/pg.sh start` brings the cluster back");
    start = zclock_mono ();
    bool recovered = harness_wait_until (s_all_db_up, NULL, 10000);
    snprintf (name, sizeof name, "postgres down: %.1f s after the restart every service reports db_state up (limit 10 s)",
              (zclock_mono () - start) / 1000.0);
    CHECK (recovered, name);

    char key [160], code [64] = "";
    harness_new_key (key, sizeof key, "after-postgres");
    if (counter)
        client_set_timeout (counter, 1500, 1);
    rc = counter ? s_submit_patiently (counter, key, &harness_standard, code, sizeof code, 10000) : -1;
    CHECK_EQ_INT (rc, 0, "postgres down: a submission succeeds again");
    CHECK (rc == 0 && harness_wait_until (s_in_queue, code, 10000) && harness_wait_until (s_traced, code, 10000),
           "postgres down: and reaches processing and reporting");
    shipments = clerk ? postal_client_shipments (clerk) : NULL;
    CHECK (shipments && !shipments->error, "postgres down: postal serves its clerk once the grants can be read");
    postal_reply_destroy (&shipments);
    client_destroy (&clerk);
    client_destroy (&counter);

    s_pids (pids_after);
    CHECK (memcmp (pids_before, pids_after, sizeof pids_before) == 0 && pids_after [0] && pids_after [1]
           && pids_after [2] && pids_after [3],
           "postgres down: no service exited through the outage (same processes)");
}

// --------------------------------------------------------------------------
//  5. Graceful SIGTERM while dossiers stream in

typedef struct {
    char keys [STREAM_TOTAL][160];
    char codes [STREAM_TOTAL][64];
    atomic_int receipts;
    int failures;
} stream_t;

static void *
s_streamer (void *arg)
{
    stream_t *stream = (stream_t *) arg;
    client_t *client = client_new (s_config, "intake", "counter");
    if (client)
        client_set_timeout (client, 1000, 1);
    for (int i = 0; i < STREAM_TOTAL; i++) {
        char prefix [32];
        snprintf (prefix, sizeof prefix, "sigterm-%d", i);
        harness_new_key (stream->keys [i], sizeof stream->keys [i], prefix);
        //  The contract: the same key until there is an answer.
        int rc = client ? s_submit_patiently (client, stream->keys [i], &harness_standard,
                                              stream->codes [i], sizeof stream->codes [i], 20000) : -1;
        if (rc == 0)
            atomic_fetch_add (&stream->receipts, 1);
        else
            stream->failures++;
    }
    client_destroy (&client);
    return NULL;
}

static bool
s_receipts_at_least (stream_t *stream, int count)
{
    int64_t deadline = zclock_mono () + 30000;
    while (atomic_load (&stream->receipts) < count && zclock_mono () < deadline)
        zclock_sleep (2);
    return atomic_load (&stream->receipts) >= count;
}

//  The stream's codes as a PostgreSQL text[] literal (caller frees).
static char *
s_code_array (stream_t *stream)
{
    char *text = (char *) zmalloc (STREAM_TOTAL * 66 + 3);
    strcat (text, "{");
    for (int i = 0; i < STREAM_TOTAL; i++)
        if (*stream->codes [i]) {
            if (text [1])
                strcat (text, ",");
            strcat (text, stream->codes [i]);
        }
    strcat (text, "}");
    return text;
}

static bool
s_all_in_processing (void *arg)
{
    return s_sql_1 ("SELECT count(*) FROM processing.work_item WHERE dossier_code = ANY ($1::text[])",
                    (const char *) arg) == STREAM_TOTAL;
}

static void
test_sigterm (void)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    stream_t *stream = (stream_t *) zmalloc (sizeof (stream_t));
    atomic_init (&stream->receipts, 0);
    pthread_t streamer;
    pthread_create (&streamer, NULL, s_streamer, stream);

    harness_proc_t *processing = harness_proc ("processing");
    harness_proc_t *intake = harness_proc ("intake");
    bool reached = s_receipts_at_least (stream, STREAM_PROCESSING_AT);
    int status = harness_stop (processing, SIGTERM, 10000);
    CHECK (reached && status == 0, "sigterm: processing, sent SIGTERM while dossiers stream in, exits with status 0");
    CHECK (harness_log_has ("processing", " I processing: stopped", NULL),
           "sigterm: processing logs that it stopped");
    CHECK (harness_start (processing, NULL), "sigterm: processing starts again and answers");
    reached = s_receipts_at_least (stream, STREAM_INTAKE_AT);
    status = harness_stop (intake, SIGTERM, 10000);
    CHECK (reached && status == 0, "sigterm: intake, sent SIGTERM mid-stream too, exits with status 0");
    CHECK (harness_start (intake, NULL), "sigterm: intake starts again and answers");
    pthread_join (streamer, NULL);
    char name [128];
    snprintf (name, sizeof name, "sigterm: all %d submissions got receipts (retrying the same key)", STREAM_TOTAL);
    CHECK_EQ_INT (stream->failures, 0, name);

    //  Each receipt is the one row its key made in intake.
    int matched = 0;
    for (int i = 0; i < STREAM_TOTAL; i++)
        if (*stream->codes [i]
        &&  s_sql_2 ("SELECT count(*) FROM intake.dossier WHERE idempotency_key = $1 AND code = $2",
                     stream->keys [i], stream->codes [i]) == 1)
            matched++;
    CHECK_EQ_INT (matched, STREAM_TOTAL, "sigterm: every receipt is intake's one dossier for its key");
    char *codes = s_code_array (stream);
    CHECK (harness_wait_until (s_all_in_processing, codes, 30000), "sigterm: every receipt reaches processing");
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    CHECK_EQ_INT (s_sql_1 ("SELECT count(*) FROM (SELECT dossier_code FROM processing.audit"
                           " WHERE action = 'enqueue' AND dossier_code = ANY ($1::text[])"
                           " GROUP BY dossier_code HAVING count(*) = 1) once", codes), STREAM_TOTAL,
                  "sigterm: processing applied each exactly once (one enqueue in its audit each)");
    CHECK_EQ_INT (s_sql_1 ("SELECT count(*) FROM (SELECT dossier_code FROM reporting.timeline"
                           " WHERE event_type = 'dossier_received' AND dossier_code = ANY ($1::text[])"
                           " GROUP BY dossier_code HAVING count(*) = 1) once", codes), STREAM_TOTAL,
                  "sigterm: reporting recorded each dossier_received exactly once");
    free (codes);
    free (stream);
}

// --------------------------------------------------------------------------

static bool
s_open_clients (void)
{
    s_clients.counter = s_client ("intake", "counter");
    s_clients.desk = s_client ("processing", "desk");
    s_clients.postal = s_client ("postal", "postal");
    s_clients.admin = s_client ("intake", "admin");
    bool all = s_clients.counter && s_clients.desk && s_clients.postal && s_clients.admin;
    for (size_t i = 0; i < HARNESS_SERVICES; i++) {
        s_clients.dashboard [i] = s_client (harness_proc_at (i)->name, "dashboard");
        all = all && s_clients.dashboard [i];
    }
    return all;
}

static void
s_close_clients (void)
{
    client_destroy (&s_clients.counter);
    client_destroy (&s_clients.desk);
    client_destroy (&s_clients.postal);
    client_destroy (&s_clients.admin);
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        client_destroy (&s_clients.dashboard [i]);
}

int
main (void)
{
    if (harness_init ()) {
        CHECK (false, "setup: settings load from the environment");
        return testkit_finish ();
    }
    s_config = harness_config ();
    bool up = harness_start_all ();
    CHECK (up, "setup: the four services start and answer health");
    bool clients = up && s_open_clients ();
    CHECK (clients, "setup: clients for counter, desk, postal, dashboard and admin connect");
    if (clients) {
        test_grants ();
        test_audit_trail ();
        test_dead_letters ();
        test_postgres_down ();
        test_sigterm ();
    }
    s_close_clients ();
    int clean = 0;
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        clean += harness_stop (harness_proc_at (i), SIGTERM, 5000) == 0;
    CHECK_EQ_INT (clean, HARNESS_SERVICES, "teardown: every service stops cleanly on SIGTERM");
    return testkit_finish ();
}
