/*  rate — a citizen's rating of a dossier:
      motcua rate CODE [--overall L] [--item N=L …] [--channel C] [--comment T]
    (the forms built on it: report_citizen.c)                              */
#include <czmq.h>
#include "report_cli.h"

static int
s_show (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    if (cli->json) {
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "dossier_code", reply->rated->dossier_code);
        json_int (&json, "items", reply->rated->items);
        json_time (&json, "rated_at", reply->rated->rated_at);
        json_end_document (&json);
    }
    else
        printf ("Đã ghi nhận %d ý kiến đánh giá cho hồ sơ %s\n", reply->rated->items, reply->rated->dossier_code);
    return 0;
}

static int
s_rate (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "overall,item,channel,comment,idempotency-key", ""))
        return EXIT_USAGE;
    const char *items [12];
    int n = cli_options (&cli, "item", items, 10);
    Motcua__V1__RatingItem ratings [11], *ptrs [11];
    size_t count = 0;
    bool bad = cli.n_positional != 1;
    if (cli_option (&cli, "overall")) {
        motcua__v1__rating_item__init (&ratings [count]);
        ratings [count].item = 0;
        ratings [count].level = atoi (cli_option (&cli, "overall"));
        ptrs [count] = &ratings [count];
        count++;
    }
    for (int i = 0; i < n && !bad; i++) {
        int item, level, used = 0;
        bad = sscanf (items [i], "%d=%d%n", &item, &level, &used) != 2 || items [i][used];
        motcua__v1__rating_item__init (&ratings [count]);
        ratings [count].item = item;
        ratings [count].level = level;
        ptrs [count] = &ratings [count];
        count++;
    }
    if (bad || !count) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua rate CODE [--overall 1-5] [--item N=1-5 …] (N 1-9; 5 rất hài lòng …"
                          " 1 rất không hài lòng) [--channel kiosk|portal|paper|sms] [--comment TEXT]");
    }
    Motcua__V1__RateRequest rate = MOTCUA__V1__RATE_REQUEST__INIT;
    rate.idempotency_key = (char *) cli_idempotency_key (&cli);
    rate.dossier_code = (char *) cli.positional [0];
    rate.n_items = count;
    rate.items = ptrs;
    rate.channel = (char *) cli_option_or (&cli, "channel", "kiosk");
    rate.comment = (char *) cli_option_or (&cli, "comment", "");
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_RATE;
    request.rate = &rate;
    return report_cli_run (&cli, "counter", &request, s_show, NULL);
}

static const cli_command_t s_commands [] = {
    { NULL, s_rate, "rate CODE [--overall 1-5] [--item N=1-5 …]   a citizen's rating of a dossier" },
};
const cli_word_t cmd_rate = CLI_WORD ("rate", s_commands);
