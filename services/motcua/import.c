/*  import — `motcua import dossiers FILE.csv`: a province's dossiers of
    the past, read from CSV (columns in README.md, "History import") and sent
    to intake in batches (the counter's look-up of them: lookup.c).

    Rows are checked here for what the file alone can tell (times, words),
    then by intake against the catalogue and what it holds. Each row is
    imported whole or not at all: every refused row is reported with its
    line and field, the others go in, and the file can be imported again
    once fixed (rows already in are "unchanged"). --check asks intake to
    check every row and write nothing.                                       */
#include "csv.h"
#include <czmq.h>
#include "cli.h"
#include "dossier_history.h"
#include "json.h"
#include "intake_history_client.h"

enum {
    H_CODE, H_RECEIVED, H_DUE, H_RESOLVED, H_RETURNED, H_PROCEDURE, H_AGENCY, H_CHANNEL, H_RETURN,
    H_NAME, H_ID, H_PHONE, H_ADDRESS, H_OUTCOME, H_REASON, H_COMPONENTS, H_COUNT
};
static const char *s_columns [H_COUNT + 1] = {
    "code", "received_at", "due_at", "resolved_at", "returned_at", "procedure", "agency", "channel",
    "return", "applicant_name", "applicant_id", "phone", "address", "outcome", "reason", "components", NULL
};
//  Columns a file may leave out (then empty in every row).
static const bool s_optional [H_COUNT] = {
    [H_RESOLVED] = true, [H_RETURNED] = true, [H_AGENCY] = true, [H_ID] = true, [H_PHONE] = true,
    [H_ADDRESS] = true, [H_OUTCOME] = true, [H_REASON] = true, [H_COMPONENTS] = true
};
#define DUE_DATE_MINUTE (17 * 60)       //  a bare due date: office close

//  One row on its way: the message and the cells its strings point into.
typedef struct {
    Motcua__V1__ImportedDossier row;
    Motcua__V1__Applicant applicant;
    char *cell [H_COUNT];
    char **components;
} pending_t;

typedef struct {
    cli_t *cli;
    client_t *client;
    bool dry_run;
    int batch_max;
    pending_t *batch;
    Motcua__V1__ImportedDossier **rows;
    int count;
    size_t bytes;
    int total, imported, unchanged, failed;
    json_t json;                    //  --json: the failures, as they come
    int rc;                         //  EXIT_NO_ANSWER once intake stops answering
} history_t;

static void
s_failure (history_t *self, int line, const char *code, const char *field, Motcua__V1__ErrorCode error_code,
           const char *message)
{
    self->failed++;
    if (self->cli->json) {
        json_object (&self->json, NULL);
        json_int (&self->json, "line", line);
        json_string (&self->json, "dossier_code", code);
        json_string (&self->json, "code", cli_error_code_name (error_code));
        json_string (&self->json, "field", field);
        json_string (&self->json, "message", message);
        json_end_object (&self->json);
    }
    else
        fprintf (stderr, "motcua: line %d, %s (%s): %s: %s\n", line, *code ? code : "-", field,
                 cli_error_code_name (error_code), message);
}

static int
s_word (const char *text, const char *const *words)
{
    for (int i = 0; words [i]; i++)
        if (streq (text, words [i]))
            return i;
    return -1;
}

//  Split a ;-separated cell into its non-empty items (pointing into cell).
static char **
s_split (char *cell, size_t *count)
{
    size_t n = 0, size = 1;
    for (char *p = cell; *p; p++)
        size += *p == ';';
    char **items = (char **) calloc (size + 1, sizeof (char *));
    char *save = NULL;
    for (char *item = strtok_r (cell, ";", &save); item; item = strtok_r (NULL, ";", &save)) {
        while (*item == ' ')
            item++;
        size_t len = strlen (item);
        while (len && item [len - 1] == ' ')
            item [--len] = 0;
        if (*item)
            items [n++] = item;
    }
    *count = n;
    return items;
}

