/*  test_blackbox — black-box tests of the four real services. The program
    starts motcua-intake, -processing, -postal and -reporting from $MOTCUA_BIN
    (output appended to $MOTCUA_VAR/log/<svc>.log), waits until each answers
    health, and then speaks to them only as their users do: through the client
    libraries, or raw CURVE sockets where a test needs bytes no client sends.
        road_counter    submit → queue → approve → return at the counter → trace
        road_postal     submit → approve → shipment → delivery → trace
        idle            no service spins the CPU when there is nothing to do
        idempotency     one key twice: one dossier; a repeated resolve
        errors          typed errors: procedure, name, UTF-8, transition, role
        garbage         an unreadable frame gets INVALID_ARGUMENT
        envelope        a request for another service, or without a service,
                        and a bad request_id: INVALID_ARGUMENT naming it
        size_limits     200 KiB: RESOURCE_EXHAUSTED; 2 MiB: the peer is cut off
        unadmitted      a key zauth does not know gets no answer at all
        concurrency     100 concurrent submissions, 100 distinct codes
        crash           processing SIGKILLed mid-stream: every dossier once
        group_commit    requests that arrive together share one transaction;
                        a repeated key or a refusal among them loses nothing
    tests/run.sh provides PostgreSQL, the migrations, the certificates and the
    environment (MOTCUA_VAR, MOTCUA_BASE_PORT, MOTCUA_BIN, relay timings);
    tests/harness.c runs the processes and holds the shared helpers.       */
#include <czmq.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include "testkit.h"
#include "api.h"
#include "harness.h"
#include "vntime.h"

#define SETTLE_MS       HARNESS_SETTLE_MS
#define PROCEDURE       HARNESS_PROCEDURE
#define CODE_PATTERN    "^H27\\.22-[0-9]{6}-[0-9]{4}$"
#define CONC_THREADS    10
#define CONC_EACH       10
#define CRASH_TOTAL     200
#define CRASH_KILL_AT   50

#define INVALID         MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define PERMISSION      MOTCUA__V1__ERROR_CODE__ERROR_PERMISSION_DENIED
#define PRECONDITION    MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION
#define EXHAUSTED       MOTCUA__V1__ERROR_CODE__ERROR_RESOURCE_EXHAUSTED
#define BY_COUNTER      MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER
#define BY_POST         MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
#define APPROVED        MOTCUA__V1__OUTCOME__OUTCOME_APPROVED
#define SERVICE_COUNT   HARNESS_SERVICES

static config_t *s_config;          //  the harness's settings (borrowed)

//  Long-lived clients of the main thread, each speaking as one role.
static struct {
    client_t *intake_counter;
    client_t *intake_dashboard;
    client_t *processing_desk;
    client_t *processing_counter;
    client_t *postal_postal;
    client_t *reporting_dashboard;
} s_clients;

// --------------------------------------------------------------------------
//  Queues, traces and reports as the main thread's clients see them

//  Every division's open queue as the desk sees it; NULL if no answer.
static processing_reply_t *
s_queue (void)
{
    return harness_queue (s_clients.processing_desk);
}

static bool
s_in_queue (void *arg)
{
    processing_reply_t *queue = s_queue ();
    bool found = harness_queue_count (queue, (const char *) arg) > 0;
    processing_reply_destroy (&queue);
    return found;
}

//  The number of open items in processing's queue, or -1.
static int
s_queue_size (void)
{
    processing_reply_t *queue = s_queue ();
    int size = queue ? (int) queue->queue->n_items : -1;
    processing_reply_destroy (&queue);
    return size;
}

//  Reporting's trace of code, or NULL (no answer, or not known yet).
static reporting_reply_t *
s_trace (const char *code)
{
    return harness_trace (s_clients.reporting_dashboard, code);
}

//  II.06a received_total over a window that covers today (and its edges),
//  or -1 if reporting did not answer.
static int64_t
s_received_total (void)
{
    return harness_received_total (s_clients.reporting_dashboard);
}

static bool
s_shipment_listed (void *arg)
{
    return harness_shipment_listed (s_clients.postal_postal, (const char *) arg);
}

//  Resolve code as approved under key. The reply's error code (0: resolved).
static int
s_approve (const char *key, const char *code)
{
    return harness_approve (s_clients.processing_desk, key, code);
}

//  After an abuse: intake still answers health and still takes a dossier.
static bool
s_intake_still_serves (void)
{
    char key [160];
    harness_new_key (key, sizeof key, "after-abuse");
    return harness_health ("intake", NULL)
        && harness_submit (s_clients.intake_counter, key, BY_COUNTER, NULL, 0) == 0;
}

// --------------------------------------------------------------------------
//  The tests

typedef struct {
    const char *code;
    const char *status;
    const char *events [4];         //  NULL-terminated; each must be present
} trace_want_t;

static bool
s_trace_shows (void *arg)
{
    trace_want_t *want = (trace_want_t *) arg;
    reporting_reply_t *reply = s_trace (want->code);
    bool match = reply && streq (reply->trace->status, want->status);
    for (int i = 0; match && want->events [i]; i++)
        match = harness_entry (reply->trace, want->events [i]) >= 0;
    reporting_reply_destroy (&reply);
    return match;
}

