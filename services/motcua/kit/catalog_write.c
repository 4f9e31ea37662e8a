/*  catalog_write — a checked catalogue row applied to the catalog schema:
    a new version, a changed one (the version in force ends, the new one
    starts), or new notes; a version already ended keeps its history.
    See catalog_rows.h.                                                     */
#include "catalog_rows.h"
#include "csv.h"

static char *
s_array_literal (const char *list)
{
    csv_buffer_t out = { NULL, 0, 0 };
    csv_put (&out, '{');
    const char *p = list;
    while (*p) {
        if (out.len > 1)
            csv_put (&out, ',');
        csv_put (&out, '"');
        for (; *p && *p != ';'; p++) {
            if (*p == '"' || *p == '\\')
                csv_put (&out, '\\');
            csv_put (&out, *p);
        }
        csv_put (&out, '"');
        if (*p == ';')
            p++;
    }
    csv_put (&out, '}');
    return out.data;
}

static int
s_insert (db_t *db, const catalog_row_t *row, int64_t from, int64_t to)
{
    char from_text [24], to_text [24];
    char *const *cell = row->cell;
    char *components = s_array_literal (cell [C_COMPONENTS]);
    const char *params [21] = {
        cell [C_CODE], cell [C_NAME], cell [C_FIELD], cell [C_LEVEL], cell [C_AGENCY], cell [C_DIVISION],
        cell [C_LIMIT], cell [C_UNIT],
        *cell [C_ONLINE_LIMIT] ? cell [C_ONLINE_LIMIT] : NULL, *cell [C_ONLINE_UNIT] ? cell [C_ONLINE_UNIT] : NULL,
        *cell [C_NORM] ? cell [C_NORM] : NULL, cell [C_ONLINE_LEVEL], components, cell [C_FEES],
        *cell [C_FEE_AMOUNT] ? cell [C_FEE_AMOUNT] : NULL, cell [C_RESULT],
        streq (cell [C_POPULATION_DB], "yes") ? "t" : "f", streq (cell [C_JUDICIAL_RECORD], "yes") ? "t" : "f",
        catalog_param_time (from, from_text, sizeof from_text), catalog_param_time (to, to_text, sizeof to_text),
        cell [C_NOTES]
    };
    PGresult *result = db_query (db,
        "INSERT INTO catalog.procedure_version (code, name, field, level, agency_code, division,"
        " time_limit_value, time_limit_unit, online_limit_value, online_limit_unit, norm_value,"
        " online_level, components, fees, fee_amount, result_kind, uses_population_db,"
        " needs_judicial_record, valid_from, valid_to, notes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
        " $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
        " coalesce (to_timestamp ($19::bigint / 1000.0), '-infinity'), to_timestamp ($20::bigint / 1000.0),"
        " $21) RETURNING id", 21, params);
    free (components);
    if (!result)
        return -1;
    char id [24];
    snprintf (id, sizeof id, "%s", PQgetvalue (result, 0, 0));
    PQclear (result);
    for (int i = 0; i < row->n_steps; i++) {
        char position [16], hours [16];
        snprintf (position, sizeof position, "%d", i + 1);
        snprintf (hours, sizeof hours, "%d", row->step_hours [i]);
        const char *step [5] = { id, position, row->step_name [i], row->step_division [i], hours };
        if (db_exec (db, "INSERT INTO catalog.procedure_step (version_id, position, name, division, quota_hours)"
                         " VALUES ($1, $2, $3, $4, $5)", 5, step))
            return -1;
    }
    return 0;
}

static int
s_set_end (db_t *db, const char *id, int64_t to)
{
    char to_text [24];
    const char *params [2] = { id, catalog_param_time (to, to_text, sizeof to_text) };
    return db_exec (db, "UPDATE catalog.procedure_version SET valid_to = to_timestamp ($2::bigint / 1000.0)"
                        " WHERE id = $1", 2, params);
}

