/*  calendar — the working calendar of Vietnamese state offices. See
    calendar.h for the rules and the declaration format.

    A year's list is computed once and cached: the statutory holidays of the
    year and of the one before (a compensatory day may cross New Year), the
    compensatory days of art. 111(3), then the declared days off and make-up
    days; one entry per date, a make-up working day winning over any day off.

    Two holidays on the same date (the Hùng Kings' day can fall on 30/4 or
    1/5) make one day off with both names: the Labour Code gives no
    compensatory day for that case, the government would declare one.        */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "vntime.h"
#include "lunar.h"
#include "calendar.h"

#define s_YEARS  (LUNAR_YEAR_MAX - LUNAR_YEAR_MIN + 1)
#define s_LINE_MAX 512

typedef enum {
    s_DECL_TET = 1,
    s_DECL_NATIONAL,
    s_DECL_HOLIDAY,
    s_DECL_DAYOFF,
    s_DECL_WORKDAY
} s_decl_kind_t;

typedef struct {
    int64_t days;                       //  days since 1970-01-01
    int year, month, day;
    int line;                           //  where it was declared
    s_decl_kind_t kind;
    char reason [CALENDAR_REASON_MAX];
} s_decl_t;

typedef struct {
    calendar_day_t *days;
    int count;
} s_year_t;

struct _calendar_t {
    s_decl_t *decls;                    //  every declaration parsed so far
    size_t decl_count;
    s_year_t *years [s_YEARS];          //  computed years, NULL until used
};

//  A growing list of days
typedef struct {
    calendar_day_t *days;
    int count, capacity;
} s_list_t;

static const char *s_kind_names [] = { "", "holiday", "compensatory", "dayoff", "workday" };

//  --------------------------------------------------------------------------
//  Small helpers

static int
s_weekday (int64_t days)
{
    int64_t wd = (days + 4) % 7;        //  1970-01-01 was a Thursday
    return (int) (wd < 0 ? wd + 7 : wd);
}

static bool
s_weekend (int64_t days)
{
    int wd = s_weekday (days);
    return wd == 0 || wd == 6;
}

static bool
s_valid_date (int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    int y, m, d;
    vn_civil_from_days (vn_days_from_civil (year, month, day), &y, &m, &d);
    return y == year && m == month && d == day;
}

static void
s_error (char *error, size_t size, int line, const char *why)
{
    if (error && size)
        snprintf (error, size, "line %d: %s", line, why);
}

static int
s_list_add (s_list_t *list, int64_t days, calendar_kind_t kind, const char *reason)
{
    if (list->count == list->capacity) {
        int capacity = list->capacity ? list->capacity * 2 : 32;
        calendar_day_t *grown = realloc (list->days, capacity * sizeof *grown);
        if (!grown)
            return -1;
        list->days = grown;
        list->capacity = capacity;
    }
    calendar_day_t *entry = &list->days [list->count++];
    memset (entry, 0, sizeof *entry);
    vn_civil_from_days (days, &entry->year, &entry->month, &entry->day);
    entry->weekday = s_weekday (days);
    entry->kind = kind;
    snprintf (entry->reason, sizeof entry->reason, "%s", reason);
    return 0;
}

static int64_t
s_entry_days (const calendar_day_t *entry)
{
    return vn_days_from_civil (entry->year, entry->month, entry->day);
}

static bool
s_list_has (const s_list_t *list, int64_t days)
{
    for (int i = 0; i < list->count; i++)
        if (s_entry_days (&list->days [i]) == days)
            return true;
    return false;
}

//  Merge order on one date: make-up day, holiday, declared day off, nghỉ bù.
static int
s_rank (calendar_kind_t kind)
{
    return kind == CALENDAR_WORKDAY ? 0 : kind == CALENDAR_HOLIDAY ? 1
         : kind == CALENDAR_DAYOFF ? 2 : 3;
}

