/*  legal_clock — the rules that move a dossier's due time, per rule set
    (DESIGN §5). One rule-set value per dossier, chosen by its receipt date
    (rule_set.h), is consulted here and nowhere else:

      2018 (Decrees 61/2018 + 107/2021, Circular 01/2018), until 30/6/2025:
        a supplement request pauses the clock; when the supplement arrives
        the due time moves on by the working time that elapsed. The delay
        letter is the apology with a new appointment (Mẫu 04).
      2025 (Decree 118/2025), from 1/7/2025:
        a supplement request must go out within 3 working days of receipt
        (art. 19.5); the time limit restarts from zero when the complete
        supplement arrives; a dossier not completed 15 days after the
        request is closed; the extension request ("đề nghị gia hạn") must
        go out at least one day before the due time and the date is reset
        only once (art. 19.6); online filings are accepted or sent back
        within 8 working hours (art. 17); paper dossiers of another level go
        on within one working day, the next one if received after 15:00
        (art. 18.2, 20).
      Both: one supplement request per dossier; a delay letter moves the
      appointment, never the due time that judges timeliness.

    ASSUMPTION: the 15 days before closure are calendar days (the decree
    says "15 ngày", not "ngày làm việc"). Pure: no I/O.                      */
#ifndef LEGAL_CLOCK_H
#define LEGAL_CLOCK_H
#include <stdbool.h>
#include <stdint.h>
#include "rule_set.h"
#include "worktime.h"

//  A change of due time: the new time, the rule that made it, and why.
typedef struct {
    int64_t due_at;
    char rule [128];
    char reason [256];
} clock_change_t;

//  The first due time: the limit counted from the start of the clock.
void     legal_clock_receive (rules_id_t id, const worktime_rules_t *rules, int64_t clock_start,
                              int limit_value, limit_unit_t unit, clock_change_t *change);

//  Until when may a supplement be requested? 0 = no limit (2018).
int64_t  legal_clock_supplement_by (rules_id_t id, const worktime_rules_t *rules, int64_t received_at);

//  When is a dossier still waiting for its supplement closed? 0 = never (2018).
int64_t  legal_clock_close_at (rules_id_t id, int64_t requested_at);

//  The due time once the complete supplement has arrived.
void     legal_clock_supplement (rules_id_t id, const worktime_rules_t *rules, int64_t due_at,
                                 int64_t requested_at, int64_t supplied_at,
                                 int limit_value, limit_unit_t unit, clock_change_t *change);

//  May a delay letter issued at issued_at (the dossier due at due_at, with
//  letters_before already issued) set new_due? 0 and the change, or -1 and
//  why (Vietnamese, for the desk officer).
int      legal_clock_delay (rules_id_t id, int64_t due_at, int64_t issued_at, int64_t new_due,
                            int letters_before, clock_change_t *change, char *why, size_t why_size);

//  2025: an online filing must be accepted or sent back by this time.
int64_t  legal_clock_online_answer_by (const worktime_rules_t *rules, int64_t filed_at);

//  2025: a paper dossier for another level must be sent on by this time.
int64_t  legal_clock_route_by (const worktime_rules_t *rules, int64_t received_at);

#endif
