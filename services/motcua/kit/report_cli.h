/*  report_cli — what the `motcua report …` commands share: the period
    options (--from/--to or --period, --calendar, --facts), --by, asking
    reporting and showing its answer, the counts and dossier lists as JSON. */
#ifndef REPORT_CLI_H
#define REPORT_CLI_H
#include "cli.h"
#include "json.h"
#include "report_json.h"
#include "reporting_client.h"

#define REPORT_CLI_PERIOD_OPTIONS "from,to,period"

//  The period options into request. 0, or -1 (usage printed).
int  report_cli_period (cli_t *cli, Motcua__V1__ReportRequest *request);

//  Parse a period command's options and its period. 0, or -1 (said why;
//  nothing left to clean up).
int  report_cli_start (cli_t *cli, int argc, char **argv, const char *options, const char *flags,
                       Motcua__V1__ReportRequest *period);

//  --by agency,field,level,procedure into groups (at most 4). 0, or -1 (said why).
int  report_cli_groups (cli_t *cli, Motcua__V1__Grouping *groups, size_t *n);

//  What a command shows of reporting's answer; arg is the command's own. The exit code.
typedef int (report_cli_show_fn) (cli_t *cli, const reporting_reply_t *reply, void *arg);

//  Ask as identity, show the answer if there is one, release everything
//  (cli included). The exit code.
int  report_cli_run (cli_t *cli, const char *identity, Motcua__V1__ReportingRequest *request,
                     report_cli_show_fn *show, void *arg);

//  Ask for form II.06a of period grouped by groups (none: the totals) and
//  show it, as report_cli_run.
int  report_cli_run_06a (cli_t *cli, Motcua__V1__ReportRequest *period, Motcua__V1__Grouping *groups,
                         size_t n_groups, report_cli_show_fn *show, void *arg);



//  The local day of at as YYYY-MM-DD.
void report_cli_day (int64_t at, char *buf, size_t size);

//  path opened for writing ("-" is stdout), or NULL (said why).
FILE *report_cli_open (const char *path);
//  Close out (unless stdout) after a write that returned rc. 0, or -1 if the
//  write or the close failed (said why).
int  report_cli_close (const char *path, FILE *out, int rc);

#endif
