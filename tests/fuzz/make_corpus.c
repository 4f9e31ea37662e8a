/*  make_corpus — writes the seed inputs of one fuzz target, a few small valid
    messages (or texts, for fuzz_text) that start libFuzzer off inside the
    interesting part of the input space. fuzz.mk runs it when a target's
    folder under tests/fuzz/corpus/ is empty:
        make_corpus fuzz_event tests/fuzz/corpus/fuzz_event                  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "motcua/v1/intake.pb-c.h"
#include "motcua/v1/processing.pb-c.h"
#include "motcua/v1/postal.pb-c.h"
#include "motcua/v1/reporting.pb-c.h"
#include "motcua/v1/events.pb-c.h"

#define REQUEST_ID  "0b5c3f6e-3d2a-4c1e-9f59-2a7d1c0e8b41"
#define KEY         "7f7a1e2c-5b8d-4e0f-a1c3-9d2e6b4f0a17"
#define CODE        "000.00.10.H01-261127-0001"
#define AT          1795741200000LL     //  2026-11-27 08:00 in Hà Nội

static const char *s_dir;
static int s_written;

static void
s_write (const char *name, const void *data, size_t size)
{
    char path [1024];
    snprintf (path, sizeof path, "%s/%s", s_dir, name);
    FILE *file = fopen (path, "wb");
    if (!file || fwrite (data, 1, size, file) != size || fclose (file)) {
        perror (path);
        exit (1);
    }
    s_written++;
}

static void
s_pack (const char *name, const ProtobufCMessage *message)
{
    size_t size = protobuf_c_message_get_packed_size (message);
    uint8_t *buffer = (uint8_t *) malloc (size ? size : 1);
    protobuf_c_message_pack (message, buffer);
    s_write (name, buffer, size);
    free (buffer);
}

//  Set message's oneof to body (case and member) and write it as a seed.
#define SEED(message, case_, member, body, name) do { \
    (message).body_case = (case_); \
    (message).member = (body); \
    s_pack ((name), &(message).base); \
} while (0)

static void
s_text (const char *name, const char *text)
{
    s_write (name, text, strlen (text));
}

static Motcua__V1__Applicant s_applicant = {
    PROTOBUF_C_MESSAGE_INIT (&motcua__v1__applicant__descriptor),
    "Nguyễn Văn An", "001088012345", "0912345678", "12 Hàng Bạc, Hoàn Kiếm, Hà Nội"
};
static char *s_components [] = { "Tờ khai theo mẫu", "Bản sao CCCD" };

static void
s_intake (void)
{
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    Motcua__V1__ListProcedures list = MOTCUA__V1__LIST_PROCEDURES__INIT;
    Motcua__V1__ReplayDeadRequest replay = MOTCUA__V1__REPLAY_DEAD_REQUEST__INIT;
    Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    submit.idempotency_key = KEY;
    submit.procedure_code = "1.001234";
    submit.applicant = &s_applicant;
    submit.channel = MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
    submit.return_method = MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL;
    submit.n_components = 2;
    submit.components = s_components;

    Motcua__V1__IntakeRequest request = MOTCUA__V1__INTAKE_REQUEST__INIT;
    request.request_id = REQUEST_ID;
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_HEALTH, health, &health, "health");
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_LIST_PROCEDURES, list_procedures, &list, "list_procedures");
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_SUBMIT, submit, &submit, "submit");
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_REPLAY_DEAD, replay_dead, &replay, "replay_dead");

    Motcua__V1__HandInSupplement hand_in = MOTCUA__V1__HAND_IN_SUPPLEMENT__INIT;
    hand_in.idempotency_key = KEY;
    hand_in.dossier_code = CODE;
    hand_in.n_components = 1;
    hand_in.components = s_components;
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_HAND_IN_SUPPLEMENT, hand_in_supplement, &hand_in, "hand_in_supplement");
    Motcua__V1__Withdraw withdraw = MOTCUA__V1__WITHDRAW__INIT;
    withdraw.idempotency_key = KEY;
    withdraw.dossier_code = CODE;
    withdraw.reason = "Công dân xin rút hồ sơ";
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_WITHDRAW, withdraw, &withdraw, "withdraw");
    Motcua__V1__AuditRequest audit = MOTCUA__V1__AUDIT_REQUEST__INIT;
    audit.dossier_code = CODE;
    SEED (request, MOTCUA__V1__INTAKE_REQUEST__BODY_AUDIT, audit, &audit, "audit");
}

static void
s_processing (void)
{
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    Motcua__V1__QueueRequest queue = MOTCUA__V1__QUEUE_REQUEST__INIT;
    queue.division = "Phòng Tư pháp";
    Motcua__V1__ResolveDossier resolve = MOTCUA__V1__RESOLVE_DOSSIER__INIT;
    resolve.idempotency_key = KEY;
    resolve.dossier_code = CODE;
    resolve.outcome = MOTCUA__V1__OUTCOME__OUTCOME_APPROVED;
    Motcua__V1__ReturnAtCounter counter = MOTCUA__V1__RETURN_AT_COUNTER__INIT;
    counter.idempotency_key = KEY;
    counter.dossier_code = CODE;

    Motcua__V1__ProcessingRequest request = MOTCUA__V1__PROCESSING_REQUEST__INIT;
    request.request_id = REQUEST_ID;
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_HEALTH, health, &health, "health");
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_QUEUE, queue, &queue, "queue");
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_RESOLVE, resolve, &resolve, "resolve_approved");
    resolve.outcome = MOTCUA__V1__OUTCOME__OUTCOME_REJECTED;
    resolve.reason = "Thiếu bản sao giấy khai sinh";
    s_pack ("resolve_rejected", &request.base);
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_RETURN_AT_COUNTER, return_at_counter, &counter, "return_at_counter");

    Motcua__V1__RequestSupplement supplement = MOTCUA__V1__REQUEST_SUPPLEMENT__INIT;
    supplement.idempotency_key = KEY;
    supplement.dossier_code = CODE;
    supplement.n_missing = 1;
    supplement.missing = s_components + 1;
    supplement.reason = "Bản sao CCCD chưa chứng thực";
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_REQUEST_SUPPLEMENT, request_supplement, &supplement,
          "request_supplement");
    Motcua__V1__IssueDelayLetter letter = MOTCUA__V1__ISSUE_DELAY_LETTER__INIT;
    letter.idempotency_key = KEY;
    letter.dossier_code = CODE;
    letter.new_due_at = AT + 10 * 86400000LL;
    letter.reason = "Cần xác minh thêm";
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_DELAY_LETTER, delay_letter, &letter, "delay_letter");
    letter.new_due_at = INT64_MAX;      //  a time no calendar reaches
    s_pack ("delay_letter_far", &request.base);
    Motcua__V1__DeliveriesRequest deliveries = MOTCUA__V1__DELIVERIES_REQUEST__INIT;
    deliveries.state = "dead";
    SEED (request, MOTCUA__V1__PROCESSING_REQUEST__BODY_DELIVERIES, deliveries, &deliveries, "deliveries");
}

static void
s_postal (void)
{
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    Motcua__V1__ListShipments list = MOTCUA__V1__LIST_SHIPMENTS__INIT;
    Motcua__V1__DeliverShipment deliver = MOTCUA__V1__DELIVER_SHIPMENT__INIT;
    deliver.idempotency_key = KEY;
    deliver.dossier_code = CODE;

    Motcua__V1__PostalRequest request = MOTCUA__V1__POSTAL_REQUEST__INIT;
    request.request_id = REQUEST_ID;
    SEED (request, MOTCUA__V1__POSTAL_REQUEST__BODY_HEALTH, health, &health, "health");
    SEED (request, MOTCUA__V1__POSTAL_REQUEST__BODY_LIST, list, &list, "list");
    SEED (request, MOTCUA__V1__POSTAL_REQUEST__BODY_DELIVER, deliver, &deliver, "deliver");
}

static void
s_reporting (void)
{
    Motcua__V1__HealthRequest health = MOTCUA__V1__HEALTH_REQUEST__INIT;
    Motcua__V1__TraceRequest trace = MOTCUA__V1__TRACE_REQUEST__INIT;
    trace.dossier_code = CODE;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    report.from = AT - 30 * 86400000LL;
    report.to = AT;

    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.request_id = REQUEST_ID;
    SEED (request, MOTCUA__V1__REPORTING_REQUEST__BODY_HEALTH, health, &health, "health");
    SEED (request, MOTCUA__V1__REPORTING_REQUEST__BODY_TRACE, trace, &trace, "trace");
    SEED (request, MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT, report, &report, "report");
    Motcua__V1__AuditRequest audit = MOTCUA__V1__AUDIT_REQUEST__INIT;
    audit.dossier_code = CODE;
    SEED (request, MOTCUA__V1__REPORTING_REQUEST__BODY_AUDIT, audit, &audit, "audit");
}

static void
s_events (void)
{
    Motcua__V1__DossierReceived received = MOTCUA__V1__DOSSIER_RECEIVED__INIT;
    received.dossier_code = CODE;
    received.procedure_code = "1.001234";
    received.procedure_name = "Đăng ký khai sinh";
    received.agency_code = "000.00.10.H01";
    received.field = "Hộ tịch";
    received.division = "Phòng Tư pháp";
    received.channel = MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
    received.return_method = MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL;
    received.applicant = &s_applicant;
    received.n_components = 2;
    received.components = s_components;
    received.received_at = AT;
    received.due_at = AT + 3 * 86400000LL;
    received.rule_set = "2025";
    received.time_limit_value = 3;
    received.time_limit_unit = "working_days";
    received.office_hours = "07:00-11:30,13:30-17:00";
    Motcua__V1__DossierResolved resolved = MOTCUA__V1__DOSSIER_RESOLVED__INIT;
    resolved.dossier_code = CODE;
    resolved.outcome = MOTCUA__V1__OUTCOME__OUTCOME_REJECTED;
    resolved.reason = "Thiếu bản sao giấy khai sinh";
    resolved.resolved_at = AT + 86400000LL;
    resolved.due_at = received.due_at;
    Motcua__V1__ResultReady ready = MOTCUA__V1__RESULT_READY__INIT;
    ready.dossier_code = CODE;
    ready.recipient = &s_applicant;
    ready.ready_at = resolved.resolved_at;
    ready.procedure_name = received.procedure_name;
    Motcua__V1__DossierReturned returned = MOTCUA__V1__DOSSIER_RETURNED__INIT;
    returned.dossier_code = CODE;
    returned.returned_at = AT + 2 * 86400000LL;
    returned.via = MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
    Motcua__V1__ShipmentCreated created = MOTCUA__V1__SHIPMENT_CREATED__INIT;
    created.dossier_code = CODE;
    created.shipment_id = "BC-" CODE;
    created.created_at = resolved.resolved_at;
    Motcua__V1__ShipmentDelivered delivered = MOTCUA__V1__SHIPMENT_DELIVERED__INIT;
    delivered.dossier_code = CODE;
    delivered.shipment_id = created.shipment_id;
    delivered.delivered_at = returned.returned_at;

    Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
    event.event_id = REQUEST_ID;
    event.producer = "intake";
    event.occurred_at = AT;
    event.actor = "counter";
    event.dossier_code = CODE;
    SEED (event, MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED, dossier_received, &received, "dossier_received");
    SEED (event, MOTCUA__V1__EVENT__BODY_DOSSIER_RESOLVED, dossier_resolved, &resolved, "dossier_resolved");
    SEED (event, MOTCUA__V1__EVENT__BODY_RESULT_READY, result_ready, &ready, "result_ready");
    SEED (event, MOTCUA__V1__EVENT__BODY_DOSSIER_RETURNED, dossier_returned, &returned, "dossier_returned");
    SEED (event, MOTCUA__V1__EVENT__BODY_SHIPMENT_CREATED, shipment_created, &created, "shipment_created");
    SEED (event, MOTCUA__V1__EVENT__BODY_SHIPMENT_DELIVERED, shipment_delivered, &delivered, "shipment_delivered");

    Motcua__V1__SupplementRequested requested = MOTCUA__V1__SUPPLEMENT_REQUESTED__INIT;
    requested.dossier_code = CODE;
    requested.n_missing = 1;
    requested.missing = s_components + 1;
    requested.reason = "Bản sao CCCD chưa chứng thực";
    requested.requested_at = AT + 3600000LL;
    requested.close_at = AT + 16 * 86400000LL;
    SEED (event, MOTCUA__V1__EVENT__BODY_SUPPLEMENT_REQUESTED, supplement_requested, &requested, "supplement_requested");
    Motcua__V1__SupplementReceived supplied = MOTCUA__V1__SUPPLEMENT_RECEIVED__INIT;
    supplied.dossier_code = CODE;
    supplied.n_components = 1;
    supplied.components = s_components + 1;
    supplied.received_at = AT + 86400000LL;
    SEED (event, MOTCUA__V1__EVENT__BODY_SUPPLEMENT_RECEIVED, supplement_received, &supplied, "supplement_received");
    Motcua__V1__DossierWithdrawn withdrawn = MOTCUA__V1__DOSSIER_WITHDRAWN__INIT;
    withdrawn.dossier_code = CODE;
    withdrawn.reason = "Công dân xin rút hồ sơ";
    withdrawn.withdrawn_at = AT + 86400000LL;
    SEED (event, MOTCUA__V1__EVENT__BODY_DOSSIER_WITHDRAWN, dossier_withdrawn, &withdrawn, "dossier_withdrawn");
    Motcua__V1__DueTimeChanged changed = MOTCUA__V1__DUE_TIME_CHANGED__INIT;
    changed.dossier_code = CODE;
    changed.due_at = AT + 10 * 86400000LL;
    changed.previous_due_at = received.due_at;
    changed.rule = "TT 01/2018/TT-VPCP Mẫu 04";
    changed.reason = "Cần xác minh thêm";
    changed.appointment_only = 1;
    changed.changed_at = AT + 86400000LL;
    SEED (event, MOTCUA__V1__EVENT__BODY_DUE_TIME_CHANGED, due_time_changed, &changed, "due_time_changed");

    Motcua__V1__Error error = MOTCUA__V1__ERROR__INIT;
    error.code = MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT;
    error.field = "body";
    error.message = "unreadable event";
    Motcua__V1__EventAck ack = MOTCUA__V1__EVENT_ACK__INIT;
    ack.event_id = REQUEST_ID;
    ack.error = &error;
    s_pack ("event_ack", &ack.base);
}

static void
s_texts (void)
{
    s_text ("dossier_code", CODE);
    s_text ("date", "2026-11-27");
    s_text ("date_invalid", "2026-02-30");
    s_text ("hours", "07:00-11:30,13:30-17:00");
    s_text ("hours_four", "06:00-08:00,09:00-11:00,13:00-15:00,16:00-24:00");
    s_text ("utf8", "Nguyễn Văn An 𝄞");
    s_text ("utf8_bad", "\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80");
}

int
main (int argc, char *argv [])
{
    static const struct { const char *target; void (*write) (void); } s_targets [] = {
        { "fuzz_intake_request", s_intake },
        { "fuzz_processing_request", s_processing },
        { "fuzz_postal_request", s_postal },
        { "fuzz_reporting_request", s_reporting },
        { "fuzz_event", s_events },
        { "fuzz_text", s_texts },
    };
    if (argc != 3) {
        fprintf (stderr, "usage: make_corpus TARGET DIR\n");
        return 1;
    }
    s_dir = argv [2];
    for (size_t i = 0; i < sizeof s_targets / sizeof s_targets [0]; i++)
        if (strcmp (argv [1], s_targets [i].target) == 0) {
            s_targets [i].write ();
            printf ("  SEED %s: %d inputs in %s\n", argv [1], s_written, s_dir);
            return 0;
        }
    fprintf (stderr, "make_corpus: no seeds known for %s\n", argv [1]);
    return 1;
}
