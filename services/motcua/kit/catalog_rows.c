/*  catalog_rows — the catalogue's CSV rows read and checked: cells
    normalised, windows parsed, steps adding up to the time limit, every
    bad row reported with its line and the reason. See catalog_rows.h.     */
#include "catalog_rows.h"
#include "csv.h"
#include <ctype.h>
#include <limits.h>
#include "rule_set.h"
#include "vntime.h"


const char *catalog_columns [C_COUNT] = {
    "code", "valid_from", "valid_to", "level", "name", "field", "agency", "division",
    "limit_value", "limit_unit", "online_limit_value", "online_limit_unit", "norm_value", "online_level",
    "components", "fees", "fee_amount", "result", "population_db", "judicial_record",
    "steps", "notes"
};

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

void
catalog_format_time (int64_t at_ms, bool end, char *buf, size_t size)
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
const char *
catalog_param_time (int64_t at_ms, char *buf, size_t size)
{
    if (at_ms == VALID_EVER || at_ms == VALID_OPEN)
        return NULL;
    snprintf (buf, size, "%lld", (long long) at_ms);
    return buf;
}

//  ---------------------------------------------------------------------
//  Reading and checking rows

void
catalog_fail (catalog_import_t *self, const char *file, int line, const char *format, ...)
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
s_check (catalog_import_t *self, catalog_row_t *row)
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
        catalog_fail (self, file, line, "code '%s' is neither a national code N.NNNNNN nor a provincial placeholder like H27.NV.001", code);
    if (s_parse_time (cell [C_FROM], false, &row->from))
        catalog_fail (self, file, line, "valid_from '%s' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", cell [C_FROM]);
    if (s_parse_time (cell [C_TO], true, &row->to))
        catalog_fail (self, file, line, "valid_to '%s' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", cell [C_TO]);
    else
    if (row->to <= row->from)
        catalog_fail (self, file, line, "valid_to '%s' is not after valid_from '%s'", cell [C_TO], cell [C_FROM]);
    if (!s_one_of (cell [C_LEVEL], levels))
        catalog_fail (self, file, line, "level '%s' is not province, commune or district", cell [C_LEVEL]);
    else
    if (streq (cell [C_LEVEL], "district") && row->to > rule_set_cutover ())   //  abolished at the cut-over (law-2025.md §3)
        catalog_fail (self, file, line, "a district-level version must end by 2025-06-30 (the district level was abolished on 1/7/2025)");
    if (!*cell [C_NAME] || !*cell [C_FIELD])
        catalog_fail (self, file, line, "name and field may not be empty");
    if (!zhash_lookup (self->agencies, cell [C_AGENCY]))
        catalog_fail (self, file, line, "unknown agency '%s'", cell [C_AGENCY]);
    const char *owner = (const char *) zhash_lookup (self->divisions, cell [C_DIVISION]);
    if (!owner)
        catalog_fail (self, file, line, "unknown division '%s'", cell [C_DIVISION]);
    else
    if (!streq (owner, cell [C_AGENCY]))
        catalog_fail (self, file, line, "division '%s' belongs to agency %s, not %s", cell [C_DIVISION], owner, cell [C_AGENCY]);

    long long limit = s_number (cell [C_LIMIT], 4);
    bool unit_ok = s_one_of (cell [C_UNIT], units);
    if (limit <= 0)
        catalog_fail (self, file, line, "limit_value '%s' is not a positive number", cell [C_LIMIT]);
    if (!unit_ok)
        catalog_fail (self, file, line, "limit_unit '%s' is not working_days, working_hours or calendar_days", cell [C_UNIT]);
    if (*cell [C_ONLINE_LIMIT] || *cell [C_ONLINE_UNIT]) {
        if (s_number (cell [C_ONLINE_LIMIT], 4) <= 0 || !s_one_of (cell [C_ONLINE_UNIT], units))
            catalog_fail (self, file, line, "online limit '%s %s' needs a positive value and a unit", cell [C_ONLINE_LIMIT], cell [C_ONLINE_UNIT]);
    }
    long long norm = 0;
    if (*cell [C_NORM]) {
        norm = s_number (cell [C_NORM], 4);
        if (norm <= 0)
            catalog_fail (self, file, line, "norm_value '%s' is not a positive number", cell [C_NORM]);
        else
        if (limit > 0 && norm > limit)
            catalog_fail (self, file, line, "the service norm (%lld %s) is longer than the legal limit (%lld %s)",
                    norm, cell [C_UNIT], limit, cell [C_UNIT]);
    }
    if (!s_one_of (cell [C_ONLINE_LEVEL], online_levels))
        catalog_fail (self, file, line, "online_level '%s' is not full, partial or none", cell [C_ONLINE_LEVEL]);
    if (*cell [C_FEE_AMOUNT] && s_number (cell [C_FEE_AMOUNT], 12) < 0)
        catalog_fail (self, file, line, "fee_amount '%s' is not a whole number of đồng", cell [C_FEE_AMOUNT]);
    if (!s_one_of (cell [C_RESULT], results))
        catalog_fail (self, file, line, "result '%s' is not document, certificate, banner or medal", cell [C_RESULT]);
    for (int c = C_POPULATION_DB; c <= C_JUDICIAL_RECORD; c++)
        if (!streq (cell [c], "yes") && !streq (cell [c], "no"))
            catalog_fail (self, file, line, "%s '%s' is not yes or no", catalog_columns [c], cell [c]);

    //  The internal process: name@division:hours;… adding up to the limit
    //  (or to the service norm), in working hours (calendar hours for a
    //  limit in calendar days).
    s_replace (&cell [C_STEPS], s_list (cell [C_STEPS]));
    long long total = 0;
    bool steps_ok = *cell [C_STEPS] != 0;
    if (!steps_ok)
        catalog_fail (self, file, line, "no steps: the internal process is name@division:hours;…");
    char *steps = strdup (cell [C_STEPS]), *save = NULL;
    for (char *step = strtok_r (steps, ";", &save); step && steps_ok; step = strtok_r (NULL, ";", &save)) {
        char *at = strrchr (step, '@');
        char *colon = at ? strrchr (at, ':') : NULL;
        if (!at || !colon || at == step) {
            catalog_fail (self, file, line, "step '%s' is not name@division:hours", step);
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
            catalog_fail (self, file, line, "more than %d steps", MAX_STEPS);
            steps_ok = false;
        }
        else
        if (!*name || hours <= 0 || !zhash_lookup (self->divisions, division)) {
            catalog_fail (self, file, line, "step '%s@%s:%s': %s", name, division, hours_text,
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
            catalog_fail (self, file, line, "the steps add up to %lld hours, but the %s of %lld %s needs %lld",
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

void
catalog_row_free (catalog_row_t *row)
{
    for (int c = 0; c < C_COUNT; c++)
        free (row->cell [c]);
    for (int i = 0; i < row->n_steps; i++) {
        free (row->step_name [i]);
        free (row->step_division [i]);
    }
}

//  Read and check one file's rows. Reports every bad row.
void
catalog_read (catalog_import_t *self, const char *path)
{
    const char *cursor;
    char *text = cli_read_file (path, &cursor);
    if (!text) {
        catalog_fail (self, path, 0, "cannot read the file");
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
            catalog_fail (self, path, at, "%s", error);
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
                    if (streq (name, catalog_columns [c]))
                        map [i] = c;
                if (map [i] < 0 || seen [map [i]])
                    catalog_fail (self, path, at, "column '%s' is %s", name, map [i] < 0 ? "unknown" : "given twice");
                else
                    seen [map [i]] = true;
                free (name);
                free (cells [i]);
            }
            for (int c = 0; c < C_COUNT; c++)
                if (!seen [c]) {
                    catalog_fail (self, path, at, "the header lacks column '%s' (columns: code,valid_from,valid_to,level,"
                            "name,field,agency,division,limit_value,limit_unit,online_limit_value,online_limit_unit,"
                            "norm_value,online_level,components,fees,fee_amount,result,population_db,"
                            "judicial_record,steps,notes)", catalog_columns [c]);
                    break;
                }
            if (self->errors)
                break;
            continue;
        }
        if (self->count == self->size) {
            self->size = self->size ? self->size * 2 : 64;
            self->rows = (catalog_row_t *) realloc (self->rows, self->size * sizeof (catalog_row_t));
        }
        catalog_row_t *row = &self->rows [self->count];
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
            catalog_fail (self, path, at, "%d cells, the header has %d", count, columns);
        else
            s_check (self, row);
    }
    if (header && !self->errors)
        catalog_fail (self, path, 1, "no header line");
    free (text);
}

//  Two rows of one code in force at the same time?
void
catalog_check_overlaps (catalog_import_t *self)
{
    for (size_t i = 0; i < self->count; i++)
        for (size_t j = i + 1; j < self->count; j++) {
            catalog_row_t *a = &self->rows [i], *b = &self->rows [j];
            if (streq (a->cell [C_CODE], b->cell [C_CODE]) && a->from < b->to && b->from < a->to)
                catalog_fail (self, b->file, b->line, "%s is already in force then (%s line %d)",
                        b->cell [C_CODE], a->file, a->line);
        }
}
