/*  cmd_citizen — what citizens say:
      motcua rate CODE [--overall L] [--item N=L …] [--channel C] [--comment T]
      motcua feedback add --kind regulation|conduct --content T [--dossier CODE] [--sender S] [--id ID]
      motcua feedback handle ID --result T [--substantiated]
    (the forms built on it: cmd_report_citizen.c)                          */
#include <czmq.h>
#include "report_cli.h"

int
cmd_rate (int argc, char **argv)
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
    client_t *client;
    reporting_reply_t *reply;
    int rc = report_cli_ask (&cli, "counter", &request, &client, &reply);
    if (rc == 0) {
        if (cli.json) {
            json_t json;
            json_document (&json, stdout);
            json_string (&json, "dossier_code", reply->rated->dossier_code);
            json_int (&json, "items", reply->rated->items);
            json_time (&json, "rated_at", reply->rated->rated_at);
            json_end_document (&json);
        }
        else
            printf ("Đã ghi nhận %d ý kiến đánh giá cho hồ sơ %s\n", reply->rated->items, reply->rated->dossier_code);
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static void
s_feedback_out (cli_t *cli, const Motcua__V1__FeedbackResult *f)
{
    if (cli->json) {
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "feedback_id", f->feedback_id);
        json_string (&json, "state", f->state);
        json_time (&json, "at", f->at);
        json_end_document (&json);
    }
    else
        printf ("%s: %s\n", f->feedback_id, streq (f->state, "handled") ? "đã xử lý" : "đã tiếp nhận");
}

int
cmd_feedback_add (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "kind,content,dossier,sender,id,idempotency-key", ""))
        return EXIT_USAGE;
    if (!cli_option (&cli, "kind") || !cli_option (&cli, "content")) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua feedback add --kind regulation|conduct --content TEXT"
                          " [--dossier CODE] [--sender NAME] [--id ID]");
    }
    Motcua__V1__FeedbackRequest fb = MOTCUA__V1__FEEDBACK_REQUEST__INIT;
    fb.idempotency_key = (char *) cli_idempotency_key (&cli);
    fb.kind = (char *) cli_option (&cli, "kind");
    fb.content = (char *) cli_option (&cli, "content");
    fb.dossier_code = (char *) cli_option_or (&cli, "dossier", "");
    fb.sender = (char *) cli_option_or (&cli, "sender", "");
    fb.feedback_id = (char *) cli_option_or (&cli, "id", "");
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK;
    request.feedback = &fb;
    client_t *client;
    reporting_reply_t *reply;
    int rc = report_cli_ask (&cli, "counter", &request, &client, &reply);
    if (rc == 0)
        s_feedback_out (&cli, reply->feedback);
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

int
cmd_feedback_handle (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "result,idempotency-key", "substantiated"))
        return EXIT_USAGE;
    if (cli.n_positional != 1 || !cli_option (&cli, "result")) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua feedback handle ID --result TEXT [--substantiated]");
    }
    Motcua__V1__FeedbackHandleRequest h = MOTCUA__V1__FEEDBACK_HANDLE_REQUEST__INIT;
    h.idempotency_key = (char *) cli_idempotency_key (&cli);
    h.feedback_id = (char *) cli.positional [0];
    h.result = (char *) cli_option (&cli, "result");
    h.substantiated = cli_flag (&cli, "substantiated");
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK_HANDLE;
    request.feedback_handle = &h;
    client_t *client;
    reporting_reply_t *reply;
    int rc = report_cli_ask (&cli, "desk", &request, &client, &reply);
    if (rc == 0)
        s_feedback_out (&cli, reply->feedback);
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
