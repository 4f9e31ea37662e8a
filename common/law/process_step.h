/*  process_step — the pure rules of a dossier's internal process and of the
    2025 intake duties (issue 3): each step's own due time from its quota and
    its early / on-time / late result; the result attached (a digitised
    document's SHA-256, or a physical item); whether and by when an online
    filing must be answered and a dossier routed on to the competent body;
    the administrative levels of each rule set. Pure: no I/O.               */
#ifndef PROCESS_STEP_H
#define PROCESS_STEP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "legal_clock.h"
#include "worktime.h"

#define SHA256_HEX_LEN 64

//  A step started at started_at with quota_hours: its due time. Quotas are
//  working hours for limits in working days or hours (the clock runs in
//  office hours only), calendar hours for limits in calendar days.
int64_t      process_step_due (const worktime_rules_t *rules, limit_unit_t unit,
                               int64_t started_at, int quota_hours);

//  The dossier's due time moved from old_due to new_due (a supplement paused
//  or restarted its clock): the due time of the step in hand moves by as
//  much working time (calendar time for limits in calendar days). A due time
//  that did not move later leaves the step alone.
int64_t      process_step_shift (const worktime_rules_t *rules, limit_unit_t unit, int64_t step_due,
                                 int64_t old_due, int64_t new_due);

//  A step (or the whole dossier) ended at ended_at, due at due_at: early,
//  on time or late, by the same rule as the dossier (worktime_timeliness).
timeliness_t process_step_result (int64_t due_at, int64_t ended_at);

//  "Trước hạn", "Đúng hạn", "Quá hạn": the control sheet's words.
const char  *process_step_result_vi (const char *result);

//  A result's kind: document | certificate | banner | medal. 0 or -1.
int          result_kind_check (const char *kind);
bool         result_kind_physical (const char *kind);
//  Vietnamese name of the kind ("Văn bản điện tử", "Bằng khen, giấy khen", …).
const char  *result_kind_vi (const char *kind);

//  Why an approved dossier's result may not go back yet (at the counter or
//  by post): "dossier CODE is STATE (rules of RULES) but its result is not
//  attached: …" into buf. Returns buf.
char        *result_missing_text (char *buf, size_t size, const char *code, const char *state,
                                  const char *rule_set);

//  The dispatch slip's item flag ("kind:size") of a physical result handed
//  to the post when the agency does not describe it: "certificate:chưa ghi
//  kích thước". 0, or -1 (item untouched) if kind is no physical item.
int          result_item_default (const char *kind, char *item, size_t size);

//  Normalise a SHA-256 given in hex (64 digits, either case) to lowercase
//  into out (SHA256_HEX_LEN + 1 bytes). 0, or -1 if it is not one.
int          result_sha256_normalise (const char *hex, char *out);

//  2025: an online filing must be answered (accepted or sent back) by this
//  time; 0 when the rule does not apply (2018 rules, or not online).
int64_t      intake_online_answer_by (rules_id_t id, const worktime_rules_t *rules, bool online,
                                      int64_t filed_at);

//  2025 boundary-free intake: a dossier taken in at a centre that is not
//  the competent body is sent on by this time (paper within one working
//  day, the next one if received after 15:00). 0 when nothing is routed
//  (same agency) or the rule set sets no limit (2018).
int64_t      intake_route_by (rules_id_t id, const worktime_rules_t *rules, const char *receiving_agency,
                              const char *competent_agency, int64_t received_at);

//  The administrative levels of a rule set: "tỉnh, xã" (2025) or
//  "tỉnh, huyện, xã" (2018); and whether level (province | district |
//  commune) exists under it.
const char  *levels_of_rules (rules_id_t id);
bool         level_in_rules (rules_id_t id, const char *level);
//  "tỉnh", "huyện", "xã" (or the level itself if unknown).
const char  *level_vi (const char *level);

#endif
