/*  catalog_rows — the procedure catalogue as the CSV file people edit: its
    columns, a row as read and checked, the rows an import gathers, and how
    a checked row is applied to catalog.procedure_version (catalog_write.c).
    The commands: catalog.c; the format: README.md ("Catalogue").           */
#ifndef CATALOG_ROWS_H
#define CATALOG_ROWS_H
#include <czmq.h>
#include "cli.h"

//  The columns, in the order export writes them.
enum {
    C_CODE, C_FROM, C_TO, C_LEVEL, C_NAME, C_FIELD, C_AGENCY, C_DIVISION,
    C_LIMIT, C_UNIT, C_ONLINE_LIMIT, C_ONLINE_UNIT, C_NORM, C_ONLINE_LEVEL,
    C_COMPONENTS, C_FEES, C_FEE_AMOUNT, C_RESULT, C_POPULATION_DB, C_JUDICIAL_RECORD,
    C_STEPS, C_NOTES, C_COUNT
};
extern const char *catalog_columns [C_COUNT];

//  Everything a version is but its window and its notes, as stored: the
//  same cells (C_LEVEL … C_STEPS) export writes and import compares.
#define VERSION_CELLS \
    "v.level, v.name, v.field, v.agency_code, v.division, v.time_limit_value::text, v.time_limit_unit," \
    " coalesce (v.online_limit_value::text, ''), coalesce (v.online_limit_unit, '')," \
    " coalesce (v.norm_value::text, ''), v.online_level, array_to_string (v.components, ';'), v.fees," \
    " coalesce (v.fee_amount::text, ''), v.result_kind," \
    " CASE WHEN v.uses_population_db THEN 'yes' ELSE 'no' END," \
    " CASE WHEN v.needs_judicial_record THEN 'yes' ELSE 'no' END," \
    " coalesce ((SELECT string_agg (s.name || '@' || s.division || ':' || s.quota_hours, ';' ORDER BY s.position)" \
    "  FROM catalog.procedure_step s WHERE s.version_id = v.id), ''), v.notes"
#define VERSION_WINDOW \
    "CASE WHEN v.valid_from = '-infinity' THEN NULL" \
    " ELSE round (extract (epoch FROM v.valid_from) * 1000)::bigint END," \
    " round (extract (epoch FROM v.valid_to) * 1000)::bigint"

#define VALID_EVER  INT64_MIN       //  valid_from: since always
#define VALID_OPEN  INT64_MAX       //  valid_to: still in force
#define MAX_STEPS   32

typedef struct {
    const char *file;
    int line;
    char *cell [C_COUNT];           //  normalised cells (owned)
    int64_t from, to;               //  window, ms; VALID_EVER / VALID_OPEN
    int n_steps;
    char *step_name [MAX_STEPS];    //  owned
    char *step_division [MAX_STEPS];
    int step_hours [MAX_STEPS];
} catalog_row_t;

typedef struct {
    catalog_row_t *rows;
    size_t count, size;
    int errors;
    cli_t *cli;
    zhash_t *agencies;              //  code → "1"
    zhash_t *divisions;             //  code → agency code
} catalog_import_t;

typedef struct {
    int added, changed, unchanged, annotated;
} catalog_tally_t;

//  Report a bad row (file:line: message), as text or --json; counts it.
void catalog_fail (catalog_import_t *self, const char *file, int line, const char *format, ...);
//  A window's end as the file writes it (a day, or an instant; "" for
//  since always / still open).
void catalog_format_time (int64_t at_ms, bool end, char *buf, size_t size);
//  The instant as a query parameter (NULL for since always / still open).
const char *catalog_param_time (int64_t at_ms, char *buf, size_t size);
//  Read and check one file's rows into self. Reports every bad row.
void catalog_read (catalog_import_t *self, const char *path);
//  Report two rows of one code in force at the same time.
void catalog_check_overlaps (catalog_import_t *self);
void catalog_row_free (catalog_row_t *row);

//  Apply one checked row at instant now (whole seconds), in the caller's
//  transaction, counting it in tally. 0, or -1 (error says why, or is
//  empty for the database's own error).
int  catalog_apply (db_t *db, const catalog_row_t *row, int64_t now, catalog_tally_t *tally,
                    char *error, size_t size);

#endif
