/*  fuzz_reporting_request — libFuzzer target: any bytes as a
    ReportingRequest, as reporting's api socket receives them. The request is
    walked as reporting_server walks it: a trace's dossier code (64 bytes,
    required, quoted whole in the not-found answer); a report's window, which
    must end after it starts, counted by report06a with one open dossier at
    each edge, whose identities must hold; the operations every service
    shares (audit, deliveries: service.c); a reply echoing the request id
    must match.                                                             */
#include "fuzz.h"
#include "report06a.h"
#include "motcua/v1/reporting.pb-c.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    Motcua__V1__ReportingRequest *request = motcua__v1__reporting_request__unpack (NULL, size, data);
    fuzz_check_envelope (data, size, request ? &request->base : NULL);
    if (!request)
        return 0;
    api_error_t error = { 0 };
    fuzz_walk (&request->base);
    switch (request->body_case) {
        case MOTCUA__V1__REPORTING_REQUEST__BODY_TRACE:
            if (api_check_text (&error, "dossier_code", request->trace->dossier_code, 64, true))
                break;
            api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND, "dossier_code",
                      "no dossier %s is known to reporting", request->trace->dossier_code);
            break;
        case MOTCUA__V1__REPORTING_REQUEST__BODY_REPORT: {
            int64_t from = request->report->from, to = request->report->to;
            if (to <= from) {
                api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "to",
                          "the period must end after it starts");
                break;
            }
            report06a_t report;
            report06a_init (&report, from, to);
            //  Open dossiers (no resolution, so no clock arithmetic) received
            //  at the window's first and last instants, due at either edge.
            report_fact_t facts [] = {
                { .received_at = from, .due_at = from, .channel = 1 },
                { .received_at = from, .due_at = to, .channel = 2 },
                { .received_at = to - 1, .due_at = to, .channel = 3 },
                { .received_at = to - 1, .due_at = from },
            };
            for (size_t i = 0; i < sizeof facts / sizeof facts [0]; i++)
                report06a_add (&report, &facts [i]);
            FUZZ_ASSERT (report06a_consistent (&report));
            FUZZ_ASSERT (report.received_total <= 4 && report.resolved_total == 0);
            break;
        }
            break;
        default:            //  health, audit, deliveries, replay_dead, or nothing
            if (!fuzz_shared (&request->base, &error))
                api_fail (&error, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "body",
                          "the request names no operation");
    }
    fuzz_check_error (&error);
    fuzz_check_echo (&motcua__v1__reporting_reply__descriptor, request->request_id, &error);
    motcua__v1__reporting_request__free_unpacked (request, NULL);
    return 0;
}
