/*  calendar_store — the calendar from catalog.calendar_entry. See the .h.   */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "calendar_store.h"
#include "log.h"

#define CHECK_EVERY_MS 1000

struct calendar_store_t {
    db_t *db;
    calendar_t *calendar;
    char signature [64];        //  count and newest change of the rows
    int64_t checked_at;
};

static int64_t
s_mono_ms (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

calendar_store_t *
calendar_store_new (db_t *db)
{
    calendar_store_t *self = (calendar_store_t *) calloc (1, sizeof (calendar_store_t));
    if (!self)
        return NULL;
    self->db = db;
    self->calendar = calendar_new ();
    self->checked_at = -CHECK_EVERY_MS;
    return self;
}

void
calendar_store_destroy (calendar_store_t **self_p)
{
    calendar_store_t *self = *self_p;
    if (self) {
        calendar_destroy (&self->calendar);
        free (self);
        *self_p = NULL;
    }
}

char *
calendar_store_text (db_t *db)
{
    PGresult *result = db_query (db,
        "SELECT to_char (day, 'YYYY-MM-DD') || ' ' || kind || ' ' || reason FROM catalog.calendar_entry"
        " ORDER BY day", 0, NULL);
    if (!result)
        return NULL;
    size_t size = 1;
    for (int r = 0; r < PQntuples (result); r++)
        size += strlen (PQgetvalue (result, r, 0)) + 1;
    char *text = (char *) malloc (size), *at = text;
    for (int r = 0; r < PQntuples (result); r++)
        at += sprintf (at, "%s\n", PQgetvalue (result, r, 0));
    *at = 0;
    PQclear (result);
    return text;
}

static void
s_refresh (calendar_store_t *self)
{
    PGresult *result = db_query (self->db,
        "SELECT count(*) || '/' || coalesce (to_char (max (added_at) AT TIME ZONE 'Asia/Ho_Chi_Minh',"
        " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+07:00\"'), '') FROM catalog.calendar_entry", 0, NULL);
    if (!result)
        return;
    bool changed = strcmp (PQgetvalue (result, 0, 0), self->signature) != 0;
    if (changed)
        snprintf (self->signature, sizeof self->signature, "%s", PQgetvalue (result, 0, 0));
    PQclear (result);
    if (!changed)
        return;
    char *text = calendar_store_text (self->db);
    calendar_t *calendar = calendar_new ();
    char error [256] = "";
    if (!text || calendar_parse (calendar, text, error, sizeof error)) {
        log_error ("the declared calendar is unreadable (%s); keeping the previous one", error);
        calendar_destroy (&calendar);
        self->signature [0] = 0;
    }
    else {
        calendar_destroy (&self->calendar);
        self->calendar = calendar;
        //  The signature is "<count>/<last change>": say it in words.
        const char *slash = strchr (self->signature, '/');
        log_info ("working calendar loaded: %.*s declared days, last changed %s",
                  slash ? (int) (slash - self->signature) : (int) strlen (self->signature), self->signature,
                  slash && slash [1] ? slash + 1 : "never");
    }
    free (text);
}

calendar_t *
calendar_store_get (calendar_store_t *self)
{
    int64_t now = s_mono_ms ();
    if (now - self->checked_at >= CHECK_EVERY_MS) {
        self->checked_at = now;
        s_refresh (self);
    }
    return self->calendar;
}

void
calendar_store_rules (calendar_store_t *self, const char *office_hours, worktime_rules_t *rules)
{
    worktime_rules_default (rules);
    if (office_hours && worktime_rules_parse_hours (rules, office_hours))
        log_warn ("unreadable office hours '%s'; using 07:00-11:30,13:30-17:00", office_hours);
    rules->is_working_day = calendar_is_working_day;
    rules->calendar = calendar_store_get (self);
}