static int
s_compare_days (const void *a, const void *b)
{
    const calendar_day_t *x = a, *y = b;
    int64_t dx = s_entry_days (x), dy = s_entry_days (y);
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return s_rank (x->kind) - s_rank (y->kind);
}

//  --------------------------------------------------------------------------
//  Computing a year

static bool
s_declared (const calendar_t *self, int year, s_decl_kind_t kind)
{
    for (size_t i = 0; i < self->decl_count; i++)
        if (self->decls [i].year == year && self->decls [i].kind == kind)
            return true;
    return false;
}

//  The public holidays of one year, declared placements applied.
static int
s_holidays (const calendar_t *self, int year, s_list_t *list)
{
    int month, day;
    int rc = s_list_add (list, vn_days_from_civil (year, 1, 1), CALENDAR_HOLIDAY, "Tết Dương lịch");
    //  Tết: the declared days, or the last two days of the old lunar year
    //  and mùng 1, 2, 3.
    if (!s_declared (self, year, s_DECL_TET)) {
        if (lunar_tet (year, &month, &day) == -1)
            return -1;
        int64_t tet = vn_days_from_civil (year, month, day);
        for (int64_t d = tet - 2; d <= tet + 2; d++)
            rc |= s_list_add (list, d, CALENDAR_HOLIDAY, "Tết Nguyên đán");
    }
    if (lunar_hung_kings (year, &month, &day) == -1)
        return -1;
    rc |= s_list_add (list, vn_days_from_civil (year, month, day), CALENDAR_HOLIDAY,
                      "Giỗ Tổ Hùng Vương");
    rc |= s_list_add (list, vn_days_from_civil (year, 4, 30), CALENDAR_HOLIDAY, "Ngày Chiến thắng");
    rc |= s_list_add (list, vn_days_from_civil (year, 5, 1), CALENDAR_HOLIDAY,
                      "Ngày Quốc tế Lao động");
    rc |= s_list_add (list, vn_days_from_civil (year, 9, 2), CALENDAR_HOLIDAY, "Quốc khánh");
    //  The day next to 2/9: declared, else 1/9.
    if (!s_declared (self, year, s_DECL_NATIONAL))
        rc |= s_list_add (list, vn_days_from_civil (year, 9, 1), CALENDAR_HOLIDAY, "Quốc khánh");
    for (size_t i = 0; i < self->decl_count; i++) {
        const s_decl_t *decl = &self->decls [i];
        if (decl->year != year)
            continue;
        if (decl->kind == s_DECL_TET)
            rc |= s_list_add (list, decl->days, CALENDAR_HOLIDAY, "Tết Nguyên đán");
        else
        if (decl->kind == s_DECL_NATIONAL)
            rc |= s_list_add (list, decl->days, CALENDAR_HOLIDAY, "Quốc khánh");
        else
        if (decl->kind == s_DECL_HOLIDAY)
            rc |= s_list_add (list, decl->days, CALENDAR_HOLIDAY, decl->reason);
    }
    return rc ? -1 : 0;
}

//  A declared day off or make-up day: either way not free for a nghỉ bù.
static bool
s_declared_swap (const calendar_t *self, int64_t days)
{
    for (size_t i = 0; i < self->decl_count; i++)
        if (self->decls [i].days == days
        &&  (self->decls [i].kind == s_DECL_DAYOFF || self->decls [i].kind == s_DECL_WORKDAY))
            return true;
    return false;
}

