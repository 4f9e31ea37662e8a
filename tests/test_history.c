/*  test_history — the pure parts of history import and look-up:
      lookup_key      identity numbers (CCCD, CMND, tax codes), phone numbers
                      as people write them, where a result is
      dossier_history local times, the checks of an imported row (each bad
                      field named), the path through the transition table
                      under each rule set, the status it reaches          */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testkit.h"
#include "dossier_history.h"
#include "lookup_key.h"
#include "vntime.h"

static void
test_identity_numbers (void)
{
    CHECK (lookup_id_check ("042090001234") == 0, "a CCCD has 12 digits");
    CHECK (lookup_id_check ("186543210") == 0, "an old CMND has 9 digits");
    CHECK (lookup_id_check ("3000123456") == 0, "a tax code has 10 digits");
    CHECK (lookup_id_check ("3000123456-001") == 0, "a branch's tax code is 10-3");
    CHECK (lookup_id_check ("04209000123") != 0, "11 digits is no identity number");
    CHECK (lookup_id_check ("0420900012345") != 0, "13 digits is no identity number");
    CHECK (lookup_id_check ("04209000123a") != 0, "a letter is refused");
    CHECK (lookup_id_check ("") != 0, "empty is refused");
    CHECK (lookup_id_check ("3000123456-01") != 0, "a branch suffix has 3 digits");
}

static void
test_phone_numbers (void)
{
    char key [32];
    static const char *same [] = { "0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678",
                                   "84912345678", "+84 (0) 912-345-678", "(091) 234-5678" };
    for (size_t i = 0; i < sizeof same / sizeof same [0]; i++) {
        char name [96];
        snprintf (name, sizeof name, "phone '%s' reads as 0912345678", same [i]);
        CHECK (lookup_phone_key (same [i], key, sizeof key) == 0 && streq (key, "0912345678"), name);
    }
    CHECK (lookup_phone_key ("02393855555", key, sizeof key) == 0 && streq (key, "02393855555"),
           "a landline has 11 digits from 02");
    CHECK (lookup_phone_key ("091234567", key, sizeof key) != 0, "9 digits is too short");
    CHECK (lookup_phone_key ("09123456789", key, sizeof key) != 0, "11 digits is only a landline");
    CHECK (lookup_phone_key ("912345678", key, sizeof key) != 0, "a national number starts with 0");
    CHECK (lookup_phone_key ("0012345678", key, sizeof key) != 0, "00 is no Vietnamese number");
    CHECK (lookup_phone_key ("+1 202 555 0100", key, sizeof key) != 0, "a foreign number is refused");
    CHECK (lookup_phone_key ("0912-ABC-678", key, sizeof key) != 0, "letters are refused");
    CHECK (lookup_phone_key ("09123+45678", key, sizeof key) != 0, "a + inside is refused");
    CHECK (lookup_phone_key ("", key, sizeof key) != 0, "empty is refused");
    CHECK (lookup_phone_key ("0912345678", key, 5) != 0, "a short buffer is refused, not overrun");
}

static void
test_result_place (void)
{
    CHECK_EQ_STR (lookup_result_place ("resolved", false), "counter", "resolved, counter return: at the counter");
    CHECK_EQ_STR (lookup_result_place ("resolved", true), "postal", "resolved, postal return: by post");
    CHECK_EQ_STR (lookup_result_place ("in_process", true), "processing", "in process: no result yet");
    CHECK_EQ_STR (lookup_result_place ("returned", true), "returned", "returned");
    CHECK_EQ_STR (lookup_result_place ("nonsense", false), "unknown", "an unknown status");
    CHECK_EQ_STR (lookup_result_place_text ("resolved", false), "Kết quả đã có, chờ trả tại Bộ phận Một cửa",
                  "the counter says it in Vietnamese");
    CHECK_EQ_STR (lookup_result_place_text ("returned", true), "Đã trả kết quả qua dịch vụ bưu chính công ích",
                  "returned by post, in Vietnamese");
}

static void
test_times (void)
{
    int64_t at;
    CHECK (history_parse_time ("2024-01-08 08:15", -1, &at) == 0 && at == vn_instant (2024, 1, 8, HM (8, 15)),
           "YYYY-MM-DD HH:MM is a local time");
    CHECK (history_parse_time ("2024-01-08T08:15:30", -1, &at) == 0
           && at == vn_instant (2024, 1, 8, HM (8, 15)) + 30000, "with T and seconds");
    CHECK (history_parse_time ("2024-01-08", -1, &at) != 0, "a bare date is refused where a time is needed");
    CHECK (history_parse_time ("2024-01-08", HM (17, 0), &at) == 0 && at == vn_instant (2024, 1, 8, HM (17, 0)),
           "a bare due date is taken at office close");
    CHECK (history_parse_time ("2024-02-30 08:00", -1, &at) != 0, "an impossible date is refused");
    CHECK (history_parse_time ("2024-01-08 24:00", -1, &at) != 0, "hour 24 is refused");
    CHECK (history_parse_time ("2024-01-08 8:15", -1, &at) != 0, "a one-digit hour is refused");
    CHECK (history_parse_time ("2024-01-08 08:15:", -1, &at) != 0, "a dangling colon is refused");
    CHECK (history_parse_time ("2024-01-08 08:15 ", -1, &at) != 0, "trailing text is refused");
    CHECK (history_parse_time ("08/01/2024 08:15", -1, &at) != 0, "DD/MM/YYYY is refused (ambiguous)");
}

