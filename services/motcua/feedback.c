/*  feedback — feedback (phản ánh, kiến nghị) taken in and handled:
      motcua feedback add --kind regulation|conduct --content T [--dossier CODE] [--sender S] [--id ID]
      motcua feedback handle ID --result T [--substantiated]
    (a citizen's rating: rate.c; the forms built on both: report_citizen.c) */
#include <czmq.h>
#include "report_cli.h"

//  The answer of add and handle: the feedback's id and state.
static int
s_show (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__FeedbackResult *f = reply->feedback;
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
    return 0;
}

static int
s_add (int argc, char **argv)
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
    return report_cli_run (&cli, "counter", &request, s_show, NULL);
}

static int
s_handle (int argc, char **argv)
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
    return report_cli_run (&cli, "desk", &request, s_show, NULL);
}

static const cli_command_t s_commands [] = {
    { "add", s_add, "feedback add --kind regulation|conduct --content TEXT [--dossier CODE]" },
    { "handle", s_handle, "feedback handle ID --result TEXT [--substantiated]" },
};
const cli_word_t cmd_feedback = CLI_WORD ("feedback", s_commands);