//  Cells into the message. 0, or -1 with the failure reported.
static int
s_fill (history_t *self, pending_t *p, int line)
{
    static const char *channels [] = { "", "direct", "online", "postal", NULL };
    static const char *returns [] = { "", "counter", "postal", NULL };
    static const char *outcomes [] = { "", "approved", "rejected", "withdrawn", "closed", NULL };
    Motcua__V1__ImportedDossier *row = &p->row;
    motcua__v1__imported_dossier__init (row);
    motcua__v1__applicant__init (&p->applicant);
    row->line = line;
    row->dossier_code = p->cell [H_CODE];
    row->procedure_code = p->cell [H_PROCEDURE];
    row->agency_code = p->cell [H_AGENCY];
    row->reason = p->cell [H_REASON];
    p->applicant.name = p->cell [H_NAME];
    p->applicant.id_number = p->cell [H_ID];
    p->applicant.phone = p->cell [H_PHONE];
    p->applicant.address = p->cell [H_ADDRESS];
    row->applicant = &p->applicant;
    p->components = s_split (p->cell [H_COMPONENTS], &row->n_components);
    row->components = p->components;
    const char *field = NULL, *message = NULL;
    int channel = s_word (p->cell [H_CHANNEL], channels);
    int method = s_word (p->cell [H_RETURN], returns);
    int outcome = s_word (p->cell [H_OUTCOME], outcomes);
    if (history_parse_time (p->cell [H_RECEIVED], -1, &row->received_at))
        field = "received_at", message = "not a local time YYYY-MM-DD HH:MM[:SS]";
    else
    if (history_parse_time (p->cell [H_DUE], DUE_DATE_MINUTE, &row->due_at))
        field = "due_at", message = "not a local time YYYY-MM-DD HH:MM[:SS] or a date YYYY-MM-DD (taken at 17:00)";
    else
    if (*p->cell [H_RESOLVED] && history_parse_time (p->cell [H_RESOLVED], -1, &row->resolved_at))
        field = "resolved_at", message = "not a local time YYYY-MM-DD HH:MM[:SS]";
    else
    if (*p->cell [H_RETURNED] && history_parse_time (p->cell [H_RETURNED], -1, &row->returned_at))
        field = "returned_at", message = "not a local time YYYY-MM-DD HH:MM[:SS]";
    else
    if (channel <= 0)
        field = "channel", message = "channel is direct, online or postal";
    else
    if (method <= 0)
        field = "return", message = "return is counter or postal";
    else
    if (outcome < 0)
        field = "outcome", message = "outcome is approved, rejected, withdrawn, closed, or empty while open";
    if (field) {
        s_failure (self, line, row->dossier_code, field, MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, message);
        return -1;
    }
    row->channel = (Motcua__V1__Channel) channel;
    row->return_method = (Motcua__V1__ReturnMethod) method;
    row->outcome = (Motcua__V1__Outcome) outcome;
    return 0;
}

static void
s_release (pending_t *p)
{
    for (int c = 0; c < H_COUNT; c++)
        free (p->cell [c]);
    free (p->components);
}

//  Send the batch waiting, tally the answer. 0, or -1 if intake refused the
//  batch as a whole or did not answer (reported; the import stops).
static int
s_flush (history_t *self)
{
    if (self->count == 0)
        return 0;
    intake_reply_t *reply = intake_client_import (self->client, self->rows, (size_t) self->count, self->dry_run);
    int rc = 0;
    if (!reply)
        rc = self->rc = cli_no_answer (self->cli, "intake");
    else
    if (reply->error)
        rc = self->rc = cli_refused (self->cli, reply->error);
    else {
        Motcua__V1__ImportResult *result = reply->imported;
        self->imported += result->imported;
        self->unchanged += result->unchanged;
        for (size_t i = 0; i < result->n_failures; i++) {
            Motcua__V1__ImportFailure *f = result->failures [i];
            s_failure (self, f->line, f->dossier_code, f->error ? f->error->field : "",
                       f->error ? f->error->code : MOTCUA__V1__ERROR_CODE__ERROR_INTERNAL,
                       f->error ? f->error->message : "refused");
        }
    }
    if (reply)
        motcua__v1__intake_reply__free_unpacked (reply, NULL);
    for (int i = 0; i < self->count; i++)
        s_release (&self->batch [i]);
    self->count = 0;
    self->bytes = 0;
    return rc ? -1 : 0;
}

