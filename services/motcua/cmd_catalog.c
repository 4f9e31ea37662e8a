/*  cmd_catalog — `motcua catalog import FILE.csv…` and `motcua catalog export
    FILE.csv`: the procedure catalogue (catalog.procedure_version and its
    internal process, catalog.procedure_step) as a CSV file people edit and
    review. Reference data, so the command writes the catalog schema itself,
    like `motcua admin calendar import`. The format is in README.md
    ("Catalogue"): one row per version, `;`-separated lists inside a cell,
    steps as `name@division:hours`.

    Import is all or nothing: every row is checked first (each bad row is
    reported with its line and the reason), then applied in one transaction.
    A row whose content equals the version in force is left alone, so a
    second import of the same file changes nothing; a row whose content
    differs ends the version in force now and starts a new one now (or at
    the row's valid_from, if later); a version already ended keeps its
    history (a row contradicting it is refused). Export writes every version,
    so that importing the export changes nothing.                           */
#include "csv.h"
#include <czmq.h>
#include <ctype.h>
#include <limits.h>
#include "cli.h"
#include "vntime.h"

//  The columns, in the order export writes them.
enum {
    C_CODE, C_FROM, C_TO, C_LEVEL, C_NAME, C_FIELD, C_AGENCY, C_DIVISION,
    C_LIMIT, C_UNIT, C_ONLINE_LIMIT, C_ONLINE_UNIT, C_NORM, C_ONLINE_LEVEL,
    C_COMPONENTS, C_FEES, C_FEE_AMOUNT, C_RESULT, C_POPULATION_DB, C_JUDICIAL_RECORD,
    C_STEPS, C_NOTES, C_COUNT
};
static const char *s_columns [C_COUNT] = {
    "code", "valid_from", "valid_to", "level", "name", "field", "agency", "division",
    "limit_value", "limit_unit", "online_limit_value", "online_limit_unit", "norm_value", "online_level",
    "components", "fees", "fee_amount", "result", "population_db", "judicial_record",
    "steps", "notes"
};

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
//  The district level was abolished on 1/7/2025 (research/law-2025.md §3).
#define DISTRICT_END_MS  1751302800000LL    //  2025-07-01T00:00:00+07:00

typedef struct {
    const char *file;
    int line;
    char *cell [C_COUNT];           //  normalised cells (owned)
    int64_t from, to;               //  window, ms; VALID_EVER / VALID_OPEN
    int n_steps;
    char *step_name [MAX_STEPS];    //  owned
    char *step_division [MAX_STEPS];
    int step_hours [MAX_STEPS];
} row_t;

typedef struct {
    row_t *rows;
    size_t count, size;
    int errors;
    cli_t *cli;
    zhash_t *agencies;              //  code → "1"
    zhash_t *divisions;             //  code → agency code
} import_t;

//  ---------------------------------------------------------------------
//  Text helpers

static char *
s_trimmed (const char *text, size_t len)
{
    while (len && isspace ((unsigned char) *text))
        text++, len--;
    while (len && isspace ((unsigned char) text [len - 1]))
        len--;
    char *copy = (char *) malloc (len + 1);
    memcpy (copy, text, len);
    copy [len] = 0;
    return copy;
}

//  Positive decimal integer of at most `digits` digits, or -1.
static long long
s_number (const char *text, int digits)
{
    if (!*text || (int) strlen (text) > digits)
        return -1;
    for (const char *p = text; *p; p++)
        if (!isdigit ((unsigned char) *p))
            return -1;
    return atoll (text);
}

static bool
s_one_of (const char *text, const char *const *allowed)
{
    for (; *allowed; allowed++)
        if (streq (text, *allowed))
            return true;
    return false;
}

static void
s_replace (char **cell, char *value)
{
    free (*cell);
    *cell = value;
}

//  ---------------------------------------------------------------------
//  Validity windows: a date is a local day (valid_to: the last day in
//  force); a time YYYY-MM-DDTHH:MM:SS is an instant (valid_to: the instant
//  it ended, when the next version began).