//  A well-formed row received on 8/1/2024, approved and returned.
static Motcua__V1__Applicant s_applicant = MOTCUA__V1__APPLICANT__INIT;
static void
s_row (Motcua__V1__ImportedDossier *row)
{
    motcua__v1__imported_dossier__init (row);
    s_applicant.name = (char *) "Nguyễn Văn An";
    s_applicant.id_number = (char *) "042090001234";
    s_applicant.phone = (char *) "0912345678";
    s_applicant.address = (char *) "Hà Tĩnh";
    row->dossier_code = (char *) "H27.22-240108-0001";
    row->procedure_code = (char *) "1.000843";
    row->applicant = &s_applicant;
    row->channel = MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
    row->return_method = MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
    row->received_at = vn_instant (2024, 1, 8, HM (8, 15));
    row->due_at = vn_instant (2024, 2, 5, HM (17, 0));
    row->resolved_at = vn_instant (2024, 1, 30, HM (10, 0));
    row->outcome = MOTCUA__V1__OUTCOME__OUTCOME_APPROVED;
    row->returned_at = vn_instant (2024, 2, 1, HM (9, 30));
}

//  Check a row; expect a failure on field (NULL: success) with code.
static void
s_expect (const Motcua__V1__ImportedDossier *row, const char *field, Motcua__V1__ErrorCode code, const char *name)
{
    api_error_t error = { 0 };
    int rc = history_check (row, vn_instant (2026, 11, 29, 0), &error);
    if (!field) {
        char detail [512];
        snprintf (detail, sizeof detail, "refused: %s: %s", error.field, error.message);
        testkit_check (rc == 0, name, __FILE__, __LINE__, detail);
        return;
    }
    char detail [512];
    snprintf (detail, sizeof detail, "rc %d, code %d, field '%s': %s", rc, error.code, error.field, error.message);
    testkit_check (rc == -1 && error.code == code && streq (error.field, field), name, __FILE__, __LINE__, detail);
}

