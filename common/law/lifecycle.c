/*  lifecycle — the transition table. See lifecycle.h.                       */
#include <string.h>
#include "lifecycle.h"

static const char *s_state_names [STATE_COUNT] = {
    "none", "received", "in_process", "supplement_requested", "resolved",
    "returned", "refused", "withdrawn", "closed"
};

//  The one table of the states' words, as the counter and the trace say them.
static const char *s_state_labels [STATE_COUNT] = {
    "", "Đã tiếp nhận", "Đang giải quyết", "Chờ bổ sung hồ sơ", "Đã giải quyết",
    "Đã trả kết quả", "Từ chối tiếp nhận", "Đã rút hồ sơ", "Đã đóng hồ sơ (không bổ sung)"
};

static const char *s_action_names [ACTION_COUNT] = {
    "receive", "refuse", "start", "request_supplement", "supplement_received",
    "resolve", "return", "withdraw", "close",
    "hand_over", "attach_result", "route", "delay"
};

//  The one table: s_table [from][action] = to, STATE_NONE where illegal.
static const dossier_state_t s_table [STATE_COUNT][ACTION_COUNT] = {
    [STATE_NONE] = {
        [ACTION_RECEIVE] = STATE_RECEIVED,
        [ACTION_REFUSE] = STATE_REFUSED,
    },
    [STATE_RECEIVED] = {
        [ACTION_START] = STATE_IN_PROCESS,
        [ACTION_REQUEST_SUPPLEMENT] = STATE_SUPPLEMENT_REQUESTED,
        [ACTION_RESOLVE] = STATE_RESOLVED,
        [ACTION_WITHDRAW] = STATE_WITHDRAWN,
        [ACTION_HAND_OVER] = STATE_IN_PROCESS,
        [ACTION_ATTACH_RESULT] = STATE_RECEIVED,
        [ACTION_ROUTE] = STATE_RECEIVED,
        [ACTION_DELAY] = STATE_RECEIVED,
    },
    [STATE_IN_PROCESS] = {
        [ACTION_REQUEST_SUPPLEMENT] = STATE_SUPPLEMENT_REQUESTED,
        [ACTION_RESOLVE] = STATE_RESOLVED,
        [ACTION_WITHDRAW] = STATE_WITHDRAWN,
        [ACTION_HAND_OVER] = STATE_IN_PROCESS,
        [ACTION_ATTACH_RESULT] = STATE_IN_PROCESS,
        [ACTION_DELAY] = STATE_IN_PROCESS,
    },
    [STATE_SUPPLEMENT_REQUESTED] = {
        [ACTION_SUPPLEMENT_RECEIVED] = STATE_IN_PROCESS,
        [ACTION_WITHDRAW] = STATE_WITHDRAWN,
        [ACTION_CLOSE] = STATE_CLOSED,
    },
    [STATE_RESOLVED] = {
        [ACTION_RETURN] = STATE_RETURNED,
        [ACTION_ATTACH_RESULT] = STATE_RESOLVED,
    },
};

int
lifecycle_next (dossier_state_t from, dossier_action_t action, dossier_state_t *to)
{
    *to = STATE_NONE;
    if ((int) from < 0 || from >= STATE_COUNT || (int) action < 0 || action >= ACTION_COUNT)
        return -1;
    *to = s_table [from][action];
    return *to == STATE_NONE ? -1 : 0;
}

const char *
lifecycle_state_name (dossier_state_t state)
{
    return (int) state >= 0 && state < STATE_COUNT ? s_state_names [state] : "unknown";
}

const char *
lifecycle_state_label (dossier_state_t state)
{
    return (int) state >= 0 && state < STATE_COUNT ? s_state_labels [state] : "";
}

int
lifecycle_state_parse (const char *name, dossier_state_t *state)
{
    for (int i = 0; i < STATE_COUNT; i++)
        if (name && strcmp (name, s_state_names [i]) == 0) {
            *state = (dossier_state_t) i;
            return 0;
        }
    return -1;
}

const char *
lifecycle_action_name (dossier_action_t action)
{
    return (int) action >= 0 && action < ACTION_COUNT ? s_action_names [action] : "unknown";
}