static int
s_parse_time (const char *text, bool end, int64_t *at_ms)
{
    if (!*text) {
        *at_ms = end ? VALID_OPEN : VALID_EVER;
        return 0;
    }
    char date [11];
    if (strlen (text) < 10)
        return -1;
    memcpy (date, text, 10);
    date [10] = 0;
    int64_t midnight;
    if (vn_parse_date (date, &midnight))
        return -1;
    if (!text [10]) {
        *at_ms = end ? midnight + MS_PER_DAY : midnight;
        return 0;
    }
    int hour, minute, second, used = 0;
    if ((text [10] != 'T' && text [10] != ' ')
    ||  sscanf (text + 11, "%2d:%2d:%2d%n", &hour, &minute, &second, &used) != 3
    ||  text [11 + used] || hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0)
        return -1;
    *at_ms = midnight + ((int64_t) hour * 3600 + minute * 60 + second) * 1000;
    return 0;
}

static void
s_format_time (int64_t at_ms, bool end, char *buf, size_t size)
{
    if (at_ms == VALID_EVER || at_ms == VALID_OPEN) {
        *buf = 0;
        return;
    }
    vn_civil_t civil;
    if (vn_day_start (at_ms) == at_ms) {
        vn_civil (end ? at_ms - MS_PER_DAY : at_ms, &civil);
        snprintf (buf, size, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
    }
    else {
        vn_civil (at_ms, &civil);
        snprintf (buf, size, "%04d-%02d-%02dT%02d:%02d:%02d", civil.year, civil.month, civil.day,
                  civil.hour, civil.minute, civil.second);
    }
}

//  The instant as a query parameter (NULL for since always / still open).
static const char *
s_param_time (int64_t at_ms, char *buf, size_t size)
{
    if (at_ms == VALID_EVER || at_ms == VALID_OPEN)
        return NULL;
    snprintf (buf, size, "%lld", (long long) at_ms);
    return buf;
}

//  ---------------------------------------------------------------------
//  Reading and checking rows

static void
s_fail (import_t *self, const char *file, int line, const char *format, ...)
{
    char message [512], where [300];
    va_list args;
    va_start (args, format);
    vsnprintf (message, sizeof message, format, args);
    va_end (args);
    if (line > 0)
        snprintf (where, sizeof where, "%s line %d", file, line);
    else
        snprintf (where, sizeof where, "%s", file);
    Motcua__V1__Error error = MOTCUA__V1__ERROR__INIT;
    error.code = MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT;
    error.field = where;
    error.message = message;
    cli_refused (self->cli, &error);
    self->errors++;
}

static int
s_hours_per (const char *unit)
{
    return streq (unit, "working_days") ? 8 : streq (unit, "working_hours") ? 1 : 24;
}

//  Split a ;-separated cell into trimmed, non-empty items; rejoin them.
static char *
s_list (const char *cell)
{
    csv_buffer_t out = { NULL, 0, 0 };
    csv_put (&out, 0);
    out.len = 0;
    const char *start = cell;
    for (const char *p = cell; ; p++)
        if (*p == ';' || !*p) {
            char *item = s_trimmed (start, (size_t) (p - start));
            if (*item) {
                if (out.len)
                    csv_put (&out, ';');
                for (char *c = item; *c; c++)
                    csv_put (&out, *c);
            }
            free (item);
            if (!*p)
                break;
            start = p + 1;
        }
    return out.data;
}

//  Check a row and normalise its cells. 0 or -1 (reported).
static int
s_check (import_t *self, row_t *row)
{
    char **cell = row->cell;
    const char *file = row->file;
    int line = row->line, before = self->errors;
    static const char *levels [] = { "province", "commune", "district", NULL };
    static const char *units [] = { "working_days", "working_hours", "calendar_days", NULL };
    static const char *online_levels [] = { "full", "partial", "none", NULL };
    static const char *results [] = { "document", "certificate", "banner", "medal", NULL };

    const char *code = cell [C_CODE];
    bool national = strlen (code) == 8 && isdigit ((unsigned char) code [0]) && code [1] == '.'
                 && s_number (code + 2, 6) >= 0 && strlen (code + 2) == 6;
    bool provincial = false;
    if (!national && code [0] == 'H' && strlen (code) <= 32) {
        //  H27.NV.001: a province's placeholder for a code not found
        int prefix = 0, used = 0;
        char middle [32] = "";
        provincial = sscanf (code, "H%2d.%31[A-Z0-9].%n", &prefix, middle, &used) == 2 && used > 0
                  && strlen (code + used) == 3 && s_number (code + used, 3) >= 0;
    }
    if (!national && !provincial)
        s_fail (self, file, line, "code '%s' is neither a national code N.NNNNNN nor a provincial placeholder like H27.NV.001", code);
    if (s_parse_time (cell [C_FROM], false, &row->from))
        s_fail (self, file, line, "valid_from '%s' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", cell [C_FROM]);
    if (s_parse_time (cell [C_TO], true, &row->to))
        s_fail (self, file, line, "valid_to '%s' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", cell [C_TO]);
    else
    if (row->to <= row->from)
        s_fail (self, file, line, "valid_to '%s' is not after valid_from '%s'", cell [C_TO], cell [C_FROM]);
    if (!s_one_of (cell [C_LEVEL], levels))
        s_fail (self, file, line, "level '%s' is not province, commune or district", cell [C_LEVEL]);
    else
    if (streq (cell [C_LEVEL], "district") && row->to > DISTRICT_END_MS)
        s_fail (self, file, line, "a district-level version must end by 2025-06-30 (the district level was abolished on 1/7/2025)");
    if (!*cell [C_NAME] || !*cell [C_FIELD])
        s_fail (self, file, line, "name and field may not be empty");
    if (!zhash_lookup (self->agencies, cell [C_AGENCY]))
        s_fail (self, file, line, "unknown agency '%s'", cell [C_AGENCY]);
    const char *owner = (const char *) zhash_lookup (self->divisions, cell [C_DIVISION]);
    if (!owner)
        s_fail (self, file, line, "unknown division '%s'", cell [C_DIVISION]);
    else
    if (!streq (owner, cell [C_AGENCY]))
        s_fail (self, file, line, "division '%s' belongs to agency %s, not %s", cell [C_DIVISION], owner, cell [C_AGENCY]);

    long long limit = s_number (cell [C_LIMIT], 4);
    bool unit_ok = s_one_of (cell [C_UNIT], units);
    if (limit <= 0)
        s_fail (self, file, line, "limit_value '%s' is not a positive number", cell [C_LIMIT]);
    if (!unit_ok)
        s_fail (self, file, line, "limit_unit '%s' is not working_days, working_hours or calendar_days", cell [C_UNIT]);
    if (*cell [C_ONLINE_LIMIT] || *cell [C_ONLINE_UNIT]) {
        if (s_number (cell [C_ONLINE_LIMIT], 4) <= 0 || !s_one_of (cell [C_ONLINE_UNIT], units))
            s_fail (self, file, line, "online limit '%s %s' needs a positive value and a unit", cell [C_ONLINE_LIMIT], cell [C_ONLINE_UNIT]);
    }
    long long norm = 0;
    if (*cell [C_NORM]) {
        norm = s_number (cell [C_NORM], 4);
        if (norm <= 0)
            s_fail (self, file, line, "norm_value '%s' is not a positive number", cell [C_NORM]);
        else
        if (limit > 0 && norm > limit)
            s_fail (self, file, line, "the service norm (%lld %s) is longer than the legal limit (%lld %s)",
                    norm, cell [C_UNIT], limit, cell [C_UNIT]);
    }
    if (!s_one_of (cell [C_ONLINE_LEVEL], online_levels))
        s_fail (self, file, line, "online_level '%s' is not full, partial or none", cell [C_ONLINE_LEVEL]);
    if (*cell [C_FEE_AMOUNT] && s_number (cell [C_FEE_AMOUNT], 12) < 0)
        s_fail (self, file, line, "fee_amount '%s' is not a whole number of đồng", cell [C_FEE_AMOUNT]);
    if (!s_one_of (cell [C_RESULT], results))
        s_fail (self, file, line, "result '%s' is not document, certificate, banner or medal", cell [C_RESULT]);
    for (int c = C_POPULATION_DB; c <= C_JUDICIAL_RECORD; c++)
        if (!streq (cell [c], "yes") && !streq (cell [c], "no"))
            s_fail (self, file, line, "%s '%s' is not yes or no", s_columns [c], cell [c]);

    //  The internal process: name@division:hours;… adding up to the limit
    //  (or to the service norm), in working hours (calendar hours for a
    //  limit in calendar days).
    s_replace (&cell [C_STEPS], s_list (cell [C_STEPS]));
    long long total = 0;
    bool steps_ok = *cell [C_STEPS] != 0;
    if (!steps_ok)
        s_fail (self, file, line, "no steps: the internal process is name@division:hours;…");
    char *steps = strdup (cell [C_STEPS]), *save = NULL;
    for (char *step = strtok_r (steps, ";", &save); step && steps_ok; step = strtok_r (NULL, ";", &save)) {
        char *at = strrchr (step, '@');
        char *colon = at ? strrchr (at, ':') : NULL;
        if (!at || !colon || at == step) {
            s_fail (self, file, line, "step '%s' is not name@division:hours", step);
            steps_ok = false;
            break;
        }
        *at = 0;
        *colon = 0;
        char *name = s_trimmed (step, strlen (step));
        char *division = s_trimmed (at + 1, strlen (at + 1));
        char *hours_text = s_trimmed (colon + 1, strlen (colon + 1));
        long long hours = s_number (hours_text, 5);
        if (row->n_steps == MAX_STEPS) {
            s_fail (self, file, line, "more than %d steps", MAX_STEPS);
            steps_ok = false;
        }
        else
        if (!*name || hours <= 0 || !zhash_lookup (self->divisions, division)) {
            s_fail (self, file, line, "step '%s@%s:%s': %s", name, division, hours_text,
                    !*name ? "no name" : hours <= 0 ? "the quota is not a positive number of hours"
                                                    : "unknown division");
            steps_ok = false;
        }
        else {
            row->step_name [row->n_steps] = strdup (name);
            row->step_division [row->n_steps] = strdup (division);
            row->step_hours [row->n_steps++] = (int) hours;
            total += hours;
        }
        free (name);
        free (division);
        free (hours_text);
    }
    free (steps);
    if (steps_ok && limit > 0 && unit_ok && norm <= limit) {
        long long needed = (norm > 0 && norm <= limit ? norm : limit) * s_hours_per (cell [C_UNIT]);
        if (total != needed)
            s_fail (self, file, line, "the steps add up to %lld hours, but the %s of %lld %s needs %lld",
                    total, norm > 0 ? "service norm" : "limit", norm > 0 ? norm : limit, cell [C_UNIT], needed);
    }
    if (self->errors > before)
        return -1;

    //  Normalised cells, as export writes them.
    char number [24];
    snprintf (number, sizeof number, "%lld", limit);
    s_replace (&cell [C_LIMIT], strdup (number));
    if (*cell [C_ONLINE_LIMIT]) {
        snprintf (number, sizeof number, "%lld", s_number (cell [C_ONLINE_LIMIT], 4));
        s_replace (&cell [C_ONLINE_LIMIT], strdup (number));
    }
    if (norm > 0) {
        snprintf (number, sizeof number, "%lld", norm);
        s_replace (&cell [C_NORM], strdup (number));
    }
    if (*cell [C_FEE_AMOUNT]) {
        snprintf (number, sizeof number, "%lld", s_number (cell [C_FEE_AMOUNT], 12));
        s_replace (&cell [C_FEE_AMOUNT], strdup (number));
    }
    s_replace (&cell [C_COMPONENTS], s_list (cell [C_COMPONENTS]));
    csv_buffer_t canonical = { NULL, 0, 0 };
    for (int i = 0; i < row->n_steps; i++) {
        snprintf (number, sizeof number, "%d", row->step_hours [i]);
        const char *parts [] = { i ? ";" : "", row->step_name [i], "@", row->step_division [i], ":", number };
        for (size_t k = 0; k < sizeof parts / sizeof parts [0]; k++)
            for (const char *p = parts [k]; *p; p++)
                csv_put (&canonical, *p);
    }
    s_replace (&cell [C_STEPS], canonical.data);
    return 0;
}

static void
s_row_free (row_t *row)
{
    for (int c = 0; c < C_COUNT; c++)
        free (row->cell [c]);
    for (int i = 0; i < row->n_steps; i++) {
        free (row->step_name [i]);
        free (row->step_division [i]);
    }
}

//  Read and check one file's rows. Reports every bad row.
static void
s_read (import_t *self, const char *path)
{
    const char *cursor;
    char *text = cli_read_file (path, &cursor);
    if (!text) {
        s_fail (self, path, 0, "cannot read the file");
        return;
    }
    int line = 1, map [C_COUNT + 8], columns = 0;
    char *cells [C_COUNT + 8], error [128];
    bool header = true;
    while (true) {
        int at = line;
        while (*cursor == '#' || *cursor == '\n' || (*cursor == '\r' && cursor [1] == '\n')) {
            const char *next = strchr (cursor, '\n');
            cursor = next ? next + 1 : cursor + strlen (cursor);
            at = ++line;
        }
        int count = csv_record (&cursor, &line, cells, C_COUNT + 8, error, sizeof error);
        if (count == 0)
            break;
        if (count < 0) {
            s_fail (self, path, at, "%s", error);
            if (header)
                break;
            continue;
        }
        if (header) {
            header = false;
            columns = count;
            bool seen [C_COUNT] = { false };
            for (int i = 0; i < count; i++) {
                char *name = s_trimmed (cells [i], strlen (cells [i]));
                map [i] = -1;
                for (int c = 0; c < C_COUNT; c++)
                    if (streq (name, s_columns [c]))
                        map [i] = c;
                if (map [i] < 0 || seen [map [i]])
                    s_fail (self, path, at, "column '%s' is %s", name, map [i] < 0 ? "unknown" : "given twice");
                else
                    seen [map [i]] = true;
                free (name);
                free (cells [i]);
            }
            for (int c = 0; c < C_COUNT; c++)
                if (!seen [c]) {
                    s_fail (self, path, at, "the header lacks column '%s' (columns: code,valid_from,valid_to,level,"
                            "name,field,agency,division,limit_value,limit_unit,online_limit_value,online_limit_unit,"
                            "norm_value,online_level,components,fees,fee_amount,result,population_db,"
                            "judicial_record,steps,notes)", s_columns [c]);
                    break;
                }
            if (self->errors)
                break;
            continue;
        }
        if (self->count == self->size) {
            self->size = self->size ? self->size * 2 : 64;
            self->rows = (row_t *) realloc (self->rows, self->size * sizeof (row_t));
        }
        row_t *row = &self->rows [self->count];
        memset (row, 0, sizeof *row);
        row->file = path;
        row->line = at;
        for (int i = 0; i < count && i < columns; i++)
            if (map [i] >= 0)
                row->cell [map [i]] = s_trimmed (cells [i], strlen (cells [i]));
        for (int i = 0; i < count; i++)
            free (cells [i]);
        for (int c = 0; c < C_COUNT; c++)
            if (!row->cell [c])
                row->cell [c] = strdup ("");
        self->count++;
        if (count != columns)
            s_fail (self, path, at, "%d cells, the header has %d", count, columns);
        else
            s_check (self, row);
    }
    if (header && !self->errors)
        s_fail (self, path, 1, "no header line");
    free (text);
}

//  Two rows of one code in force at the same time?
static void
s_check_overlaps (import_t *self)
{
    for (size_t i = 0; i < self->count; i++)
        for (size_t j = i + 1; j < self->count; j++) {
            row_t *a = &self->rows [i], *b = &self->rows [j];
            if (streq (a->cell [C_CODE], b->cell [C_CODE]) && a->from < b->to && b->from < a->to)
                s_fail (self, b->file, b->line, "%s is already in force then (%s line %d)",
                        b->cell [C_CODE], a->file, a->line);
        }
}

//  ---------------------------------------------------------------------
//  Writing

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
s_insert (db_t *db, const row_t *row, int64_t from, int64_t to)
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
        s_param_time (from, from_text, sizeof from_text), s_param_time (to, to_text, sizeof to_text),
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
        char position [8], hours [16];
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
    const char *params [2] = { id, s_param_time (to, to_text, sizeof to_text) };
    return db_exec (db, "UPDATE catalog.procedure_version SET valid_to = to_timestamp ($2::bigint / 1000.0)"
                        " WHERE id = $1", 2, params);
}