static s_year_t *
s_compute_year (const calendar_t *self, int year)
{
    s_list_t holidays = { 0 }, compensatory = { 0 }, all = { 0 };
    s_year_t *result = NULL;
    //  The year before too: its compensatory days may land in this year;
    //  and the next New Year's day, which a compensatory day must skip.
    if ((year > LUNAR_YEAR_MIN && s_holidays (self, year - 1, &holidays) == -1)
    ||  s_holidays (self, year, &holidays) == -1
    ||  s_list_add (&holidays, vn_days_from_civil (year + 1, 1, 1), CALENDAR_HOLIDAY,
                    "Tết Dương lịch") == -1)
        goto done;
    qsort (holidays.days, holidays.count, sizeof *holidays.days, s_compare_days);

    //  Art. 111(3): a holiday on a weekly rest day → the next working day.
    for (int i = 0; i < holidays.count; i++) {
        int64_t day = s_entry_days (&holidays.days [i]);
        if (!s_weekend (day) || (i > 0 && s_entry_days (&holidays.days [i - 1]) == day))
            continue;
        int64_t next = day + 1;
        while (s_weekend (next) || s_list_has (&holidays, next)
           ||  s_declared_swap (self, next) || s_list_has (&compensatory, next))
            next++;
        if (s_list_add (&compensatory, next, CALENDAR_COMPENSATORY, "nghỉ bù") == -1)
            goto done;
    }
    int rc = 0;
    for (int i = 0; i < holidays.count; i++)
        if (holidays.days [i].year == year)
            rc |= s_list_add (&all, s_entry_days (&holidays.days [i]), CALENDAR_HOLIDAY,
                              holidays.days [i].reason);
    for (int i = 0; i < compensatory.count; i++)
        if (compensatory.days [i].year == year)
            rc |= s_list_add (&all, s_entry_days (&compensatory.days [i]),
                              CALENDAR_COMPENSATORY, "nghỉ bù");
    for (size_t i = 0; i < self->decl_count; i++) {
        const s_decl_t *decl = &self->decls [i];
        if (decl->year == year && decl->kind == s_DECL_DAYOFF)
            rc |= s_list_add (&all, decl->days, CALENDAR_DAYOFF, decl->reason);
        else
        if (decl->year == year && decl->kind == s_DECL_WORKDAY)
            rc |= s_list_add (&all, decl->days, CALENDAR_WORKDAY, decl->reason);
    }
    if (rc)
        goto done;
    qsort (all.days, all.count, sizeof *all.days, s_compare_days);

    //  One entry per date: the first after sorting wins; two holidays share.
    int kept = 0;
    for (int i = 0; i < all.count; i++) {
        calendar_day_t *entry = &all.days [i];
        if (kept > 0 && s_entry_days (&all.days [kept - 1]) == s_entry_days (entry)) {
            calendar_day_t *winner = &all.days [kept - 1];
            if (winner->kind == CALENDAR_HOLIDAY && entry->kind == CALENDAR_HOLIDAY
            &&  strcmp (winner->reason, entry->reason) != 0
            &&  strlen (winner->reason) + strlen (entry->reason) + 3 < sizeof winner->reason) {
                strcat (winner->reason, ", ");
                strcat (winner->reason, entry->reason);
            }
            continue;
        }
        all.days [kept++] = *entry;
    }
    result = malloc (sizeof *result);
    if (!result)
        goto done;
    result->days = all.days;
    result->count = kept;
    all.days = NULL;
done:
    free (holidays.days);
    free (compensatory.days);
    free (all.days);
    return result;
}

static const s_year_t *
s_year (calendar_t *self, int year)
{
    if (year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX)
        return NULL;
    s_year_t **slot = &self->years [year - LUNAR_YEAR_MIN];
    if (!*slot)
        *slot = s_compute_year (self, year);
    return *slot;
}

static void
s_forget_years (calendar_t *self)
{
    for (int i = 0; i < s_YEARS; i++)
        if (self->years [i]) {
            free (self->years [i]->days);
            free (self->years [i]);
            self->years [i] = NULL;
        }
}

//  --------------------------------------------------------------------------
//  Parsing

