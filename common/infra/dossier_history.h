/*  dossier_history — a dossier of the past as `motcua import dossiers` brings
    it in: reading its local times, checking a row on its own (its own code,
    times in order, an outcome its rule set knows, a path through the
    lifecycle table), and the moves that lead from receipt to the state its
    history reached, which processing replays. Pure: the catalogue and the
    database are intake's part.                                             */
#ifndef DOSSIER_HISTORY_H
#define DOSSIER_HISTORY_H
#include <stdint.h>
#include "api.h"
#include "lifecycle.h"
#include "motcua/v1/intake.pb-c.h"

#define HISTORY_PATH_MAX 3

//  A local time "YYYY-MM-DD HH:MM[:SS]" (or with a T). With
//  date_only_minute >= 0 a bare date is allowed and taken at that minute
//  of the day. 0, or -1 if the text is no such time.
int  history_parse_time (const char *text, int date_only_minute, int64_t *at_ms);

//  Check a row without the catalogue; now bounds the times. 0, or -1 with a
//  typed error naming the field (INVALID_ARGUMENT; FAILED_PRECONDITION for
//  a history the lifecycle table or the row's rule set does not allow).
int  history_check (const Motcua__V1__ImportedDossier *row, int64_t now, api_error_t *error);

//  The moves from `received` to where the history ended, in order, into
//  actions (HISTORY_PATH_MAX at most). Returns their number (0: still open).
int  history_path (Motcua__V1__Outcome outcome, bool returned, dossier_action_t *actions);

//  The state the history reached, as the counter's status names it.
const char *history_status (Motcua__V1__Outcome outcome, bool returned);

#endif