//  1. Submit at the counter, approve at the desk, hand back at the counter.
static void
test_road_counter (void)
{
    char key [160], code [64] = "";
    harness_new_key (key, sizeof key, "road-counter");
    intake_reply_t *reply = harness_submit_reply (s_clients.intake_counter, key, &harness_standard);
    bool receipt = reply && !reply->error && reply->receipt;
    CHECK (receipt, "counter road: the counter's submission gets a receipt");
    if (!receipt) {
        intake_reply_destroy (&reply);
        return;
    }
    snprintf (code, sizeof code, "%s", reply->receipt->dossier_code);
    CHECK (harness_matches (code, CODE_PATTERN), "counter road: the receipt code matches ^H27\\.22-\\d{6}-\\d{4}$");
    CHECK (reply->receipt->due_at > reply->receipt->received_at,
           "counter road: the receipt's due_at is after its received_at");
    intake_reply_destroy (&reply);

    CHECK (harness_wait_until (s_in_queue, code, 5000),
           "counter road: within seconds the dossier is in the desk's processing queue");
    harness_new_key (key, sizeof key, "road-counter-resolve");
    CHECK_EQ_INT (s_approve (key, code), 0, "counter road: the desk approves it");
    harness_new_key (key, sizeof key, "road-counter-early");
    processing_reply_t *early = processing_client_return (s_clients.processing_counter, key, code);
    CHECK_EQ_INT (harness_error_code (early ? early->error : NULL, early != NULL), PRECONDITION,
                  "counter road: an approved result not yet attached cannot be handed back");
    processing_reply_destroy (&early);
    harness_new_key (key, sizeof key, "road-counter-attach");
    processing_reply_t *attached = processing_client_attach_result (s_clients.processing_desk, key, code,
                                                                     "certificate", "GK-2026-001", "", "");
    CHECK (attached && !attached->error, "counter road: the desk flags the certificate as ready");
    processing_reply_destroy (&attached);
    harness_new_key (key, sizeof key, "road-counter-return");
    processing_reply_t *returned = processing_client_return (s_clients.processing_counter, key, code);
    CHECK (returned && !returned->error && returned->item && streq (returned->item->status, "returned"),
           "counter road: the counter hands the result back (status returned)");
    processing_reply_destroy (&returned);

    trace_want_t want = { code, "returned",
                          { "dossier_received", "dossier_resolved", "dossier_returned", NULL } };
    CHECK (harness_wait_until (s_trace_shows, &want, SETTLE_MS),
           "counter road: reporting's trace reaches status returned");
    reporting_reply_t *trace = s_trace (code);
    int received = trace ? harness_entry (trace->trace, "dossier_received") : -1;
    int resolved = trace ? harness_entry (trace->trace, "dossier_resolved") : -1;
    int back = trace ? harness_entry (trace->trace, "dossier_returned") : -1;
    CHECK (received >= 0 && received < resolved && resolved < back,
           "counter road: the trace lists dossier_received, dossier_resolved, dossier_returned in order");
    reporting_reply_destroy (&trace);
}

//  2. Submit with the result to go by post: shipment, delivery, returned.
static void
test_road_postal (void)
{
    char key [160], code [64] = "";
    harness_new_key (key, sizeof key, "road-postal");
    CHECK_EQ_INT (harness_submit (s_clients.intake_counter, key, BY_POST, code, sizeof code), 0,
                  "postal road: a dossier whose result goes by post gets a receipt");
    if (!*code)
        return;
    bool queued = harness_wait_until (s_in_queue, code, 5000);
    harness_new_key (key, sizeof key, "road-postal-resolve");
    CHECK (queued && s_approve (key, code) == 0, "postal road: it reaches the desk, who approves it");

    harness_new_key (key, sizeof key, "road-postal-counter");
    processing_reply_t *wrong = processing_client_return (s_clients.processing_counter, key, code);
    CHECK_EQ_INT (harness_error_code (wrong ? wrong->error : NULL, wrong != NULL), PRECONDITION,
                  "postal road: handing it back at the counter is FAILED_PRECONDITION");
    processing_reply_destroy (&wrong);

    CHECK (harness_wait_until (s_shipment_listed, code, SETTLE_MS),
           "postal road: a shipment for it appears in postal's list");
    harness_new_key (key, sizeof key, "road-postal-deliver");
    postal_reply_t *delivered = postal_client_deliver (s_clients.postal_postal, key, code, "042090001234");
    CHECK (delivered && !delivered->error && delivered->shipment
           && streq (delivered->shipment->status, "delivered") && delivered->shipment->delivered_at > 0,
           "postal road: postal records the delivery");
    postal_reply_destroy (&delivered);

    trace_want_t want = { code, "returned",
                          { "shipment_created", "shipment_delivered", "dossier_returned", NULL } };
    CHECK (harness_wait_until (s_trace_shows, &want, SETTLE_MS),
           "postal road: the trace reaches status returned with shipment_created, shipment_delivered, dossier_returned");
    reporting_reply_t *trace = s_trace (code);
    int back = trace ? harness_entry (trace->trace, "dossier_returned") : -1;
    CHECK (back >= 0 && streq (trace->trace->entries [back]->producer, "processing")
           && trace->trace->returned_at > 0,
           "postal road: processing learned of the delivery and marked the dossier returned");
    reporting_reply_destroy (&trace);
}

