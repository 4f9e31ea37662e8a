/*  catalog — `motcua catalog list [--at DAY]`, the procedures in force as
    intake serves them to the counter; `motcua catalog import FILE.csv…` and
    `motcua catalog export FILE.csv`: the procedure catalogue
    (catalog.procedure_version and its internal process,
    catalog.procedure_step) as a CSV file people edit and
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
    so that importing the export changes nothing. Rows are read and
    checked in catalog_rows.c and applied in catalog_write.c.              */
#include "catalog_rows.h"
#include "csv.h"
#include "json.h"
#include "vntime.h"
#include "process_step.h"
#include "rule_set.h"
#include "intake_client.h"

static int
s_list (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "at", ""))
        return EXIT_USAGE;
    int64_t at = 0;                 //  --at DAY: the catalogue in force at noon that day
    if (cli_option (&cli, "at") && cli_local_time (cli_option (&cli, "at"), 12 * 60, &at)) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua catalog list [--at YYYY-MM-DD]");
    }
    client_t *client = cli_client (&cli, "intake", "counter");
    intake_reply_t *reply = client ? intake_client_list_procedures_at (client, at) : NULL;
    int rc = cli_outcome (&cli, "intake", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        json_t json;
        json_begin (&json, stdout);
        json_array (&json, NULL);
        for (size_t i = 0; i < reply->procedures->n_procedures; i++) {
            Motcua__V1__Procedure *p = reply->procedures->procedures [i];
            json_object (&json, NULL);
            json_string (&json, "code", p->code);
            json_string (&json, "name", p->name);
            json_string (&json, "time_limit", p->time_limit_text);
            json_int (&json, "time_limit_value", p->time_limit_value);
            json_string (&json, "time_limit_unit", p->time_limit_unit);
            json_string (&json, "field", p->field);
            json_string (&json, "agency_code", p->agency_code);
            json_string (&json, "level", p->level);
            json_string (&json, "level_vi", level_vi (p->level));
            json_end_object (&json);
        }
        json_end_array (&json);
        json_finish (&json);
    }
    else
    if (rc == 0) {
        rules_id_t rules = rule_set_at (at ? at : vn_now_ms ());
        printf ("Cấp chính quyền: %s (%s)\n", levels_of_rules (rules),
                rules == RULES_2025 ? "Nghị định số 118/2025/NĐ-CP" : "Nghị định số 61/2018/NĐ-CP");
        cli_pad ("Mã thủ tục", 12);
        cli_pad ("Thời hạn giải quyết", 20);
        cli_pad ("Cấp", 6);
        printf ("Tên thủ tục\n");
        for (size_t i = 0; i < reply->procedures->n_procedures; i++) {
            Motcua__V1__Procedure *p = reply->procedures->procedures [i];
            cli_pad (p->code, 12);
            cli_pad (p->time_limit_text, 20);
            cli_pad (level_vi (p->level), 6);
            printf ("%s\n", p->name);
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static int
s_load_reference (catalog_import_t *self, db_t *db)
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
    catalog_import_t self = { NULL, 0, 0, 0, cli, zhash_new (), zhash_new () };
    int rc = 0;
    if (s_load_reference (&self, db)) {
        fprintf (stderr, "motcua: UNAVAILABLE: cannot read agencies and divisions (%s)\n", db_error (db));
        rc = EXIT_NO_ANSWER;
    }
    for (int i = 0; rc == 0 && i < cli->n_positional; i++)
        catalog_read (&self, cli->positional [i]);
    if (rc == 0 && !self.errors)
        catalog_check_overlaps (&self);
    if (rc == 0 && self.errors)
        rc = EXIT_REFUSED;

    catalog_tally_t tally = { 0, 0, 0, 0 };
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
                if (catalog_apply (db, &self.rows [done], now, &tally, error, sizeof error)) {
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
                catalog_fail (&self, self.rows [done].file, self.rows [done].line, "%s", error);
            else
                catalog_fail (&self, cli->positional [0], 0, "%s", error);
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
        catalog_row_free (&self.rows [i]);
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
        csv_write (out, catalog_columns [c], c == C_COUNT - 1);
    int rows = PQntuples (result);
    zhash_t *codes = zhash_new ();
    for (int i = 0; i < rows; i++) {
        char from [32], to [32];
        catalog_format_time (PQgetisnull (result, i, 1) ? VALID_EVER : atoll (PQgetvalue (result, i, 1)), false, from, sizeof from);
        catalog_format_time (PQgetisnull (result, i, 2) ? VALID_OPEN : atoll (PQgetvalue (result, i, 2)), true, to, sizeof to);
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

static int
s_import_files (int argc, char **argv)
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

static int
s_export_file (int argc, char **argv)
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

static const cli_command_t s_commands [] = {
    { "list", s_list, "catalog list [--at YYYY-MM-DD]    the procedures: code, level, name, time limit" },
    { "import", s_import_files, "catalog import FILE.csv…          new and changed procedure versions (all or nothing)" },
    { "export", s_export_file, "catalog export FILE.csv           every version, in the import format (- for stdout)" },
};
const cli_word_t cmd_catalog = CLI_WORD ("catalog", s_commands);
