/*  dossier_history — checks and moves of an imported dossier. See
    dossier_history.h.                                                      */
#include <stdio.h>
#include <string.h>
#include "dossier_history.h"
#include "dossier_code.h"
#include "lookup_key.h"
#include "rule_set.h"
#include "vntime.h"

#define INVALID MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT
#define PRECONDITION MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION

int
history_parse_time (const char *text, int date_only_minute, int64_t *at_ms)
{
    char date [11];
    int64_t midnight;
    if (!text || strlen (text) < 10)
        return -1;
    memcpy (date, text, 10);
    date [10] = 0;
    if (vn_parse_date (date, &midnight))
        return -1;
    if (!text [10]) {
        if (date_only_minute < 0)
            return -1;
        *at_ms = midnight + date_only_minute * MS_PER_MINUTE;
        return 0;
    }
    int hour, minute, second = 0, used = 0, used_seconds = 0;
    if ((text [10] != 'T' && text [10] != ' ')
    ||  sscanf (text + 11, "%2d:%2d%n", &hour, &minute, &used) != 2 || used != 5)
        return -1;
    const char *rest = text + 11 + used;
    if (*rest == ':' && (sscanf (rest + 1, "%2d%n", &second, &used_seconds) != 1 || used_seconds != 2))
        return -1;
    if (*rest == ':')
        rest += 3;
    if (*rest || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return -1;
    *at_ms = midnight + ((int64_t) hour * 3600 + minute * 60 + second) * 1000;
    return 0;
}

int
history_path (Motcua__V1__Outcome outcome, bool returned, dossier_action_t *actions)
{
    int n = 0;
    switch (outcome) {
        case MOTCUA__V1__OUTCOME__OUTCOME_APPROVED:
        case MOTCUA__V1__OUTCOME__OUTCOME_REJECTED:
            actions [n++] = ACTION_RESOLVE;
            break;
        case MOTCUA__V1__OUTCOME__OUTCOME_WITHDRAWN:
            actions [n++] = ACTION_WITHDRAW;
            break;
        case MOTCUA__V1__OUTCOME__OUTCOME_CLOSED:
            //  closed only from waiting for a supplement (2025 rules)
            actions [n++] = ACTION_REQUEST_SUPPLEMENT;
            actions [n++] = ACTION_CLOSE;
            break;
        default:
            break;
    }
    if (returned)
        actions [n++] = ACTION_RETURN;
    return n;
}

const char *
history_status (Motcua__V1__Outcome outcome, bool returned)
{
    dossier_action_t actions [HISTORY_PATH_MAX];
    int n = history_path (outcome, returned, actions);
    dossier_state_t state = STATE_RECEIVED;
    for (int i = 0; i < n; i++)
        if (lifecycle_next (state, actions [i], &state))
            return "unknown";
    return lifecycle_state_name (state);
}

static const char *
s_day_text (int64_t at_ms, char *buf, size_t size)
{
    vn_civil_t c;
    vn_civil (at_ms, &c);
    snprintf (buf, size, "%02d/%02d/%04d", c.day, c.month, c.year);
    return buf;
}

//  The applicant: a name always; the numbers, when given, as people have them.
static int
s_check_applicant (const Motcua__V1__Applicant *a, api_error_t *error)
{
    if (!a)
        return api_fail (error, INVALID, "applicant_name", "the applicant's name is required");
    if (api_check_text (error, "applicant_name", a->name, 200, true)
    ||  api_check_text (error, "applicant_id", a->id_number, 32, false)
    ||  api_check_text (error, "phone", a->phone, 32, false)
    ||  api_check_text (error, "address", a->address, 500, false))
        return -1;
    char key [32];
    if (*a->id_number && lookup_id_check (a->id_number))
        return api_fail (error, INVALID, "applicant_id",
                         "'%s' is not an identity number (CCCD 12 digits, CMND 9, tax code 10 or 10-3)", a->id_number);
    if (*a->phone && lookup_phone_key (a->phone, key, sizeof key))
        return api_fail (error, INVALID, "phone", "'%s' is not a Vietnamese phone number", a->phone);
    return 0;
}

//  The times: received in the past, due after it, resolved and returned in order.
static int
s_check_times (const Motcua__V1__ImportedDossier *row, int64_t now, api_error_t *error)
{
    char day [16];
    if (row->received_at < vn_instant (2000, 1, 1, 0) || row->received_at > now)
        return api_fail (error, INVALID, "received_at", "the receipt time must lie between 2000 and now");
    if (row->due_at <= row->received_at || row->due_at > vn_instant (2200, 1, 1, 0))
        return api_fail (error, INVALID, "due_at", "the due time must come after the receipt (%s), before 2200",
                         s_day_text (row->received_at, day, sizeof day));
    bool outcome = row->outcome != MOTCUA__V1__OUTCOME__OUTCOME_UNSPECIFIED;
    if (row->resolved_at && !outcome)
        return api_fail (error, INVALID, "outcome", "a resolved dossier needs its outcome (approved, rejected, withdrawn, closed)");
    if (!row->resolved_at && outcome)
        return api_fail (error, INVALID, "resolved_at", "an outcome needs the time the dossier ended");
    if (row->resolved_at && (row->resolved_at < row->received_at || row->resolved_at > now))
        return api_fail (error, INVALID, "resolved_at", "the resolution time must lie between the receipt and now");
    if (row->returned_at && !row->resolved_at)
        return api_fail (error, INVALID, "returned_at", "a result is returned only after the dossier is resolved");
    if (row->returned_at && (row->returned_at < row->resolved_at || row->returned_at > now))
        return api_fail (error, INVALID, "returned_at", "the return time must lie between the resolution and now");
    return 0;
}

int
history_check (const Motcua__V1__ImportedDossier *row, int64_t now, api_error_t *error)
{
    if (api_check_text (error, "dossier_code", row->dossier_code, DOSSIER_CODE_MAX - 1, true)
    ||  api_check_text (error, "procedure", row->procedure_code, 64, true)
    ||  api_check_text (error, "agency", row->agency_code, 64, false)
    ||  api_check_text (error, "reason", row->reason, 2000, false)
    ||  s_check_applicant (row->applicant, error))
        return -1;
    char agency [DOSSIER_CODE_MAX];
    int day;
    int64_t sequence;
    if (dossier_code_parse (row->dossier_code, agency, sizeof agency, &day, &sequence))
        return api_fail (error, INVALID, "dossier_code", "'%s' is not a dossier code <agency>-YYMMDD-NNNN",
                         row->dossier_code);
    if (row->channel < MOTCUA__V1__CHANNEL__CHANNEL_DIRECT || row->channel > MOTCUA__V1__CHANNEL__CHANNEL_POSTAL)
        return api_fail (error, INVALID, "channel", "channel must be direct, online or postal");
    if (row->return_method < MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER
    ||  row->return_method > MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL)
        return api_fail (error, INVALID, "return", "return must be counter or postal");
    if (row->outcome < MOTCUA__V1__OUTCOME__OUTCOME_UNSPECIFIED || row->outcome > MOTCUA__V1__OUTCOME__OUTCOME_CLOSED)
        return api_fail (error, INVALID, "outcome", "outcome must be approved, rejected, withdrawn or closed");
    if (row->n_components > 50)
        return api_fail (error, INVALID, "components", "at most 50 components");
    for (size_t i = 0; i < row->n_components; i++)
        if (api_check_text (error, "components", row->components [i], 300, true))
            return -1;
    if (s_check_times (row, now, error))
        return -1;
    if (day != dossier_code_day (row->received_at))
        return api_fail (error, INVALID, "dossier_code", "code %s carries the day %06d, but the dossier was received on %06d",
                         row->dossier_code, day, dossier_code_day (row->received_at));

    //  The history must be a path through the one transition table, under
    //  the rule set of its receipt date.
    rules_id_t rules = rule_set_at (row->received_at);
    if (row->outcome == MOTCUA__V1__OUTCOME__OUTCOME_CLOSED && rules != RULES_2025)
        return api_fail (error, PRECONDITION, "outcome",
                         "dossier %s was received under the rules of %s: only the 2025 rules close a dossier "
                         "for a missing supplement", row->dossier_code, rule_set_name (rules));
    dossier_action_t actions [HISTORY_PATH_MAX];
    int n = history_path (row->outcome, row->returned_at != 0, actions);
    dossier_state_t state = STATE_RECEIVED, next;
    for (int i = 0; i < n; i++, state = next)
        if (lifecycle_next (state, actions [i], &next))
            return api_fail (error, PRECONDITION, actions [i] == ACTION_RETURN ? "returned_at" : "outcome",
                             "dossier %s would be %s (rules of %s); it cannot %s", row->dossier_code,
                             lifecycle_state_name (state), rule_set_name (rules), lifecycle_action_name (actions [i]));
    return 0;
}
