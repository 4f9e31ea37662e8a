/*  motcua — the command line for people: counter clerks, desk officers,
    postal clerks, dashboards and operators. A thin front over the services'
    client libraries; run from the project root after `make up` it finds the
    local suite with no flags.                                              */
#include <czmq.h>
#include "cli.h"
#include "log.h"
#include "version.h"

typedef int (command_fn) (int argc, char **argv);

static const struct {
    const char *words;
    command_fn *run;
    const char *usage;
} s_commands [] = {
    { "catalog list",   cmd_catalog_list,   "catalog list [--at YYYY-MM-DD]    the procedures: code, level, name, time limit" },
    { "catalog import", cmd_catalog_import, "catalog import FILE.csv…          new and changed procedure versions (all or nothing)" },
    { "catalog export", cmd_catalog_export, "catalog export FILE.csv           every version, in the import format (- for stdout)" },
    { "counter submit", cmd_counter_submit, "counter submit --procedure CODE --applicant-name NAME --applicant-id ID\n"
      "               --phone P --address A --channel direct|online|postal --return counter|postal\n"
      "               --component NAME [--component NAME …] [--idempotency-key K]" },
    { "counter return", cmd_counter_return, "counter return CODE               hand the result over at the counter" },
    { "counter supplement", cmd_counter_supplement, "counter supplement CODE --component NAME …   hand in what was asked for" },
    { "counter refuse", cmd_counter_refuse, "counter refuse --procedure CODE --applicant-name NAME --reason TEXT   not taken in (Mẫu 03)" },
    { "counter withdraw", cmd_counter_withdraw, "counter withdraw CODE [--reason TEXT]   stop at the applicant's request" },
    { "desk supplement", cmd_desk_supplement, "desk supplement CODE --missing ITEM … [--reason TEXT]   ask once for all that is missing" },
    { "desk delay",     cmd_desk_delay,     "desk delay CODE --new-due YYYY-MM-DD[THH:MM] --reason TEXT   apology / extension" },
    { "desk queue",     cmd_desk_queue,     "desk queue [--division D]         dossiers waiting for a decision" },
    { "desk resolve",   cmd_desk_resolve,   "desk resolve CODE --approve|--reject [--reason TEXT]" },
    { "post shipments", cmd_post_shipments, "post shipments                    results waiting to go by post" },
    { "post deliver",   cmd_post_deliver,   "post deliver CODE                 record the delivery of a result" },
    { "trace",          cmd_trace,          "trace CODE                        a dossier's status and timeline" },
    { "report postal",  cmd_report_postal,  "report postal --from YYYY-MM-DD --to YYYY-MM-DD   postal (BCCI) intake, return, on-time delivery" },
    { "report check",   cmd_report_check,   "report check [PERIOD] [--by K] | FILE.csv [--rate N/D=P]   the II.06a identities, stated rates" },
    { "report drill",   cmd_report_drill,   "report drill PERIOD --column C [--field F] [--procedure P] …   the dossiers behind a cell" },
    { "report rates",   cmd_report_rates,   "report rates PERIOD               online, digitisation, postal, on-time rates" },
    { "report series",  cmd_report_series,  "report series PERIOD [--field F …]   counts and rates month by month" },
    { "report logbook", cmd_report_logbook, "report logbook PERIOD [--csv F] [--xlsx F]   the log book (Mẫu 06)" },
    { "report feedback", cmd_report_feedback, "report feedback PERIOD            feedback (PAKN): received, new, carried over, handled" },
    { "report satisfaction", cmd_report_satisfaction, "report satisfaction PERIOD        2018 indicators, 2025 items, citizens' ratings" },
    { "report 07b",     cmd_report_07b,     "report 07b PERIOD                 form II.07b: procedures by level" },
    { "rate",           cmd_rate,           "rate CODE [--overall 1-5] [--item N=1-5 …]   a citizen's rating of a dossier" },
    { "feedback add",   cmd_feedback_add,   "feedback add --kind regulation|conduct --content TEXT [--dossier CODE]" },
    { "feedback handle", cmd_feedback_handle, "feedback handle ID --result TEXT [--substantiated]" },
    { "report",         cmd_report,         "report --from YYYY-MM-DD --to YYYY-MM-DD   form II.06a totals\n"
      "               PERIOD = --from D --to D | --period month:YYYY-MM|quarter:YYYY-Q|half:YYYY|nine:YYYY|year:YYYY\n"
      "               [--calendar] [--by agency,field,level,procedure] [--json|--csv FILE|--xlsx FILE]" },
    { "health",         cmd_health,         "health [SERVICE]                  version, uptime, database, outbox" },
    { "admin certs",    cmd_admin_certs,    "admin certs                       create development certificates" },
    { "calendar",       cmd_calendar,       "calendar YEAR                     the year's days off and make-up working days" },
    { "admin calendar", cmd_admin_calendar, "admin calendar add DATE dayoff|workday [REASON] | remove DATE | import FILE…" },
    { "audit",          cmd_audit,          "audit CODE                        every recorded change to a dossier" },
    { "admin deliveries", cmd_admin_deliveries, "admin deliveries [SERVICE] [--state pending|dead|done]" },
    { "admin replay",   cmd_admin_replay,   "admin replay SERVICE              send deliveries parked as dead again" },
    { "admin grant",    cmd_admin_grant,    "admin grant NAME --role R [--agency A] [--procedures C,C] [--public-key K]" },
    { "admin revoke",   cmd_admin_revoke,   "admin revoke NAME                 the key is refused from now on" },
    { "admin rotate",   cmd_admin_rotate,   "admin rotate NAME                 a new key pair with the same grant" },
    { "admin keys",     cmd_admin_keys,     "admin keys [--all]                who may speak to the suite" },
    { "desk handover",  cmd_desk_handover,  "desk handover CODE --to DIVISION [--receiver NAME] [--note TEXT]   next step (Mẫu 05)" },
    { "desk attach",    cmd_desk_attach,    "desk attach CODE --document REF --sha256 HEX | --physical certificate|banner|medal" },
    { "counter route",  cmd_counter_route,  "counter route CODE                send it on to the competent body (Phiếu chuyển hồ sơ)" },
    { "print",          cmd_print,          "print receipt|supplement|refusal|delay|control-sheet|routing CODE [--out FILE] [--pdf]" },
    { "post collect",   cmd_post_collect,   "post collect --procedure CODE --sender-name N --sender-id ID --phone P --address A\n"
      "               --component NAME … [--postal-fee N] [--procedure-fee N] [--return counter|postal] [--place TEXT]\n"
      "                                    a dossier taken by the post: the Phiếu gửi hồ sơ" },
    { "post handover",  cmd_post_handover,  "post handover SLIP…               hand collected dossiers to the agency (signs the record)" },
    { "counter sign-batch", cmd_counter_sign_batch, "counter sign-batch N [--incomplete SLIP=REASON …]   receive a hand-over record" },
    { "counter dispatch", cmd_counter_dispatch, "counter dispatch CODE… --route R [--with-appointment] [--original CODE=TEXT] [--item CODE=KIND:SIZE]" },
    { "post sign-batch", cmd_post_sign_batch, "post sign-batch N                 take the results of a return record" },
    { "post batch",     cmd_post_batch,     "post batch show N                 a hand-over record: dossiers, receipts, fees" },
    { "post transit",   cmd_post_transit,   "post transit CODE                 the result is on its way" },
    { "post attempt",   cmd_post_attempt,   "post attempt CODE --reason TEXT   delivery failed; an invitation was left" },
    { "post return-to-agency", cmd_post_return, "post return-to-agency CODE        undelivered after two invitations" },
    { "post overdue",   cmd_post_overdue,   "post overdue                      shipments past their J+n deadline" },
    { "import dossiers", cmd_import_dossiers, "import dossiers FILE.csv [--check] [--batch N]   dossiers of the past, with their times" },
    { "lookup",         cmd_lookup,         "lookup --code CODE | --id NUMBER | --phone PHONE   a counter's look-up" },
};
#define COMMAND_COUNT (sizeof s_commands / sizeof s_commands [0])