//  No service burns CPU once everything is delivered.
static void
test_idle (void)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    long before [SERVICE_COUNT], busiest = 0;
    const char *culprit = "";
    for (size_t i = 0; i < SERVICE_COUNT; i++)
        before [i] = harness_cpu_ticks (harness_proc_at (i)->pid);
    zclock_sleep (1000);
    for (size_t i = 0; i < SERVICE_COUNT; i++) {
        long used = harness_cpu_ticks (harness_proc_at (i)->pid) - before [i];
        if (before [i] < 0 || used > busiest) {
            busiest = before [i] < 0 ? LONG_MAX : used;
            culprit = harness_proc_at (i)->name;
        }
    }
    long limit = sysconf (_SC_CLK_TCK) / 5;      //  20% of one core
    char detail [96];
    snprintf (detail, sizeof detail, "motcua-%s used %ld ticks in 1 s (limit %ld)", culprit, busiest, limit);
    testkit_check (busiest <= limit, "idle: no service spins the CPU when there is nothing to do",
                   __FILE__, __LINE__, detail);
}

//  3. One key twice: one dossier. A repeated resolve: the stored reply.
//  Leaves the resolved dossier's code in resolved_code.
static void
test_idempotency (char *resolved_code, size_t size)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    int queue_before = s_queue_size ();
    int64_t total_before = s_received_total ();
    char key [160];
    harness_new_key (key, sizeof key, "idempotent");
    intake_reply_t *first = harness_submit_reply (s_clients.intake_counter, key, &harness_standard);
    intake_reply_t *again = harness_submit_reply (s_clients.intake_counter, key, &harness_standard);
    bool both = first && again && !first->error && !again->error && first->receipt && again->receipt;
    CHECK (both && streq (first->receipt->dossier_code, again->receipt->dossier_code)
           && first->receipt->received_at == again->receipt->received_at
           && first->receipt->due_at == again->receipt->due_at,
           "idempotency: the same key twice returns the same dossier_code and received_at");
    char code [64] = "";
    if (both)
        snprintf (code, sizeof code, "%s", first->receipt->dossier_code);
    intake_reply_destroy (&first);
    intake_reply_destroy (&again);

    bool arrived = *code && harness_wait_until (s_in_queue, code, 5000)
                && harness_wait_until (harness_settled, NULL, SETTLE_MS);
    CHECK (arrived && queue_before >= 0 && s_queue_size () == queue_before + 1,
           "idempotency: processing's queue grew by one dossier, not two");
    CHECK (arrived && total_before >= 0 && s_received_total () == total_before + 1,
           "idempotency: reporting's received_total grew by one, not two");

    harness_new_key (key, sizeof key, "idempotent-resolve");
    processing_reply_t *resolved = processing_client_resolve (s_clients.processing_desk, key, code,
                                                              APPROVED, "");
    processing_reply_t *repeat = processing_client_resolve (s_clients.processing_desk, key, code,
                                                            APPROVED, "");
    CHECK (resolved && repeat && !resolved->error && !repeat->error && resolved->item && repeat->item
           && streq (repeat->item->status, "resolved")
           && repeat->item->resolved_at == resolved->item->resolved_at,
           "idempotency: a repeated resolve with the same key returns the stored reply, no error");
    processing_reply_destroy (&resolved);
    processing_reply_destroy (&repeat);
    snprintf (resolved_code, size, "%s", code);
}

//  Submit spec as client; the error code (0 receipt, -1 no answer) and field.
static int
s_submit_error (client_t *client, const harness_dossier_t *spec, char *field, size_t size)
{
    char key [160];
    harness_new_key (key, sizeof key, "refused");
    intake_reply_t *reply = harness_submit_reply (client, key, spec);
    int rc = harness_error_code (reply ? reply->error : NULL, reply != NULL);
    snprintf (field, size, "%s", reply && reply->error ? reply->error->field : "");
    intake_reply_destroy (&reply);
    return rc;
}

//  4. Typed errors: each names what is wrong, and nothing is created.
static void
test_errors (const char *resolved_code)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    int queue_before = s_queue_size ();
    char field [64];
    harness_dossier_t spec = harness_standard;
    spec.procedure = "9.999999";
    int rc = s_submit_error (s_clients.intake_counter, &spec, field, sizeof field);
    CHECK (rc == INVALID && streq (field, "procedure_code"),
           "errors: an unknown procedure is INVALID_ARGUMENT on procedure_code");

    spec = harness_standard;
    spec.name = "";
    rc = s_submit_error (s_clients.intake_counter, &spec, field, sizeof field);
    CHECK (rc == INVALID && streq (field, "applicant.name"),
           "errors: a missing applicant name is INVALID_ARGUMENT on applicant.name");

    spec = harness_standard;
    spec.address = "Số 1 \xC3\x28 Trần Phú";     //  0xC3 not followed by a continuation
    rc = s_submit_error (s_clients.intake_counter, &spec, field, sizeof field);
    CHECK (rc == INVALID && streq (field, "applicant.address"),
           "errors: invalid UTF-8 in the address is INVALID_ARGUMENT on applicant.address");

    rc = s_submit_error (s_clients.intake_dashboard, &harness_standard, field, sizeof field);
    CHECK_EQ_INT (rc, PERMISSION, "errors: the dashboard may not submit (PERMISSION_DENIED)");

    char key [160];
    harness_new_key (key, sizeof key, "resolve-twice");
    CHECK (*resolved_code && s_approve (key, resolved_code) == PRECONDITION,
           "errors: resolving an already resolved dossier under a new key is FAILED_PRECONDITION");

    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    CHECK (queue_before >= 0 && s_queue_size () == queue_before,
           "errors: the refused submissions created no dossier");
}