//  Apply one checked row at instant now (whole seconds). 0 or -1.
int
catalog_apply (db_t *db, const catalog_row_t *row, int64_t now, catalog_tally_t *tally, char *error, size_t size)
{
    char from_text [24], to_text [24];
    const char *params [3] = { row->cell [C_CODE],
        catalog_param_time (row->from, from_text, sizeof from_text), catalog_param_time (row->to, to_text, sizeof to_text) };
    //  Provisional versions (the migrated catalogue of 002) give way to the
    //  file's row while no dossier refers to them; else they are ended below.
    if (db_exec (db, "SAVEPOINT provisional", 0, NULL))
        return -1;
    if (db_exec (db,
        "DELETE FROM catalog.procedure_version v WHERE v.code = $1 AND v.provisional"
        " AND tstzrange (v.valid_from, v.valid_to) && tstzrange ("
        " coalesce (to_timestamp ($2::bigint / 1000.0), '-infinity'), to_timestamp ($3::bigint / 1000.0))",
        3, params)
    &&  db_exec (db, "ROLLBACK TO SAVEPOINT provisional", 0, NULL))
        return -1;
    if (db_exec (db, "RELEASE SAVEPOINT provisional", 0, NULL))
        return -1;
    PGresult *result = db_query (db,
        "SELECT v.id, " VERSION_WINDOW ", " VERSION_CELLS " FROM catalog.procedure_version v"
        " WHERE v.code = $1 AND tstzrange (v.valid_from, v.valid_to) && tstzrange ("
        " coalesce (to_timestamp ($2::bigint / 1000.0), '-infinity'), to_timestamp ($3::bigint / 1000.0))"
        " ORDER BY v.valid_from", 3, params);
    if (!result)
        return -1;
    int rows = PQntuples (result), latest = rows - 1, exact = -1, current = -1;
    int64_t from [rows > 0 ? rows : 1], to [rows > 0 ? rows : 1];
    bool same [rows > 0 ? rows : 1];
    memset (same, 0, sizeof same);          //  (GCC cannot see that rows == 0 never reads it)
    for (int i = 0; i < rows; i++) {
        from [i] = PQgetisnull (result, i, 1) ? VALID_EVER : atoll (PQgetvalue (result, i, 1));
        to [i] = PQgetisnull (result, i, 2) ? VALID_OPEN : atoll (PQgetvalue (result, i, 2));
        same [i] = true;
        for (int c = C_LEVEL; c <= C_STEPS; c++)
            if (!streq (PQgetvalue (result, i, 3 + c - C_LEVEL), row->cell [c]))
                same [i] = false;
        if (from [i] == row->from)
            exact = i;
    }
    int rc = 0;
    int64_t start = row->from > now ? row->from : now;
    for (int i = 0; i < rows; i++)
        if (from [i] <= start && start < to [i])
            current = i;
    int keep = rows == 0 ? -1
             : same [latest] && to [latest] == row->to ? latest
             : exact >= 0 && same [exact] && to [exact] == row->to ? exact : -1;
    if (rows == 0) {
        rc = s_insert (db, row, row->from, row->to);
        tally->added++;
    }
    else
    if (keep >= 0) {
        //  Nothing that rules a dossier changed; notes are kept up to date.
        const char *id = PQgetvalue (result, keep, 0);
        if (!streq (PQgetvalue (result, keep, 3 + C_NOTES - C_LEVEL), row->cell [C_NOTES])) {
            const char *update [2] = { id, row->cell [C_NOTES] };
            rc = db_exec (db, "UPDATE catalog.procedure_version SET notes = $2 WHERE id = $1", 2, update);
            tally->annotated++;
        }
        else
            tally->unchanged++;
    }
    else
    if (same [latest] && (to [latest] == VALID_OPEN || to [latest] > now) && row->to >= now
    &&  row->to > from [latest]) {
        //  The same version, ending at another time (not in the past).
        rc = s_set_end (db, PQgetvalue (result, latest, 0), row->to);
        tally->changed++;
    }
    else
    if (row->to <= start)
        snprintf (error, size, "this version of %s ended before now and differs from the catalogue's history;"
                  " a version already ended cannot change (change the one in force)", row->cell [C_CODE]);
    else {
        //  A new version from now (or from valid_from, if later): the one
        //  in force then ends, versions not yet begun are replaced.
        for (int i = 0; i < rows && rc == 0; i++) {
            const char *id = PQgetvalue (result, i, 0);
            if (from [i] > now && from [i] >= start) {
                const char *drop [1] = { id };
                rc = db_exec (db, "DELETE FROM catalog.procedure_version WHERE id = $1", 1, drop);
            }
            else
            if (i == current && from [i] == start)
                snprintf (error, size, "%s changed twice within one second; import again", row->cell [C_CODE]);
            else
            if (i == current)
                rc = s_set_end (db, id, start);
        }
        if (rc == 0 && !*error)
            rc = s_insert (db, row, start, row->to);
        tally->changed++;
    }
    PQclear (result);
    return rc || *error ? -1 : 0;
}