//  Read the file, send its rows. 0 done (failures counted), -1 stopped.
static int
s_import_file (history_t *self, const char *path)
{
    const char *cursor;
    char *text = cli_read_file (path, &cursor);
    if (!text) {
        s_failure (self, 0, "", "file", MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, "cannot read the file");
        return -1;
    }
    int line = 1, map [H_COUNT + 8], columns = 0, rc = 0;
    char *cells [H_COUNT + 8], error [128];
    while (rc == 0) {
        int at = line;
        while (*cursor == '#' || *cursor == '\n' || (*cursor == '\r' && cursor [1] == '\n')) {
            const char *next = strchr (cursor, '\n');
            cursor = next ? next + 1 : cursor + strlen (cursor);
            at = ++line;
        }
        int count = csv_record (&cursor, &line, cells, H_COUNT + 8, error, sizeof error);
        if (count == 0)
            break;
        if (count < 0) {
            s_failure (self, at, "", "file", MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, error);
            if (!columns)
                rc = -1;
            continue;
        }
        if (!columns) {                 //  the header: columns in any order
            bool seen [H_COUNT] = { false };
            for (int i = 0; i < count; i++) {
                int c = s_word (cells [i], s_columns);
                map [i] = c;
                if (c < 0 || seen [c]) {
                    char message [200];
                    snprintf (message, sizeof message, "column '%s' is %s", cells [i], c < 0 ? "unknown" : "given twice");
                    s_failure (self, at, "", "header", MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, message);
                    rc = -1;
                }
                else
                    seen [c] = true;
                free (cells [i]);
            }
            for (int c = 0; c < H_COUNT && rc == 0; c++)
                if (!seen [c] && !s_optional [c]) {
                    char message [200];
                    snprintf (message, sizeof message, "the header lacks column '%s'", s_columns [c]);
                    s_failure (self, at, "", "header", MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, message);
                    rc = -1;
                }
            columns = count;
            continue;
        }
        self->total++;
        pending_t *p = &self->batch [self->count];
        memset (p, 0, sizeof *p);
        for (int i = 0; i < count; i++)
            if (i < columns && map [i] >= 0)
                p->cell [map [i]] = cells [i];
            else
                free (cells [i]);
        for (int c = 0; c < H_COUNT; c++)
            if (!p->cell [c])
                p->cell [c] = strdup ("");
        if (count != columns) {
            char message [80];
            snprintf (message, sizeof message, "%d cells, the header has %d", count, columns);
            s_failure (self, at, p->cell [H_CODE], "file", MOTCUA__V1__ERROR_CODE__ERROR_INVALID_ARGUMENT, message);
            s_release (p);
            continue;
        }
        if (s_fill (self, p, at)) {
            s_release (p);
            continue;
        }
        self->rows [self->count++] = &p->row;
        self->bytes += motcua__v1__imported_dossier__get_packed_size (&p->row) + 4;
        //  Well under intake's request limit (64 KiB by default).
        if (self->count == self->batch_max || self->bytes > 40000)
            rc = s_flush (self);
    }
    if (rc == 0)
        rc = s_flush (self);
    free (text);
    return rc;
}

static int
s_dossiers (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "batch", "check"))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua import dossiers FILE.csv [--check] [--batch N]");
    }
    history_t self = { 0 };
    self.cli = &cli;
    self.dry_run = cli_flag (&cli, "check");
    self.batch_max = atoi (cli_option_or (&cli, "batch", "200"));
    if (self.batch_max < 1 || self.batch_max > 1000) {
        cli_cleanup (&cli);
        return cli_usage ("--batch is 1 to 1000 rows a request");
    }
    self.batch = (pending_t *) calloc ((size_t) self.batch_max, sizeof (pending_t));
    self.rows = (Motcua__V1__ImportedDossier **) calloc ((size_t) self.batch_max, sizeof (void *));
    self.client = cli_client (&cli, "intake", "admin");
    if (self.client && !getenv ("MOTCUA_TIMEOUT_MS"))
        client_set_timeout (self.client, 60000, 2);     //  a batch takes a while under load
    if (cli.json) {
        json_begin (&self.json, stdout);
        json_object (&self.json, NULL);
        json_array (&self.json, "failures");
    }
    int64_t started = zclock_mono ();
    int stopped = self.client ? s_import_file (&self, cli.positional [0]) : (self.rc = cli_no_answer (&cli, "intake"), -1);
    double seconds = (double) (zclock_mono () - started) / 1000.0;
    int sent = self.imported + self.unchanged;
    if (cli.json) {
        json_end_array (&self.json);
        json_int (&self.json, "rows", self.total);
        json_int (&self.json, "imported", self.imported);
        json_int (&self.json, "unchanged", self.unchanged);
        json_int (&self.json, "failed", self.failed);
        json_bool (&self.json, "check_only", self.dry_run);
        json_bool (&self.json, "complete", !stopped);
        json_int (&self.json, "milliseconds", (int64_t) (seconds * 1000));
        json_end_object (&self.json);
        json_finish (&self.json);
    }
    else
        printf ("%s%d row(s): %d imported, %d unchanged, %d refused%s in %.1f s (%.0f rows/s)\n",
                self.dry_run ? "checked (nothing written): " : "", self.total, self.imported, self.unchanged,
                self.failed, stopped ? ", STOPPED before the end" : "", seconds,
                seconds > 0 ? sent / seconds : 0.0);
    client_destroy (&self.client);
    free (self.batch);
    free (self.rows);
    cli_cleanup (&cli);
    return self.rc ? self.rc : stopped || self.failed ? EXIT_REFUSED : 0;
}

static const cli_command_t s_commands [] = {
    { "dossiers", s_dossiers, "import dossiers FILE.csv [--check] [--batch N]   dossiers of the past, with their times" },
};
const cli_word_t cmd_import = CLI_WORD ("import", s_commands);
