/*  motcua — the command line for people: counter clerks, desk officers,
    postal clerks, dashboards and operators. A thin front over the services'
    client libraries; run from the project root after `make up` it finds the
    local suite with no flags.

    `motcua WORD [NAME] [options]`: the first word names what is acted on
    and picks a file of services/motcua/ (the table below); the next, where
    the word has several commands, picks one of them from the word's own
    table. The toolkit the commands share is in services/motcua/kit/.      */
#include <czmq.h>
#include "cli.h"
#include "log.h"
#include "version.h"

//  In the order `motcua help` lists them.
static const cli_word_t *s_words [] = {
    &cmd_catalog, &cmd_counter, &cmd_desk, &cmd_post, &cmd_trace, &cmd_report, &cmd_rate, &cmd_feedback,
    &cmd_health, &cmd_admin, &cmd_calendar, &cmd_audit, &cmd_print, &cmd_import, &cmd_lookup,
};
#define WORD_COUNT (sizeof s_words / sizeof s_words [0])

static int
s_help (FILE *out)
{
    fprintf (out, "motcua %s — the one-stop dossier suite\n\nusage: motcua COMMAND [options] [--json] [--as IDENTITY]\n\n",
             MOTCUA_VERSION);
    for (size_t w = 0; w < WORD_COUNT; w++)
        for (size_t i = 0; i < s_words [w]->count; i++)
            fprintf (out, "  %s\n", s_words [w]->commands [i].usage);
    fprintf (out, "\nEvery command takes --json. Settings: MOTCUA_VAR (default ./var), MOTCUA_BASE_PORT\n"
                  "(default 7100), MOTCUA_HOST, MOTCUA_TIMEOUT_MS. Exit: 0 done, 1 refused, 2 usage, 3 no answer.\n");
    return out == stdout ? 0 : EXIT_USAGE;
}

//  The command argv names within word: the one named by the next word, else
//  the word's own (named NULL), else NULL. *words: how many words it took.
static const cli_command_t *
s_command (const cli_word_t *word, int argc, char **argv, int *words)
{
    const cli_command_t *alone = NULL;
    for (size_t i = 0; i < word->count; i++) {
        const cli_command_t *command = &word->commands [i];
        if (!command->name)
            alone = command;
        else
        if (argc >= 3 && streq (argv [2], command->name)) {
            *words = 2;
            return command;
        }
    }
    *words = 1;
    return alone;
}

int
main (int argc, char **argv)
{
    if (argc < 2 || streq (argv [1], "help") || streq (argv [1], "--help") || streq (argv [1], "-h"))
        return s_help (argc < 2 ? stderr : stdout);
    log_init ("motcua", getenv ("MOTCUA_LOG_LEVEL") ? getenv ("MOTCUA_LOG_LEVEL") : "warn");
    if (streq (argv [1], "--version")) {
        printf ("motcua %s\n", MOTCUA_VERSION);
        return 0;
    }
    for (size_t w = 0; w < WORD_COUNT; w++)
        if (streq (argv [1], s_words [w]->word)) {
            int words;
            const cli_command_t *command = s_command (s_words [w], argc, argv, &words);
            if (command)
                return command->run (argc - 1 - words, argv + 1 + words);
        }
    fprintf (stderr, "motcua: unknown command '%s%s%s'\n", argv [1], argc > 2 ? " " : "", argc > 2 ? argv [2] : "");
    return s_help (stderr);
}
