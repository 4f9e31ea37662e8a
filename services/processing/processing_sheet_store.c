/*  processing_sheet_store — steps, hand-overs, result, routing, and the
    sheet of the printed forms. See processing_sheet_store.h.                */
#include <czmq.h>
#include "processing_sheet_store.h"
#include "processing_store.h"
#include "db_rows.h"
#include "worktime.h"
#include "db_ms.h"

#define UNIT_SEPARATOR "\x1f"

int
processing_sheet_enqueue (db_t *db, const Motcua__V1__DossierReceived *received)
{
    char channel [8], filed [24], answer [24], route [24], at [24];
    snprintf (channel, sizeof channel, "%d", received->channel);
    char *components = db_text_array (received->components, received->n_components);
    const char *params [7] = {
        received->dossier_code, channel, components,
        strcmp (received->receiving_agency, received->agency_code) ? received->receiving_agency : "",
        db_ms_param (received->filed_at, filed, sizeof filed),
        db_ms_param (received->online_answer_by, answer, sizeof answer),
        db_ms_param (received->route_by, route, sizeof route)
    };
    int rc = db_exec (db,
        "UPDATE processing.work_item SET channel = $2, components = $3::text[], receiving_agency = $4,"
        " filed_at = " DB_TS (5) ", online_answer_by = " DB_TS (6) ", route_by = " DB_TS (7)
        " WHERE dossier_code = $1 AND step_position = 0", 7, params);
    free (components);
    if (rc)
        return -1;
    const char *copy [3] = { received->dossier_code, received->procedure_code,
                             db_ms_param (received->received_at, at, sizeof at) };
    PGresult *result = db_query (db,
        "INSERT INTO processing.step (dossier_code, position, name, division, quota_hours)"
        " SELECT $1, s.position, s.name, s.division, s.quota_hours"
        " FROM catalog.procedure_step s JOIN catalog.procedure_at (" DB_TS (3) ") v ON v.id = s.version_id"
        " WHERE v.code = $2"
        " ON CONFLICT DO NOTHING RETURNING position", 3, copy);
    if (!result)
        return -1;
    int steps = PQntuples (result);
    PQclear (result);
    return steps;
}

int
processing_sheet_extra (db_t *db, const char *code, work_extra_t *extra)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT channel, receiving_agency, " DB_MS ("filed_at") ", " DB_MS ("online_answer_by") ", "
        DB_MS ("route_by") ", " DB_MS ("routed_at") ", step_position, coalesce (result_kind, ''), "
        DB_MS ("result_attached_at") " FROM processing.work_item WHERE dossier_code = $1", 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    memset (extra, 0, sizeof *extra);
    if (found) {
        extra->channel = atoi (PQgetvalue (result, 0, 0));
        snprintf (extra->receiving_agency, sizeof extra->receiving_agency, "%s", PQgetvalue (result, 0, 1));
        extra->filed_at = atoll (PQgetvalue (result, 0, 2));
        extra->online_answer_by = atoll (PQgetvalue (result, 0, 3));
        extra->route_by = atoll (PQgetvalue (result, 0, 4));
        extra->routed_at = atoll (PQgetvalue (result, 0, 5));
        extra->step_position = atoi (PQgetvalue (result, 0, 6));
        snprintf (extra->result_kind, sizeof extra->result_kind, "%s", PQgetvalue (result, 0, 7));
        extra->result_attached_at = atoll (PQgetvalue (result, 0, 8));
    }
    PQclear (result);
    return found;
}

static void
s_read_step (PGresult *result, int r, void *out)
{
    step_row_t *step = (step_row_t *) out;
    step->position = atoi (PQgetvalue (result, r, 0));
    snprintf (step->name, sizeof step->name, "%s", PQgetvalue (result, r, 1));
    snprintf (step->division, sizeof step->division, "%s", PQgetvalue (result, r, 2));
    step->quota_hours = atoi (PQgetvalue (result, r, 3));
    step->started_at = atoll (PQgetvalue (result, r, 4));
    step->due_at = atoll (PQgetvalue (result, r, 5));
    step->ended_at = atoll (PQgetvalue (result, r, 6));
    snprintf (step->result, sizeof step->result, "%s", PQgetvalue (result, r, 7));
}

