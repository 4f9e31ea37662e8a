/*  trace — `motcua trace CODE`: a dossier's status and timeline, as
    reporting keeps them, in the words officials read (or --json).          */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "vntime.h"
#include "reporting_client.h"
#include "trace_json.h"

static int
s_trace (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua trace CODE");
    }
    client_t *client = cli_client (&cli, "reporting", "dashboard");
    reporting_reply_t *reply = client ? reporting_client_trace (client, cli.positional [0]) : NULL;
    int rc = cli_outcome (&cli, "reporting", (ProtobufCMessage *) reply);
    if (rc == 0) {
        Motcua__V1__Trace *t = reply->trace;
        if (cli.json) {
            json_t json;
            json_begin (&json, stdout);
            trace_json (&json, NULL, t, false);
            json_finish (&json);
        }
        else {
            char at [40];
            char appointment [40];
            printf ("Mã hồ sơ: %s — Thủ tục: %s\nTrạng thái: %s%s%s\nThời hạn giải quyết: %s\n",
                    t->dossier_code, t->procedure_code, trace_status_label (t->status),
                    *t->timeliness ? ", " : "", trace_timeliness_label (t->timeliness),
                    vn_format_form (t->due_at, at, sizeof at));
            if (t->received_at)
                printf ("Tiếp nhận: %s — %s\n", vn_format_form (t->received_at, at, sizeof at),
                        cli_channel_vi (t->channel));
            if (t->appointment_at && t->appointment_at != t->due_at)
                printf ("Hẹn trả kết quả (sau gia hạn): %s\n",
                        vn_format_form (t->appointment_at, appointment, sizeof appointment));
            if (*t->result_location)
                printf ("Kết quả đang ở: %s\n", t->result_location);
            for (size_t i = 0; i < t->n_entries; i++) {
                printf ("  %s  ", vn_format_form (t->entries [i]->at, at, sizeof at));
                cli_pad (trace_event_label (t->entries [i]->event_type), 39);
                cli_pad (t->entries [i]->actor, 10);
                printf ("%s\n", t->entries [i]->detail);
            }
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}

static const cli_command_t s_commands [] = {
    { NULL, s_trace, "trace CODE                        a dossier's status and timeline" },
};
const cli_word_t cmd_trace = CLI_WORD ("trace", s_commands);