//  Parse one non-empty line (comment and outer blanks removed) into decl.
//  Returns NULL, or why the line is wrong.
static const char *
s_parse_line (char *line, s_decl_t *decl)
{
    memset (decl, 0, sizeof *decl);
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? line [i] != '-' : !isdigit ((unsigned char) line [i]))
            return "expected a date YYYY-MM-DD at the start";
    if (line [10] && !isspace ((unsigned char) line [10]))
        return "expected a date YYYY-MM-DD at the start";
    decl->year = atoi (line);
    decl->month = atoi (line + 5);
    decl->day = atoi (line + 8);
    if (!s_valid_date (decl->year, decl->month, decl->day))
        return "no such date";
    if (decl->year < LUNAR_YEAR_MIN || decl->year > LUNAR_YEAR_MAX)
        return "year out of range";
    decl->days = vn_days_from_civil (decl->year, decl->month, decl->day);

    char *word = line + 10;
    while (isspace ((unsigned char) *word))
        word++;
    char *text = word;
    while (*text && !isspace ((unsigned char) *text))
        text++;
    if (*text)
        *text++ = 0;
    while (isspace ((unsigned char) *text))
        text++;
    if (strlen (text) >= CALENDAR_REASON_MAX)
        return "reason too long";

    if (strcmp (word, "tet") == 0) {
        int month, day;
        if (*text)
            return "unexpected text after 'tet'";
        if (lunar_tet (decl->year, &month, &day) == -1)
            return "cannot compute Tết for that year";
        int64_t distance = decl->days - vn_days_from_civil (decl->year, month, day);
        if (distance < -10 || distance > 10)
            return "not within ten days of Tết (1/1 lunar)";
        decl->kind = s_DECL_TET;
    }
    else
    if (strcmp (word, "national") == 0) {
        if (*text)
            return "unexpected text after 'national'";
        if (decl->month != 9 || (decl->day != 1 && decl->day != 3))
            return "the day next to 2/9 is 09-01 or 09-03";
        decl->kind = s_DECL_NATIONAL;
    }
    else
    if (strcmp (word, "holiday") == 0) {
        if (!*text)
            return "a holiday needs its name";
        decl->kind = s_DECL_HOLIDAY;
        snprintf (decl->reason, sizeof decl->reason, "%s", text);
    }
    else
    if (strcmp (word, "dayoff") == 0) {
        if (s_weekend (decl->days))
            return "a Saturday or Sunday is already a day off";
        decl->kind = s_DECL_DAYOFF;
        snprintf (decl->reason, sizeof decl->reason, "%s", *text ? text : "nghỉ hoán đổi");
    }
    else
    if (strcmp (word, "workday") == 0) {
        decl->kind = s_DECL_WORKDAY;
        snprintf (decl->reason, sizeof decl->reason, "%s", *text ? text : "làm bù");
    }
    else
        return *word ? "unknown kind (tet, national, holiday, dayoff, workday)"
                     : "missing kind (tet, national, holiday, dayoff, workday)";
    return NULL;
}

//  How many declarations of a kind for a year, in two arrays.
static int
s_count (const s_decl_t *a, size_t a_count, const s_decl_t *b, size_t b_count,
         int year, s_decl_kind_t kind)
{
    int count = 0;
    for (size_t i = 0; i < a_count; i++)
        count += a [i].year == year && a [i].kind == kind;
    for (size_t i = 0; i < b_count; i++)
        count += b [i].year == year && b [i].kind == kind;
    return count;
}