typedef struct {
    int added, changed, unchanged, annotated;
} tally_t;

//  Apply one checked row at instant now (whole seconds). 0 or -1.
static int
s_apply (db_t *db, const row_t *row, int64_t now, tally_t *tally, char *error, size_t size)
{
    char from_text [24], to_text [24];
    const char *params [3] = { row->cell [C_CODE],
        s_param_time (row->from, from_text, sizeof from_text), s_param_time (row->to, to_text, sizeof to_text) };
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

static int
s_load_reference (import_t *self, db_t *db)
{
    PGresult *agencies = db_query (db, "SELECT code FROM catalog.agency", 0, NULL);
    PGresult *divisions = db_query (db, "SELECT code, agency_code FROM catalog.division", 0, NULL);
    for (int i = 0; agencies && i < PQntuples (agencies); i++)
        zhash_insert (self->agencies, PQgetvalue (agencies, i, 0), "1");
    for (int i = 0; divisions && i < PQntuples (divisions); i++) {
        zhash_insert (self->divisions, PQgetvalue (divisions, i, 0), strdup (PQgetvalue (divisions, i, 1)));
        zhash_freefn (self->divisions, PQgetvalue (divisions, i, 0), free);
    }
    int rc = agencies && divisions ? 0 : -1;
    if (agencies)
        PQclear (agencies);
    if (divisions)
        PQclear (divisions);
    return rc;
}

static int
s_import (cli_t *cli, db_t *db)
{
    import_t self = { NULL, 0, 0, 0, cli, zhash_new (), zhash_new () };
    int rc = 0;
    if (s_load_reference (&self, db)) {
        fprintf (stderr, "motcua: UNAVAILABLE: cannot read agencies and divisions (%s)\n", db_error (db));
        rc = EXIT_NO_ANSWER;
    }
    for (int i = 0; rc == 0 && i < cli->n_positional; i++)
        s_read (&self, cli->positional [i]);
    if (rc == 0 && !self.errors)
        s_check_overlaps (&self);
    if (rc == 0 && self.errors)
        rc = EXIT_REFUSED;

    tally_t tally = { 0, 0, 0, 0 };
    if (rc == 0) {
        char error [512] = "";
        PGresult *clock = db_begin (db) ? NULL
            : db_query (db, "SELECT round (extract (epoch FROM date_trunc ('second', now ())) * 1000)::bigint", 0, NULL);
        int64_t now = clock ? atoll (PQgetvalue (clock, 0, 0)) : 0;
        if (clock)
            PQclear (clock);
        size_t done = 0;
        if (!clock)
            snprintf (error, sizeof error, "%s", db_error (db));
        else
            for (; done < self.count; done++)
                if (s_apply (db, &self.rows [done], now, &tally, error, sizeof error)) {
                    if (!*error)
                        snprintf (error, sizeof error, "%s", db_error (db));
                    break;
                }
        if (!*error && db_commit (db)) {
            snprintf (error, sizeof error, "%s", db_error (db));
            done = self.count;          //  at commit: the internal-process check
        }
        if (*error) {
            db_rollback (db);
            if (done < self.count)
                s_fail (&self, self.rows [done].file, self.rows [done].line, "%s", error);
            else
                s_fail (&self, cli->positional [0], 0, "%s", error);
            rc = EXIT_REFUSED;
        }
    }
    if (rc == 0) {
        if (cli->json)
            printf ("{\"added\":%d,\"changed\":%d,\"unchanged\":%d,\"notes_updated\":%d}\n",
                    tally.added, tally.changed, tally.unchanged, tally.annotated);
        else
            printf ("catalogue: %d version(s) added, %d changed, %d unchanged, %d with new notes\n",
                    tally.added, tally.changed, tally.unchanged, tally.annotated);
    }
    else
    if (rc == EXIT_REFUSED && !cli->json)
        fprintf (stderr, "motcua: nothing was imported (%d error(s))\n", self.errors);
    for (size_t i = 0; i < self.count; i++)
        s_row_free (&self.rows [i]);
    free (self.rows);
    zhash_destroy (&self.agencies);
    zhash_destroy (&self.divisions);
    return rc;
}

static int
s_export (cli_t *cli, db_t *db, const char *path)
{
    PGresult *result = db_query (db,
        "SELECT v.code, " VERSION_WINDOW ", " VERSION_CELLS " FROM catalog.procedure_version v"
        " ORDER BY v.code, v.valid_from, v.id", 0, NULL);
    if (!result) {
        fprintf (stderr, "motcua: UNAVAILABLE: %s\n", db_error (db));
        return EXIT_NO_ANSWER;
    }
    bool to_stdout = streq (path, "-");
    FILE *out = to_stdout ? stdout : fopen (path, "w");
    if (!out) {
        fprintf (stderr, "motcua: INVALID_ARGUMENT: cannot write %s\n", path);
        PQclear (result);
        return EXIT_REFUSED;
    }
    fprintf (out, "# motcua procedure catalogue: one row per version of a procedure (format: README.md, \"Catalogue\").\n"
                  "# valid_from: first day (or instant) in force, empty = since always; valid_to: last day in force\n"
                  "# (or the instant the next version began), empty = still in force. Lists are ;-separated;\n"
                  "# steps are name@division:hours and add up to the limit (or the service norm) in hours.\n");
    for (int c = 0; c < C_COUNT; c++)
        csv_write (out, s_columns [c], c == C_COUNT - 1);
    int rows = PQntuples (result);
    zhash_t *codes = zhash_new ();
    for (int i = 0; i < rows; i++) {
        char from [32], to [32];
        s_format_time (PQgetisnull (result, i, 1) ? VALID_EVER : atoll (PQgetvalue (result, i, 1)), false, from, sizeof from);
        s_format_time (PQgetisnull (result, i, 2) ? VALID_OPEN : atoll (PQgetvalue (result, i, 2)), true, to, sizeof to);
        csv_write (out, PQgetvalue (result, i, 0), false);
        csv_write (out, from, false);
        csv_write (out, to, false);
        for (int c = C_LEVEL; c < C_COUNT; c++)
            csv_write (out, PQgetvalue (result, i, 3 + c - C_LEVEL), c == C_COUNT - 1);
        zhash_insert (codes, PQgetvalue (result, i, 0), "1");
    }
    int rc = 0;
    if (!to_stdout && fclose (out)) {
        fprintf (stderr, "motcua: INVALID_ARGUMENT: cannot write %s\n", path);
        rc = EXIT_REFUSED;
    }
    if (rc == 0 && !to_stdout) {
        if (cli->json)
            printf ("{\"versions\":%d,\"procedures\":%zu,\"file\":\"%s\"}\n", rows, zhash_size (codes), path);
        else
            printf ("catalogue: %d version(s) of %zu procedure(s) written to %s\n", rows, zhash_size (codes), path);
    }
    zhash_destroy (&codes);
    PQclear (result);
    return rc;
}

int
cmd_catalog_import (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional < 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua catalog import FILE.csv…");
    }
    db_t *db = cli_db (&cli);
    int rc = db ? s_import (&cli, db) : EXIT_NO_ANSWER;
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

int
cmd_catalog_export (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua catalog export FILE.csv (- for standard output)");
    }
    db_t *db = cli_db (&cli);
    int rc = db ? s_export (&cli, db, cli.positional [0]) : EXIT_NO_ANSWER;
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}
