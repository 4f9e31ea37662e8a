/*  calendar_days — `motcua calendar YEAR` (the year's days off and make-up
    working days, as officials read them) and `motcua admin calendar
    add|remove|import` (the government's declarations, into the database
    every service reads; no restart needed).                                */
#include <czmq.h>
#include "admin.h"
#include "calendar_store.h"
#include "json.h"

static const char *s_weekdays [] = { "Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy" };

//  The calendar of the database's declarations (plus extra text, if any).
static calendar_t *
s_calendar (db_t *db, const char *extra, char *error, size_t size)
{
    char *text = calendar_store_text (db);
    if (!text) {
        snprintf (error, size, "cannot read the declared days: %s", db_error (db));
        return NULL;
    }
    calendar_t *calendar = calendar_new ();
    if (calendar_parse (calendar, text, error, size) || (extra && calendar_parse (calendar, extra, error, size)))
        calendar_destroy (&calendar);
    free (text);
    return calendar;
}

static int
s_year (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    int year = cli.n_positional == 1 ? atoi (cli.positional [0]) : 0;
    if (year < 1900 || year > 2199) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua calendar YEAR (1900-2199)");
    }
    db_t *db = cli_db (&cli);
    char error [256] = "";
    calendar_t *calendar = db ? s_calendar (db, NULL, error, sizeof error) : NULL;
    calendar_day_t *days = NULL;
    int count = calendar ? calendar_year (calendar, year, &days) : -1;
    int rc = 0;
    if (count < 0) {
        if (db)
            fprintf (stderr, "motcua: INTERNAL: %s\n", error);
        rc = db ? EXIT_REFUSED : EXIT_NO_ANSWER;
    }
    else
    if (cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (int i = 0; i < count; i++) {
            char date [16];
            snprintf (date, sizeof date, "%04d-%02d-%02d", days [i].year, days [i].month, days [i].day);
            json_object (&json, NULL);
            json_string (&json, "date", date);
            json_string (&json, "kind", days [i].kind == CALENDAR_WORKDAY ? "workday" : "dayoff");
            json_string (&json, "reason", days [i].reason);
            json_end_object (&json);
        }
        json_end_array (&json);
        json_finish (&json);
    }
    else {
        printf ("LỊCH NGHỈ VÀ NGÀY LÀM BÙ NĂM %d\n", year);
        for (int i = 0; i < count; i++) {
            char date [16];
            snprintf (date, sizeof date, "%04d-%02d-%02d", days [i].year, days [i].month, days [i].day);
            printf ("%s  ", date);
            cli_pad (s_weekdays [days [i].weekday], 9);
            cli_pad (days [i].kind == CALENDAR_WORKDAY ? "làm việc" : "nghỉ", 9);
            printf ("%s\n", days [i].reason);
        }
    }
    free (days);
    calendar_destroy (&calendar);
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

//  Insert declaration lines (text in calendar format) after checking that
//  the whole calendar still reads. Returns rows added, or -1.
static int
s_declare (db_t *db, const char *text, const char *source, bool skip_known, char *error, size_t size)
{
    int added = 0;
    char *copy = strdup (text), *save = NULL;
    if (db_begin (db)) {
        snprintf (error, size, "%s", db_error (db));
        free (copy);
        return -1;
    }
    for (char *line = strtok_r (copy, "\n", &save); line; line = strtok_r (NULL, "\n", &save)) {
        char *hash = strchr (line, '#');
        if (hash)
            *hash = 0;
        char day [16] = "", kind [16] = "";
        int used = 0;
        if (sscanf (line, " %15s %15s %n", day, kind, &used) < 2)
            continue;               //  blank or comment
        char *reason = line + used;
        for (size_t len = strlen (reason); len && (reason [len - 1] == ' ' || reason [len - 1] == '\t' || reason [len - 1] == '\r'); len--)
            reason [len - 1] = 0;
        const char *params [4] = { day, kind, reason, source };
        PGresult *result = db_query (db,
            skip_known ? "INSERT INTO catalog.calendar_entry (day, kind, reason, source)"
                         " VALUES ($1::date, $2, $3, $4) ON CONFLICT (day) DO NOTHING"
                       : "INSERT INTO catalog.calendar_entry (day, kind, reason, source)"
                         " VALUES ($1::date, $2, $3, $4)", 4, params);
        if (!result) {
            snprintf (error, size, "%s %s: %s", day, kind, db_error (db));
            added = -1;
            break;
        }
        added += atoi (PQcmdTuples (result));
        PQclear (result);
    }
    free (copy);
    calendar_t *check = NULL;
    if (added >= 0 && !(check = s_calendar (db, NULL, error, size)))
        added = -1;             //  the result must still read as a calendar
    calendar_destroy (&check);
    if (added < 0 || db_commit (db)) {
        db_rollback (db);
        return -1;
    }
    return added;
}

