/*  lifecycle — the dossier's states and the one table of legal transitions
    (DESIGN §5). Pure: an illegal move is a -1 the caller turns into a
    FAILED_PRECONDITION reply, never a crash.                                 */
#ifndef LIFECYCLE_H
#define LIFECYCLE_H

typedef enum {
    STATE_NONE = 0,
    STATE_RECEIVED,
    STATE_IN_PROCESS,
    STATE_SUPPLEMENT_REQUESTED,
    STATE_RESOLVED,
    STATE_RETURNED,
    STATE_REFUSED,
    STATE_WITHDRAWN,
    STATE_CLOSED,
    STATE_COUNT
} dossier_state_t;

typedef enum {
    ACTION_RECEIVE = 0,         //  intake issued a receipt
    ACTION_REFUSE,              //  refused at intake (never counted)
    ACTION_START,               //  a division took it up
    ACTION_REQUEST_SUPPLEMENT,
    ACTION_SUPPLEMENT_RECEIVED,
    ACTION_RESOLVE,             //  approved or rejected
    ACTION_RETURN,              //  result handed back (counter or post)
    ACTION_WITHDRAW,
    ACTION_CLOSE,               //  supplement not delivered in time (2025)
    ACTION_HAND_OVER,           //  a step done, the dossier to the next division (Mẫu 05)
    ACTION_ATTACH_RESULT,       //  the result document or physical item is there
    ACTION_ROUTE,               //  sent on from the receiving centre to the competent body
    ACTION_DELAY,               //  a delay letter / extension request: a new appointment
    ACTION_COUNT
} dossier_action_t;

//  The state after `action` from `from`, or -1 (as STATE_NONE) if illegal.
int          lifecycle_next (dossier_state_t from, dossier_action_t action,
                             dossier_state_t *to);
const char  *lifecycle_state_name (dossier_state_t state);
//  What an official or a citizen reads for the state (Vietnamese).
const char  *lifecycle_state_label (dossier_state_t state);
int          lifecycle_state_parse (const char *name, dossier_state_t *state);
const char  *lifecycle_action_name (dossier_action_t action);

#endif