int
processing_sheet_steps (db_t *db, const char *code, step_row_t **rows)
{
    const char *params [1] = { code };
    PGresult *result = db_query (db,
        "SELECT position, name, division, quota_hours, " DB_MS ("started_at") ", " DB_MS ("due_at") ", "
        DB_MS ("ended_at") ", coalesce (result, '') FROM processing.step WHERE dossier_code = $1"
        " ORDER BY position", 1, params);
    int count;
    *rows = (step_row_t *) db_rows_all (result, sizeof **rows, s_read_step, &count);
    return count;
}

int
processing_sheet_save_step (db_t *db, const char *code, const step_row_t *step)
{
    char position [16], started [24], due [24], ended [24];
    snprintf (position, sizeof position, "%d", step->position);
    const char *params [6] = {
        code, position, db_ms_param (step->started_at, started, sizeof started), db_ms_param (step->due_at, due, sizeof due),
        db_ms_param (step->ended_at, ended, sizeof ended), *step->result ? step->result : NULL
    };
    return db_exec (db,
        "UPDATE processing.step SET started_at = " DB_TS (3) ", due_at = " DB_TS (4) ", ended_at = " DB_TS (5) ","
        " result = $6 WHERE dossier_code = $1 AND position = $2::int", 6, params);
}

int
processing_sheet_set_position (db_t *db, const char *code, int position)
{
    char text [16];
    snprintf (text, sizeof text, "%d", position);
    const char *params [2] = { code, text };
    return db_exec (db, "UPDATE processing.work_item SET step_position = $2::int WHERE dossier_code = $1",
                    2, params);
}

int
processing_sheet_add_handover (db_t *db, const Motcua__V1__DossierHandedOver *line, const char *note)
{
    char position [16], at [24], due [24];
    snprintf (position, sizeof position, "%d", line->position);
    const char *params [11] = {
        line->dossier_code, db_ms_param (line->at, at, sizeof at), position, line->step_name, line->giver,
        line->giver_division, line->receiver, line->receiver_division,
        db_ms_param (line->step_due_at, due, sizeof due), line->result, note ? note : ""
    };
    return db_exec (db,
        "INSERT INTO processing.handover (dossier_code, at, position, step_name, giver, giver_division,"
        " receiver, receiver_division, step_due_at, result, note)"
        " VALUES ($1, " DB_TS (2) ", $3::int, $4, $5, $6, $7, $8, " DB_TS (9) ", $10, $11)", 11, params);
}

int
processing_sheet_set_result (db_t *db, const char *code, const char *kind, const char *reference,
                             const char *sha256, const char *note, int64_t at)
{
    char at_text [24];
    const char *params [6] = { code, kind, reference, sha256, note, db_ms_param (at, at_text, sizeof at_text) };
    return db_exec (db,
        "UPDATE processing.work_item SET result_kind = $2, result_reference = $3, result_sha256 = $4,"
        " result_note = $5, result_attached_at = " DB_TS (6) " WHERE dossier_code = $1", 6, params);
}

int
processing_sheet_set_routed (db_t *db, const char *code, int64_t at, const char *by)
{
    char at_text [24];
    const char *params [3] = { code, db_ms_param (at, at_text, sizeof at_text), by };
    return db_exec (db,
        "UPDATE processing.work_item SET routed_at = " DB_TS (2) ", routed_by = $3 WHERE dossier_code = $1",
        3, params);
}

int
processing_sheet_set_missing (db_t *db, const char *code, char **missing, size_t count)
{
    char *list = db_text_array (missing, count);
    const char *params [2] = { code, list };
    int rc = db_exec (db, "UPDATE processing.work_item SET missing = $2::text[] WHERE dossier_code = $1",
                      2, params);
    free (list);
    return rc;
}

//  The sheet: the work item, then one query per part, kept until destroy.
struct _processing_sheet_t {
    work_row_t row;
    Motcua__V1__WorkItem item;
    Motcua__V1__DossierSheet sheet;
    PGresult *facts, *steps, *handovers, *changes;
    char *components, *missing;                 //  copies split in place
    char limit [64];
    Motcua__V1__ProcessStep *step_list;
    Motcua__V1__HandOverLine *handover_list;
    Motcua__V1__DueChangeLine *change_list;
};