static void
test_row_checks (void)
{
    const Motcua__V1__ErrorCode invalid = MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT;
    const Motcua__V1__ErrorCode precondition = MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION;
    Motcua__V1__ImportedDossier row;
    s_row (&row);
    s_expect (&row, NULL, 0, "a returned dossier of 2024 is accepted");
    row.returned_at = 0;
    s_expect (&row, NULL, 0, "resolved, not yet returned, is accepted");
    row.resolved_at = 0, row.outcome = 0;
    s_expect (&row, NULL, 0, "an open dossier is accepted");

    s_row (&row); row.dossier_code = (char *) "H27.22-2401080001";
    s_expect (&row, "dossier_code", invalid, "a code without its parts is refused");
    s_row (&row); row.dossier_code = (char *) "H27.22-240109-0001";
    s_expect (&row, "dossier_code", invalid, "a code whose day is not the receipt day is refused");
    s_row (&row); row.procedure_code = (char *) "";
    s_expect (&row, "procedure", invalid, "the procedure is required");
    s_row (&row); s_applicant.name = (char *) "  ";
    s_expect (&row, "applicant_name", invalid, "the applicant's name is required");
    s_row (&row); s_applicant.id_number = (char *) "12345";
    s_expect (&row, "applicant_id", invalid, "a malformed identity number is refused");
    s_row (&row); s_applicant.id_number = (char *) "";
    s_expect (&row, NULL, 0, "an identity number may be missing from old records");
    s_row (&row); s_applicant.phone = (char *) "12";
    s_expect (&row, "phone", invalid, "a malformed phone number is refused");
    s_row (&row); s_applicant.name = (char *) "\xC3\x28";
    s_expect (&row, "applicant_name", invalid, "bad UTF-8 is refused");
    s_row (&row); row.channel = 0;
    s_expect (&row, "channel", invalid, "the channel is required");
    s_row (&row); row.return_method = 7;
    s_expect (&row, "return", invalid, "an unknown return method is refused");
    s_row (&row); row.due_at = row.received_at;
    s_expect (&row, "due_at", invalid, "the due time must follow the receipt");
    s_row (&row); row.received_at = vn_instant (2027, 1, 4, 0); row.dossier_code = (char *) "H27.22-270104-0001";
    row.due_at = row.received_at + MS_PER_DAY; row.resolved_at = row.returned_at = 0; row.outcome = 0;
    s_expect (&row, "received_at", invalid, "a receipt in the future is refused");
    s_row (&row); row.resolved_at = row.received_at - 1;
    s_expect (&row, "resolved_at", invalid, "a resolution before the receipt is refused");
    s_row (&row); row.outcome = 0;
    s_expect (&row, "outcome", invalid, "a resolution time needs an outcome");
    s_row (&row); row.resolved_at = 0; row.returned_at = 0;
    s_expect (&row, "resolved_at", invalid, "an outcome needs a resolution time");
    s_row (&row); row.returned_at = row.resolved_at - 1;
    s_expect (&row, "returned_at", invalid, "a return before the resolution is refused");
    s_row (&row); row.resolved_at = 0; row.outcome = 0;
    s_expect (&row, "returned_at", invalid, "a return needs a resolution");

    //  The lifecycle table and the rule set decide what a history may be.
    s_row (&row); row.outcome = MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN;
    s_expect (&row, "returned_at", precondition, "a withdrawn dossier has no result to return");
    row.returned_at = 0;
    s_expect (&row, NULL, 0, "a withdrawn dossier without a return is accepted");
    s_row (&row); row.outcome = MOTCUA__V1__OUTCOME__OUTCOME_CLOSED; row.returned_at = 0;
    s_expect (&row, "outcome", precondition, "a dossier of 2024 (rules of 2018) cannot be closed");
    api_error_t error = { 0 };
    history_check (&row, vn_instant (2026, 11, 29, 0), &error);
    CHECK (strstr (error.message, "rules of 2018") != NULL, "the refusal names the rule set");
    row.dossier_code = (char *) "H27.22-250701-0001";
    row.received_at = vn_instant (2025, 7, 1, HM (8, 0));
    row.due_at = vn_instant (2025, 7, 15, HM (17, 0));
    row.resolved_at = vn_instant (2025, 7, 30, HM (17, 0));
    s_expect (&row, NULL, 0, "a dossier of 1/7/2025 (rules of 2025) may be closed");
    row.dossier_code = (char *) "H27.22-250630-0001";
    row.received_at = vn_instant (2025, 6, 30, HM (16, 59));
    s_expect (&row, "outcome", precondition, "one received on 30/6/2025 may not (still the 2018 rules)");
    row.dossier_code = (char *) "H27.22-250701-0001";
    row.received_at = vn_instant (2025, 7, 1, HM (8, 0));
    row.returned_at = row.resolved_at + 1;
    s_expect (&row, "returned_at", precondition, "a closed dossier has no result to return");
}

static void
test_paths (void)
{
    dossier_action_t actions [HISTORY_PATH_MAX];
    CHECK_EQ_INT (history_path (MOTCUA__V1__OUTCOME__OUTCOME_UNSPECIFIED, false, actions), 0, "an open dossier does not move");
    CHECK (history_path (MOTCUA__V1__OUTCOME__OUTCOME_APPROVED, true, actions) == 2
           && actions [0] == ACTION_RESOLVE && actions [1] == ACTION_RETURN, "approved and returned: resolve, return");
    CHECK (history_path (MOTCUA__V1__OUTCOME__OUTCOME_CLOSED, false, actions) == 2
           && actions [0] == ACTION_REQUEST_SUPPLEMENT && actions [1] == ACTION_CLOSE,
           "closed: through the supplement request, as the table wants");
    CHECK_EQ_STR (history_status (MOTCUA__V1__OUTCOME__OUTCOME_UNSPECIFIED, false), "received", "open: received");
    CHECK_EQ_STR (history_status (MOTCUA__V1__OUTCOME__OUTCOME_REJECTED, false), "resolved", "rejected: resolved");
    CHECK_EQ_STR (history_status (MOTCUA__V1__OUTCOME__OUTCOME_APPROVED, true), "returned", "returned");
    CHECK_EQ_STR (history_status (MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN, false), "withdrawn", "withdrawn");
    CHECK_EQ_STR (history_status (MOTCUA__V1__OUTCOME__OUTCOME_CLOSED, false), "closed", "closed");
    CHECK_EQ_STR (history_status (MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN, true), "unknown",
                  "withdrawn and returned is no state");
}

int
main (void)
{
    test_identity_numbers ();
    test_phone_numbers ();
    test_result_place ();
    test_times ();
    test_row_checks ();
    test_paths ();
    return testkit_finish ();
}