int
admin_calendar (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    const char *verb = cli.n_positional ? cli.positional [0] : "";
    bool add = streq (verb, "add") && cli.n_positional >= 3 && cli.n_positional <= 4;
    bool remove = streq (verb, "remove") && cli.n_positional == 2;
    bool import = streq (verb, "import") && cli.n_positional >= 2;
    if (!add && !remove && !import) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua admin calendar add YYYY-MM-DD dayoff|workday|holiday|national|tet [REASON]\n"
                          "       motcua admin calendar remove YYYY-MM-DD\n"
                          "       motcua admin calendar import FILE…");
    }
    db_t *db = cli_db (&cli);
    if (!db) {
        cli_cleanup (&cli);
        return EXIT_NO_ANSWER;
    }
    char error [512] = "";
    int rc = 0, count = 0;
    if (add) {
        char line [512];
        snprintf (line, sizeof line, "%s %s %s\n", cli.positional [1], cli.positional [2],
                  cli.n_positional == 4 ? cli.positional [3] : "");
        count = s_declare (db, line, "motcua admin calendar add", false, error, sizeof error);
    }
    else
    if (remove) {
        const char *params [1] = { cli.positional [1] };
        PGresult *result = db_query (db, "DELETE FROM catalog.calendar_entry WHERE day = $1::date", 1, params);
        count = result ? atoi (PQcmdTuples (result)) : -1;
        if (result)
            PQclear (result);
        else
            snprintf (error, sizeof error, "%s", db_error (db));
    }
    else
        for (int i = 1; i < cli.n_positional && count >= 0; i++) {
            char *text = NULL;
            zfile_t *file = zfile_new (NULL, cli.positional [i]);
            zchunk_t *chunk = file && zfile_input (file) == 0 ? zfile_read (file, zfile_cursize (file), 0) : NULL;
            if (chunk) {
                text = (char *) zmalloc (zchunk_size (chunk) + 1);
                memcpy (text, zchunk_data (chunk), zchunk_size (chunk));
            }
            int added = text ? s_declare (db, text, cli.positional [i], true, error, sizeof error) : -1;
            if (!text)
                snprintf (error, sizeof error, "cannot read %s", cli.positional [i]);
            count = added < 0 ? -1 : count + added;
            free (text);
            zchunk_destroy (&chunk);
            zfile_destroy (&file);
        }
    if (count < 0) {
        fprintf (stderr, "motcua: INVALID_ARGUMENT: %s\n", error);
        rc = EXIT_REFUSED;
    }
    else
    if (cli.json)
        printf ("{\"%s\":%d}\n", remove ? "removed" : "added", count);
    else
        printf (remove ? "Đã bỏ %d ngày khỏi lịch nghỉ và làm bù\n" : "Đã thêm %d ngày vào lịch nghỉ và làm bù\n", count);
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

static const cli_command_t s_commands [] = {
    { NULL, s_year, "calendar YEAR                     the year's days off and make-up working days" },
};
const cli_word_t cmd_calendar = CLI_WORD ("calendar", s_commands);