//  Split a UNIT_SEPARATOR-joined copy of text into *items. Count.
static size_t
s_split (const char *text, char **copy, char ***items)
{
    *copy = strdup (text);
    size_t count = **copy ? 1 : 0;
    for (const char *p = *copy; *p; p++)
        count += *p == UNIT_SEPARATOR [0];
    *items = (char **) calloc (count + 1, sizeof (char *));
    char *p = *copy;
    for (size_t i = 0; i < count; i++) {
        (*items) [i] = p;
        char *end = strchr (p, UNIT_SEPARATOR [0]);
        if (end) {
            *end = 0;
            p = end + 1;
        }
    }
    return count;
}

#define V(res, r, c) PQgetvalue (res, r, c)

processing_sheet_t *
processing_sheet_new (db_t *db, const char *code, int *found)
{
    processing_sheet_t *self = (processing_sheet_t *) calloc (1, sizeof *self);
    *found = processing_store_load (db, code, &self->row);
    if (*found <= 0) {
        free (self);
        return NULL;
    }
    const char *params [1] = { code };
    self->facts = db_query (db,
        "SELECT w.channel, array_to_string (w.components, E'\\x1f'), array_to_string (w.missing, E'\\x1f'),"
        " w.receiving_agency, coalesce (r.name, ''), coalesce (a.name, ''), " DB_MS ("w.filed_at") ", "
        DB_MS ("w.online_answer_by") ", " DB_MS ("w.route_by") ", " DB_MS ("w.routed_at") ", w.routed_by,"
        " coalesce (w.result_kind, ''), w.result_reference, coalesce (w.result_sha256, ''), w.result_note, "
        DB_MS ("w.result_attached_at") ", " DB_MS ("w.supplement_requested_at")
        " FROM processing.work_item w LEFT JOIN catalog.agency a ON a.code = w.agency_code"
        " LEFT JOIN catalog.agency r ON r.code = w.receiving_agency WHERE w.dossier_code = $1", 1, params);
    self->steps = db_query (db,
        "SELECT s.position, s.name, s.division, coalesce (d.name, s.division), s.quota_hours, "
        DB_MS ("s.started_at") ", " DB_MS ("s.due_at") ", " DB_MS ("s.ended_at") ", coalesce (s.result, '')"
        " FROM processing.step s LEFT JOIN catalog.division d ON d.code = s.division"
        " WHERE s.dossier_code = $1 ORDER BY s.position", 1, params);
    self->handovers = db_query (db,
        "SELECT " DB_MS ("at") ", position, step_name, giver, giver_division, receiver, receiver_division, "
        DB_MS ("step_due_at") ", result, note FROM processing.handover WHERE dossier_code = $1 ORDER BY at, id",
        1, params);
    self->changes = db_query (db,
        "SELECT " DB_MS ("at") ", " DB_MS ("previous_due_at") ", " DB_MS ("due_at") ", appointment_only, rule, reason,"
        " actor FROM processing.due_change WHERE dossier_code = $1 ORDER BY at, id", 1, params);
    if (!self->facts || !self->steps || !self->handovers || !self->changes || PQntuples (self->facts) != 1) {
        *found = -1;
        processing_sheet_destroy (&self);
        return NULL;
    }
    Motcua__V1__DossierSheet *sheet = &self->sheet;
    motcua__v1__dossier_sheet__init (sheet);
    motcua__v1__work_item__init (&self->item);
    processing_row_to_pb (&self->row, &self->item);
    sheet->item = &self->item;
    PGresult *f = self->facts;
    sheet->channel = (Motcua__V1__Channel) atoi (V (f, 0, 0));
    sheet->n_components = s_split (V (f, 0, 1), &self->components, &sheet->components);
    sheet->n_missing = s_split (V (f, 0, 2), &self->missing, &sheet->missing);
    sheet->agency_code = self->row.agency_code;
    sheet->receiving_agency = *V (f, 0, 3) ? V (f, 0, 3) : self->row.agency_code;
    sheet->receiving_agency_name = *V (f, 0, 3) ? V (f, 0, 4) : V (f, 0, 5);
    sheet->agency_name = V (f, 0, 5);
    sheet->filed_at = atoll (V (f, 0, 6));
    sheet->online_answer_by = atoll (V (f, 0, 7));
    sheet->route_by = atoll (V (f, 0, 8));
    sheet->routed_at = atoll (V (f, 0, 9));
    sheet->routed_by = V (f, 0, 10);
    sheet->result_kind = V (f, 0, 11);
    sheet->result_reference = V (f, 0, 12);
    sheet->result_sha256 = V (f, 0, 13);
    sheet->result_note = V (f, 0, 14);
    sheet->result_attached_at = atoll (V (f, 0, 15));
    sheet->supplement_requested_at = atoll (V (f, 0, 16));
    sheet->applicant_id = self->row.applicant_id;
    sheet->phone = self->row.phone;
    sheet->address = self->row.address;
    limit_unit_t unit = LIMIT_WORKING_DAYS;
    limit_unit_parse (self->row.time_limit_unit, &unit);
    limit_text (self->row.time_limit_value, unit, self->limit, sizeof self->limit);
    sheet->time_limit_text = self->limit;

    int n = PQntuples (self->steps);
    self->step_list = (Motcua__V1__ProcessStep *) calloc ((size_t) n + 1, sizeof *self->step_list);
    sheet->steps = (Motcua__V1__ProcessStep **) calloc ((size_t) n + 1, sizeof (void *));
    sheet->n_steps = (size_t) n;
    for (int r = 0; r < n; r++) {
        Motcua__V1__ProcessStep *step = &self->step_list [r];
        motcua__v1__process_step__init (step);
        step->position = atoi (V (self->steps, r, 0));
        step->name = V (self->steps, r, 1);
        step->division = V (self->steps, r, 2);
        step->division_name = V (self->steps, r, 3);
        step->quota_hours = atoi (V (self->steps, r, 4));
        step->started_at = atoll (V (self->steps, r, 5));
        step->due_at = atoll (V (self->steps, r, 6));
        step->ended_at = atoll (V (self->steps, r, 7));
        step->result = V (self->steps, r, 8);
        sheet->steps [r] = step;
    }
    n = PQntuples (self->handovers);
    self->handover_list = (Motcua__V1__HandOverLine *) calloc ((size_t) n + 1, sizeof *self->handover_list);
    sheet->handovers = (Motcua__V1__HandOverLine **) calloc ((size_t) n + 1, sizeof (void *));
    sheet->n_handovers = (size_t) n;
    for (int r = 0; r < n; r++) {
        Motcua__V1__HandOverLine *line = &self->handover_list [r];
        motcua__v1__hand_over_line__init (line);
        line->at = atoll (V (self->handovers, r, 0));
        line->position = atoi (V (self->handovers, r, 1));
        line->step_name = V (self->handovers, r, 2);
        line->giver = V (self->handovers, r, 3);
        line->giver_division = V (self->handovers, r, 4);
        line->receiver = V (self->handovers, r, 5);
        line->receiver_division = V (self->handovers, r, 6);
        line->step_due_at = atoll (V (self->handovers, r, 7));
        line->result = V (self->handovers, r, 8);
        line->note = V (self->handovers, r, 9);
        sheet->handovers [r] = line;
    }
    n = PQntuples (self->changes);
    self->change_list = (Motcua__V1__DueChangeLine *) calloc ((size_t) n + 1, sizeof *self->change_list);
    sheet->changes = (Motcua__V1__DueChangeLine **) calloc ((size_t) n + 1, sizeof (void *));
    sheet->n_changes = (size_t) n;
    for (int r = 0; r < n; r++) {
        Motcua__V1__DueChangeLine *change = &self->change_list [r];
        motcua__v1__due_change_line__init (change);
        change->at = atoll (V (self->changes, r, 0));
        change->previous_due_at = atoll (V (self->changes, r, 1));
        change->due_at = atoll (V (self->changes, r, 2));
        change->appointment_only = streq (V (self->changes, r, 3), "t");
        change->rule = V (self->changes, r, 4);
        change->reason = V (self->changes, r, 5);
        change->actor = V (self->changes, r, 6);
        sheet->changes [r] = change;
    }
    return self;
}

Motcua__V1__DossierSheet *
processing_sheet_message (processing_sheet_t *self)
{
    return &self->sheet;
}

void
processing_sheet_destroy (processing_sheet_t **self_p)
{
    processing_sheet_t *self = *self_p;
    if (!self)
        return;
    PQclear (self->facts);
    PQclear (self->steps);
    PQclear (self->handovers);
    PQclear (self->changes);
    free (self->components);
    free (self->missing);
    free (self->sheet.components);
    free (self->sheet.missing);
    free (self->sheet.steps);
    free (self->sheet.handovers);
    free (self->sheet.changes);
    free (self->step_list);
    free (self->handover_list);
    free (self->change_list);
    free (self);
    *self_p = NULL;
}