int
calendar_parse (calendar_t *self, const char *text, char *error, size_t error_size)
{
    if (error && error_size)
        *error = 0;
    if (!self || !text) {
        s_error (error, error_size, 0, "no text");
        return -1;
    }
    s_decl_t *fresh = NULL;
    size_t count = 0, capacity = 0;
    int line_number = 0;
    const char *p = text;
    while (*p) {
        line_number++;
        const char *eol = strchr (p, '\n');
        size_t length = eol ? (size_t) (eol - p) : strlen (p);
        if (length >= s_LINE_MAX) {
            s_error (error, error_size, line_number, "line too long");
            goto fail;
        }
        char line [s_LINE_MAX];
        memcpy (line, p, length);
        line [length] = 0;
        p += length + (eol ? 1 : 0);

        char *hash = strchr (line, '#');
        if (hash)
            *hash = 0;
        char *start = line;
        while (isspace ((unsigned char) *start))
            start++;
        size_t end = strlen (start);
        while (end > 0 && isspace ((unsigned char) start [end - 1]))
            start [--end] = 0;
        if (!*start)
            continue;

        s_decl_t decl;
        const char *why = s_parse_line (start, &decl);
        if (why) {
            s_error (error, error_size, line_number, why);
            goto fail;
        }
        decl.line = line_number;
        for (size_t i = 0; i < count + self->decl_count; i++) {
            const s_decl_t *other = i < count ? &fresh [i] : &self->decls [i - count];
            if (other->days == decl.days) {
                s_error (error, error_size, line_number, "date already declared");
                goto fail;
            }
        }
        if (decl.kind == s_DECL_NATIONAL
        &&  s_count (fresh, count, self->decls, self->decl_count, decl.year, s_DECL_NATIONAL)) {
            s_error (error, error_size, line_number, "the day next to 2/9 is already declared");
            goto fail;
        }
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            s_decl_t *grown = realloc (fresh, capacity * sizeof *grown);
            if (!grown) {
                s_error (error, error_size, line_number, "out of memory");
                goto fail;
            }
            fresh = grown;
        }
        fresh [count++] = decl;
    }
    //  A year that declares its Tết declares all five days.
    for (size_t i = 0; i < count; i++)
        if (fresh [i].kind == s_DECL_TET
        &&  s_count (fresh, count, self->decls, self->decl_count, fresh [i].year, s_DECL_TET) != 5) {
            char why [96];
            snprintf (why, sizeof why, "Tết %d: declare all five days or none", fresh [i].year);
            s_error (error, error_size, fresh [i].line, why);
            goto fail;
        }
    if (count) {
        s_decl_t *merged = realloc (self->decls, (self->decl_count + count) * sizeof *merged);
        if (!merged) {
            s_error (error, error_size, line_number, "out of memory");
            goto fail;
        }
        memcpy (merged + self->decl_count, fresh, count * sizeof *fresh);
        self->decls = merged;
        self->decl_count += count;
        s_forget_years (self);
    }
    free (fresh);
    return 0;
fail:
    free (fresh);
    return -1;
}

//  --------------------------------------------------------------------------
//  Class

calendar_t *
calendar_new (void)
{
    return calloc (1, sizeof (calendar_t));
}

void
calendar_destroy (calendar_t **self_p)
{
    if (self_p && *self_p) {
        calendar_t *self = *self_p;
        s_forget_years (self);
        free (self->decls);
        free (self);
        *self_p = NULL;
    }
}

bool
calendar_is_working_day (void *calendar, int year, int month, int day)
{
    calendar_t *self = calendar;
    int64_t days = vn_days_from_civil (year, month, day);
    bool weekday = !s_weekend (days);
    const s_year_t *entries = self ? s_year (self, year) : NULL;
    if (!entries)
        return weekday;
    int low = 0, high = entries->count - 1;
    while (low <= high) {
        int middle = (low + high) / 2;
        int64_t at = s_entry_days (&entries->days [middle]);
        if (at == days)
            return entries->days [middle].kind == CALENDAR_WORKDAY;
        if (at < days)
            low = middle + 1;
        else
            high = middle - 1;
    }
    return weekday;
}

int
calendar_year (calendar_t *self, int year, calendar_day_t **days)
{
    if (!self || !days)
        return -1;
    *days = NULL;
    const s_year_t *entries = s_year (self, year);
    if (!entries)
        return -1;
    *days = malloc ((entries->count ? entries->count : 1) * sizeof **days);
    if (!*days)
        return -1;
    memcpy (*days, entries->days, entries->count * sizeof **days);
    return entries->count;
}

bool
calendar_declared (calendar_t *self, int year)
{
    for (size_t i = 0; self && i < self->decl_count; i++)
        if (self->decls [i].year == year)
            return true;
    return false;
}

const char *
calendar_kind_name (calendar_kind_t kind)
{
    return kind >= CALENDAR_HOLIDAY && kind <= CALENDAR_WORKDAY ? s_kind_names [kind] : "";
}