static int
s_help (FILE *out)
{
    fprintf (out, "motcua %s — the one-stop dossier suite\n\nusage: motcua COMMAND [options] [--json] [--as IDENTITY]\n\n",
             MOTCUA_VERSION);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf (out, "  %s\n", s_commands [i].usage);
    fprintf (out, "\nEvery command takes --json. Settings: MOTCUA_VAR (default ./var), MOTCUA_BASE_PORT\n"
                  "(default 7100), MOTCUA_HOST, MOTCUA_TIMEOUT_MS. Exit: 0 done, 1 refused, 2 usage, 3 no answer.\n");
    return out == stdout ? 0 : EXIT_USAGE;
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
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        const char *words = s_commands [i].words;
        const char *space = strchr (words, ' ');
        if (!space && streq (argv [1], words))
            return s_commands [i].run (argc - 2, argv + 2);
        if (space && argc >= 3 && strlen (argv [1]) == (size_t) (space - words)
        &&  strncmp (argv [1], words, (size_t) (space - words)) == 0 && streq (argv [2], space + 1))
            return s_commands [i].run (argc - 3, argv + 3);
    }
    fprintf (stderr, "motcua: unknown command '%s%s%s'\n", argv [1], argc > 2 ? " " : "", argc > 2 ? argv [2] : "");
    return s_help (stderr);
}
