/*  calendar_store — the working calendar as the database holds it
    (catalog.calendar_entry): built into a calendar_t, and rebuilt when an
    administrator adds or removes a declared day, noticed within a second, so
    no service restarts for a new government notice.                        */
#ifndef CALENDAR_STORE_H
#define CALENDAR_STORE_H
#include "calendar.h"
#include "db.h"
#include "worktime.h"

typedef struct calendar_store_t calendar_store_t;

calendar_store_t *calendar_store_new (db_t *db);          //  db borrowed
void              calendar_store_destroy (calendar_store_t **self_p);

//  The current calendar (owned by the store, valid until the next call).
//  Looks for changes at most once a second; keeps the last good one if the
//  database is away.
calendar_t       *calendar_store_get (calendar_store_t *self);

//  Working-time rules of an agency: its office hours ("07:00-11:30,…"; NULL
//  or unreadable: the defaults) on the current calendar.
void              calendar_store_rules (calendar_store_t *self, const char *office_hours,
                                        worktime_rules_t *rules);

//  All declaration lines in the database, as calendar_parse text (caller
//  frees), or NULL on a database error.
char             *calendar_store_text (db_t *db);

#endif