//  5. A frame that is no IntakeRequest at all.
static void
test_garbage (void)
{
    zsock_t *dealer = harness_raw_dealer ("intake", "counter");
    uint8_t garbage [64];
    memset (garbage, 0xFF, sizeof garbage);
    zframe_t *reply = dealer ? harness_raw_exchange (dealer, garbage, sizeof garbage, 3000) : NULL;
    CHECK_EQ_INT (harness_raw_error (reply, NULL, 0), INVALID,
                  "garbage: a frame of 0xFF bytes gets an IntakeReply with INVALID_ARGUMENT");
    zframe_destroy (&reply);
    zsock_destroy (&dealer);
}

//  Send one packed request to service's api as counter, raw; the reply's
//  error code (0: none, -1: no reply) with its field, message and id.
static int
s_raw_ask (const char *service, const ProtobufCMessage *request, char *field, char *message,
           char *request_id)
{
    field [0] = message [0] = request_id [0] = 0;
    zchunk_t *packed = api_pack (request);
    zsock_t *dealer = harness_raw_dealer (service, "counter");
    zframe_t *frame = dealer ? harness_raw_exchange (dealer, zchunk_data (packed), zchunk_size (packed), 3000) : NULL;
    //  Every reply keeps request_id as field 1 and error as field 2.
    intake_reply_t *reply = frame ? motcua__v1__intake_reply__unpack (NULL, zframe_size (frame), zframe_data (frame)) : NULL;
    int rc = !reply ? -1 : reply->error ? (int) reply->error->code : 0;
    if (reply) {
        snprintf (request_id, 80, "%s", reply->request_id);
        if (reply->error) {
            snprintf (field, 64, "%s", reply->error->field);
            snprintf (message, 320, "%s", reply->error->message);
        }
    }
    intake_reply_destroy (&reply);
    zframe_destroy (&frame);
    zsock_destroy (&dealer);
    zchunk_destroy (&packed);
    return rc;
}

//  5b. The envelope names its service and carries a readable request id.
static void
test_envelope (void)
{
    char field [64], message [320], id [80];
    //  A decision meant for processing, sent to intake (it does not even
    //  decode as an IntakeRequest: intake reads the service first).
    Motcua__V1__ResolveDossier resolve = MOTCUA__V1__RESOLVE_DOSSIER__INIT;
    resolve.idempotency_key = (char *) "envelope-resolve";
    resolve.dossier_code = (char *) "H27.22-260101-0001";
    resolve.outcome = APPROVED;
    resolve.reason = (char *) "Đủ điều kiện";
    Motcua__V1__ProcessingRequest decision = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    decision.request_id = (char *) "envelope-wrong-door";
    decision.service = (char *) "processing";
    decision.body_case = MOTCUA__V1__PROCESSING_REQUEST__BODY_RESOLVE;
    decision.resolve = &resolve;
    int rc = s_raw_ask ("intake", &decision.base, field, message, id);
    CHECK (rc == INVALID && streq (field, "service") && strstr (message, "for processing, not intake")
           && streq (id, "envelope-wrong-door"),
           "envelope: a ProcessingRequest sent to intake is INVALID_ARGUMENT on service "
           "(\"this request is for processing, not intake\", its id echoed)");

    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    request.request_id = (char *) "envelope-for-intake";
    request.service = (char *) "intake";
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_HEALTH;
    request.health = &health;
    rc = s_raw_ask ("processing", &request.base, field, message, id);
    CHECK (rc == INVALID && streq (field, "service") && strstr (message, "for intake, not processing"),
           "envelope: an IntakeRequest (health) sent to processing is INVALID_ARGUMENT on service");
    rc = s_raw_ask ("intake", &request.base, field, message, id);
    CHECK (rc == 0 && streq (id, "envelope-for-intake"),
           "envelope: the same request sent to intake is answered");

    request.service = (char *) "";
    rc = s_raw_ask ("intake", &request.base, field, message, id);
    CHECK (rc == INVALID && streq (field, "service") && strstr (message, "service is required"),
           "envelope: a request naming no service is INVALID_ARGUMENT on service");
    request.service = (char *) "intake";

    char long_id [101];
    memset (long_id, 'x', 100);
    long_id [100] = 0;
    const char *bad_ids [] = { long_id, "bad-\xC3\x28-id", "" };
    const char *what [] = { "100 bytes long", "not UTF-8", "empty" };
    for (int i = 0; i < 3; i++) {
        request.request_id = (char *) bad_ids [i];
        rc = s_raw_ask ("intake", &request.base, field, message, id);
        char name [128];
        snprintf (name, sizeof name, "envelope: a request_id %s is INVALID_ARGUMENT on request_id (reply id \"\")", what [i]);
        CHECK (rc == INVALID && streq (field, "request_id") && streq (id, ""), name);
    }
}

//  6. Over the application limit: a typed refusal. Over the socket limit:
//  the peer is cut off. Either way intake serves everyone else.
static void
test_size_limits (void)
{
    //  A well-formed submission whose address alone is 200 KiB.
    size_t big = 200 * 1024;
    char *address = (char *) malloc (big + 1);
    memset (address, 'a', big);
    address [big] = 0;
    Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
    applicant.name = (char *) "Trần Thị Bình";
    applicant.address = address;
    Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    submit.idempotency_key = (char *) "size-limit-200k";
    submit.procedure_code = (char *) PROCEDURE;
    submit.applicant = &applicant;
    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    request.request_id = (char *) "size-limit-200k";
    request.service = (char *) "intake";
    request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT;
    request.submit = &submit;
    size_t size = motcua__v1__intake_request__get_packed_size (&request);
    uint8_t *data = (uint8_t *) malloc (size);
    motcua__v1__intake_request__pack (&request, data);
    free (address);

    zsock_t *dealer = harness_raw_dealer ("intake", "counter");
    zframe_t *reply = dealer ? harness_raw_exchange (dealer, data, size, 3000) : NULL;
    char request_id [64];
    int rc = harness_raw_error (reply, request_id, sizeof request_id);
    CHECK (size > s_config->request_bytes && size < s_config->socket_bytes
           && rc == EXHAUSTED && streq (request_id, "size-limit-200k"),
           "size limits: a 200 KiB request gets RESOURCE_EXHAUSTED (its request id echoed)");
    zframe_destroy (&reply);
    zsock_destroy (&dealer);
    free (data);
    CHECK (s_intake_still_serves (), "size limits: after the 200 KiB request intake answers health and takes a dossier");

    //  2 MiB: over ZMQ_MAXMSGSIZE, so the connection is dropped unread.
    size = 2 * 1024 * 1024;
    data = (uint8_t *) malloc (size);
    memset (data, 0xFF, size);
    dealer = harness_raw_dealer ("intake", "counter");
    reply = dealer ? harness_raw_exchange (dealer, data, size, 1500) : NULL;
    CHECK (dealer && !reply && size > s_config->socket_bytes,
           "size limits: a 2 MiB frame gets no reply within 1.5 s (the peer is cut off)");
    zframe_destroy (&reply);
    zsock_destroy (&dealer);
    free (data);
    CHECK (s_intake_still_serves (), "size limits: after the 2 MiB frame intake answers health and takes a dossier");
}

//  7. A key zauth never admitted: the handshake fails, nothing comes back.
static void
test_unadmitted (void)
{
    zcert_t *stranger = zcert_new ();
    client_t *client = client_new_with_cert (s_config, "intake", stranger);
    if (client)
        client_set_timeout (client, 800, 1);
    intake_reply_t *reply = client ? intake_client_health (client) : NULL;
    CHECK (client && !reply, "unadmitted: a client whose key is not admitted gets no answer to health");
    intake_reply_destroy (&reply);

    //  Admitted afterwards, the same client is answered: its refused
    //  connection is one libzmq never dials again, so each try of the
    //  client dials anew (Lazy Pirate).
    char command [200];
    snprintf (command, sizeof command, "admin grant latecomer --role dashboard --public-key '%s'",  /* no quote in Z85 */
              zcert_public_txt (stranger));
    int rc = harness_cli (NULL, 0, "%s", command);
    if (client)
        client_set_timeout (client, 800, 8);
    reply = client && rc == 0 ? intake_client_health (client) : NULL;
    CHECK (reply && !reply->error, "unadmitted: once its key is granted, the same client is answered");
    intake_reply_destroy (&reply);
    client_destroy (&client);
    zcert_destroy (&stranger);
}

//  8. Many counters at once.
typedef struct {
    int index;
    char codes [CONC_EACH][64];
    int failures;
} conc_worker_t;

static void *
s_conc_worker (void *arg)
{
    conc_worker_t *self = (conc_worker_t *) arg;
    client_t *client = client_new (s_config, "intake", "counter");     //  a socket per thread
    for (int i = 0; i < CONC_EACH; i++) {
        char key [160], prefix [32];
        snprintf (prefix, sizeof prefix, "conc-%d-%d", self->index, i);
        harness_new_key (key, sizeof key, prefix);
        if (!client || harness_submit (client, key, BY_COUNTER, self->codes [i], sizeof self->codes [i]))
            self->failures++;
    }
    client_destroy (&client);
    return NULL;
}

typedef struct {
    const char **codes;
    int count;
} code_set_t;

//  Does processing's queue hold every code of the set exactly once?
static bool
s_all_queued_once (void *arg)
{
    code_set_t *set = (code_set_t *) arg;
    processing_reply_t *queue = s_queue ();
    bool all = queue != NULL;
    for (int i = 0; all && i < set->count; i++)
        all = harness_queue_count (queue, set->codes [i]) == 1;
    processing_reply_destroy (&queue);
    return all;
}

static int
s_compare_strings (const void *a, const void *b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
test_concurrency (void)
{
    conc_worker_t workers [CONC_THREADS];
    pthread_t threads [CONC_THREADS];
    memset (workers, 0, sizeof workers);
    for (int t = 0; t < CONC_THREADS; t++) {
        workers [t].index = t;
        pthread_create (&threads [t], NULL, s_conc_worker, &workers [t]);
    }
    int failures = 0;
    for (int t = 0; t < CONC_THREADS; t++) {
        pthread_join (threads [t], NULL);
        failures += workers [t].failures;
    }
    CHECK_EQ_INT (failures, 0, "concurrency: 100 submissions from 10 threads all get receipts");

    const char *codes [CONC_THREADS * CONC_EACH];
    int count = 0, well_formed = 0;
    for (int t = 0; t < CONC_THREADS; t++)
        for (int i = 0; i < CONC_EACH; i++)
            if (*workers [t].codes [i]) {
                codes [count++] = workers [t].codes [i];
                well_formed += harness_matches (workers [t].codes [i], CODE_PATTERN);
            }
    qsort (codes, (size_t) count, sizeof codes [0], s_compare_strings);
    int distinct = count ? 1 : 0;
    for (int i = 1; i < count; i++)
        distinct += strcmp (codes [i - 1], codes [i]) != 0;
    CHECK_EQ_INT (distinct, CONC_THREADS * CONC_EACH, "concurrency: the 100 receipts carry 100 distinct codes");
    CHECK_EQ_INT (well_formed, CONC_THREADS * CONC_EACH, "concurrency: every code is well formed");
    code_set_t set = { codes, count };
    CHECK (count == CONC_THREADS * CONC_EACH && harness_wait_until (s_all_queued_once, &set, 15000),
           "concurrency: all 100 concurrent dossiers reach processing, each exactly once");
}

//  10. Group commit: intake is paused (SIGSTOP) while a burst of requests
//  queues up, so that on SIGCONT it reads them together.
#define BURST 8

static void
s_burst_send (zsock_t *dealer, const char *tag, const char *const *keys,
              const char *const *procedures, int count)
{
    harness_proc_t *intake = harness_proc ("intake");
    kill (intake->pid, SIGSTOP);
    for (int i = 0; i < count; i++) {
        Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
        applicant.name = (char *) "Lê Thị Cúc";
        applicant.address = (char *) "Phường Bắc Hà, tỉnh Hà Tĩnh";
        applicant.id_number = (char *) "042090005678";
        applicant.phone = (char *) "0912000111";
        char *components [] = { (char *) "Tờ trình đề nghị khen thưởng" };
        Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
        submit.channel = MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
        submit.return_method = MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
        submit.n_components = 1;
        submit.components = components;
        submit.idempotency_key = (char *) keys [i];
        submit.procedure_code = (char *) procedures [i];
        submit.applicant = &applicant;
        Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
        char request_id [64];
        snprintf (request_id, sizeof request_id, "%s-%d", tag, i);
        request.request_id = request_id;
        request.service = (char *) "intake";
        request.body_case = MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT;
        request.submit = &submit;
        size_t size = motcua__v1__intake_request__get_packed_size (&request);
        uint8_t *bytes = (uint8_t *) malloc (size);
        motcua__v1__intake_request__pack (&request, bytes);
        zmq_send (zsock_resolve (dealer), bytes, size, 0);
        free (bytes);
    }
    zclock_sleep (300);             //  everything is in intake's socket buffer
    kill (intake->pid, SIGCONT);
}

//  Collect count replies into codes (by request index); errors as "!CODE".
static int
s_burst_collect (zsock_t *dealer, const char *tag, char codes [][64], int count)
{
    int got = 0;
    zpoller_t *poller = zpoller_new (dealer, NULL);
    while (got < count && zpoller_wait (poller, 5000)) {
        zframe_t *frame = zframe_recv (dealer);
        intake_reply_t *reply = frame ? motcua__v1__intake_reply__unpack (NULL, zframe_size (frame),
                                                                           zframe_data (frame)) : NULL;
        int index = -1;
        if (reply && strncmp (reply->request_id, tag, strlen (tag)) == 0)
            index = atoi (reply->request_id + strlen (tag) + 1);
        if (index >= 0 && index < count) {
            if (reply->error)
                snprintf (codes [index], 64, "!%d", (int) reply->error->code);
            else
                snprintf (codes [index], 64, "%s", reply->receipt ? reply->receipt->dossier_code : "?");
            got++;
        }
        intake_reply_destroy (&reply);
        zframe_destroy (&frame);
    }
    zpoller_destroy (&poller);
    return got;
}

//  How many transactions wrote these dossiers (their rows' xmin).
static int64_t
s_transactions_of (char codes [][64], int count)
{
    char list [BURST * 70] = "{";
    for (int i = 0; i < count; i++)
        if (codes [i][0] != '!')
            snprintf (list + strlen (list), sizeof list - strlen (list), "%s%s", i ? "," : "", codes [i]);
    strcat (list, "}");
    const char *params [1] = { list };
    return harness_sql_int ("SELECT count (DISTINCT xmin::text) FROM intake.dossier WHERE code = ANY ($1::text[])",
                            1, params);
}

static bool
s_counter_without_gaps (void)
{
    return harness_sql_int ("SELECT count (*) FROM intake.code_counter c WHERE c.last <> (SELECT"
                            " max (split_part (d.code, '-', 3)::int) FROM intake.dossier d WHERE"
                            " split_part (d.code, '-', 2)::int = c.day AND d.agency_code = c.agency_code)",
                            0, NULL) == 0;
}

static void
test_group_commit (void)
{
    zsock_t *dealer = harness_raw_dealer ("intake", "counter");
    char keys [BURST][80], codes [BURST][64];
    const char *key_of [BURST], *procedure_of [BURST];
    for (int i = 0; i < BURST; i++) {
        char prefix [32];
        snprintf (prefix, sizeof prefix, "group-a-%d", i);
        harness_new_key (keys [i], sizeof keys [i], prefix);
        key_of [i] = keys [i];
        procedure_of [i] = PROCEDURE;
    }
    memset (codes, 0, sizeof codes);
    s_burst_send (dealer, "ga", key_of, procedure_of, BURST);
    int got = s_burst_collect (dealer, "ga", codes, BURST);
    int receipts = 0;
    for (int i = 0; i < BURST; i++)
        receipts += harness_matches (codes [i], CODE_PATTERN);
    CHECK_EQ_INT (got == BURST ? receipts : -1, BURST, "group commit: 8 requests sent together get 8 receipts");
    CHECK_EQ_INT (s_transactions_of (codes, BURST), 1,
                  "group commit: the burst's dossiers were written by one transaction (one commit)");
    CHECK (s_counter_without_gaps (), "group commit: the day's code counter equals the last code issued (no gaps)");

    //  A spoiled group: one key twice and an unknown procedure among them.
    for (int i = 0; i < BURST; i++) {
        char prefix [32];
        snprintf (prefix, sizeof prefix, "group-b-%d", i);
        harness_new_key (keys [i], sizeof keys [i], prefix);
    }
    snprintf (keys [3], sizeof keys [3], "%s", keys [2]);
    procedure_of [5] = "9.999999";
    memset (codes, 0, sizeof codes);
    s_burst_send (dealer, "gb", key_of, procedure_of, BURST);
    got = s_burst_collect (dealer, "gb", codes, BURST);
    receipts = 0;
    for (int i = 0; i < BURST; i++)
        receipts += harness_matches (codes [i], CODE_PATTERN);
    CHECK_EQ_INT (got == BURST ? receipts : -1, BURST - 1,
                  "group commit: in a spoiled group every request but the refused one gets a receipt");
    CHECK_EQ_STR (codes [3], codes [2], "group commit: a repeated key in the group gets the same receipt twice");
    char expected [8];
    snprintf (expected, sizeof expected, "!%d", INVALID);
    CHECK_EQ_STR (codes [5], expected, "group commit: the unknown procedure among them gets INVALID_ARGUMENT");
    const char *params [1] = { "group-b-%" };
    CHECK_EQ_INT (harness_sql_int ("SELECT count (*) FROM intake.dossier WHERE idempotency_key LIKE $1", 1, params),
                  BURST - 2, "group commit: the spoiled group kept one dossier per key, none for the refusal");
    CHECK (harness_log_has ("intake", "not committed", "answering each alone", NULL),
           "group commit: intake says the group was answered request by request");
    CHECK (s_counter_without_gaps (), "group commit: still no gap in the day's codes");
    zsock_destroy (&dealer);
}

//  9. Processing dies mid-stream; every dossier still arrives, once.
typedef struct {
    char codes [CRASH_TOTAL][64];
    atomic_int receipts;
    int failures;
} crash_feed_t;

static void *
s_crash_feeder (void *arg)
{
    crash_feed_t *feed = (crash_feed_t *) arg;
    client_t *client = client_new (s_config, "intake", "counter");
    for (int i = 0; i < CRASH_TOTAL; i++) {
        char key [160], prefix [32];
        snprintf (prefix, sizeof prefix, "crash-%d", i);
        harness_new_key (key, sizeof key, prefix);
        int rc = -1;
        for (int attempt = 0; client && rc == -1 && attempt < 3; attempt++)
            rc = harness_submit (client, key, BY_COUNTER, feed->codes [i], sizeof feed->codes [i]);
        if (rc == 0)
            atomic_fetch_add (&feed->receipts, 1);
        else
            feed->failures++;
    }
    client_destroy (&client);
    return NULL;
}

//  How many of the feed's codes the queue holds once, not at all, more.
typedef struct {
    int once, missing, repeated;
} queue_tally_t;

static bool
s_tally_queue (crash_feed_t *feed, queue_tally_t *tally)
{
    memset (tally, 0, sizeof *tally);
    processing_reply_t *queue = s_queue ();
    if (!queue)
        return false;
    for (int i = 0; i < CRASH_TOTAL; i++) {
        int count = *feed->codes [i] ? harness_queue_count (queue, feed->codes [i]) : 0;
        if (count == 1)
            tally->once++;
        else
        if (count == 0)
            tally->missing++;
        else
            tally->repeated++;
    }
    processing_reply_destroy (&queue);
    return true;
}

static bool
s_queue_holds_all (void *arg)
{
    queue_tally_t tally;
    return s_tally_queue ((crash_feed_t *) arg, &tally) && tally.missing == 0;
}

static bool
s_intake_drained (void *arg)
{
    (void) arg;
    Motcua__V1__Health health;
    return harness_health ("intake", &health) && health.outbox_backlog == 0;
}

static void
test_crash (void)
{
    harness_wait_until (harness_settled, NULL, SETTLE_MS);
    int64_t baseline = s_received_total ();
    crash_feed_t *feed = (crash_feed_t *) zmalloc (sizeof (crash_feed_t));
    atomic_init (&feed->receipts, 0);
    pthread_t feeder;
    pthread_create (&feeder, NULL, s_crash_feeder, feed);

    int64_t deadline = zclock_mono () + 20000;
    while (atomic_load (&feed->receipts) < CRASH_KILL_AT && zclock_mono () < deadline)
        zclock_sleep (2);
    int at_kill = atomic_load (&feed->receipts);
    harness_proc_t *processing = harness_proc ("processing");
    int killed = harness_stop (processing, SIGKILL, 2000);
    zclock_sleep (1000);
    bool restarted = harness_start (processing, NULL);
    char name [160];
    snprintf (name, sizeof name, "crash: processing is SIGKILLed part-way (after %d of %d receipts) and restarted",
              at_kill, CRASH_TOTAL);
    CHECK (at_kill >= CRASH_KILL_AT && at_kill < CRASH_TOTAL && killed == 128 + SIGKILL && restarted, name);

    pthread_join (feeder, NULL);
    CHECK_EQ_INT (feed->failures, 0, "crash: all 200 submissions get receipts meanwhile");

    harness_wait_until (s_queue_holds_all, feed, 30000);
    queue_tally_t tally;
    bool answered = s_tally_queue (feed, &tally);
    char detail [128];
    snprintf (detail, sizeof detail, "%d once, %d missing, %d repeated", tally.once, tally.missing, tally.repeated);
    testkit_check (answered && tally.once == CRASH_TOTAL,
                   "crash: processing's queue holds each of the 200 codes exactly once",
                   __FILE__, __LINE__, detail);

    CHECK (harness_wait_until (s_intake_drained, NULL, 30000), "crash: intake's outbox backlog returns to 0");
    Motcua__V1__Health health;
    CHECK (harness_health ("intake", &health) && health.dead_letters == 0,
           "crash: no delivery of intake was parked as dead");
    int64_t total = s_received_total ();
    CHECK_EQ_INT (baseline >= 0 && total >= 0 ? total - baseline : -1, CRASH_TOTAL,
                  "crash: reporting's received_total grew by exactly 200");

    int sampled = 0, once = 0;
    for (int i = 0; i < CRASH_TOTAL; i += 20, sampled++) {
        reporting_reply_t *trace = s_trace (feed->codes [i]);
        if (trace && harness_entry_count (trace->trace, "dossier_received") == 1
        &&  streq (trace->trace->status, "in_process"))
            once++;
        reporting_reply_destroy (&trace);
    }
    CHECK_EQ_INT (once, sampled, "crash: sampled traces each show exactly one dossier_received");
    free (feed);
}

// --------------------------------------------------------------------------

static bool
s_open_clients (void)
{
    s_clients.intake_counter = client_new (s_config, "intake", "counter");
    s_clients.intake_dashboard = client_new (s_config, "intake", "dashboard");
    s_clients.processing_desk = client_new (s_config, "processing", "desk");
    s_clients.processing_counter = client_new (s_config, "processing", "counter");
    s_clients.postal_postal = client_new (s_config, "postal", "postal");
    s_clients.reporting_dashboard = client_new (s_config, "reporting", "dashboard");
    return s_clients.intake_counter && s_clients.intake_dashboard && s_clients.processing_desk
        && s_clients.processing_counter && s_clients.postal_postal && s_clients.reporting_dashboard;
}

static void
s_close_clients (void)
{
    client_destroy (&s_clients.intake_counter);
    client_destroy (&s_clients.intake_dashboard);
    client_destroy (&s_clients.processing_desk);
    client_destroy (&s_clients.processing_counter);
    client_destroy (&s_clients.postal_postal);
    client_destroy (&s_clients.reporting_dashboard);
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
    CHECK (clients, "setup: clients for counter, desk, postal and dashboard connect");
    if (clients) {
        char resolved_code [64] = "";
        test_road_counter ();
        test_road_postal ();
        test_idle ();
        test_idempotency (resolved_code, sizeof resolved_code);
        test_errors (resolved_code);
        test_garbage ();
        test_envelope ();
        test_size_limits ();
        test_unadmitted ();
        test_concurrency ();
        test_group_commit ();
        test_crash ();
    }
    s_close_clients ();

    int clean = 0;
    for (size_t i = 0; i < SERVICE_COUNT; i++)
        clean += harness_stop (harness_proc_at (i), SIGTERM, 5000) == 0;
    CHECK_EQ_INT (clean, (int) SERVICE_COUNT, "teardown: every service stops cleanly on SIGTERM");
    return testkit_finish ();
}
