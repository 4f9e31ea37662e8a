/*  cmd_processing — what the desk's commands share: showing the work item a
    processing command answers (text or --json), or its typed error.        */
#ifndef CMD_PROCESSING_H
#define CMD_PROCESSING_H
#include "cli.h"
#include "processing_client.h"

//  Show the reply's item or the problem; release everything. The exit code.
int cmd_processing_finish (cli_t *cli, client_t *client, processing_reply_t *reply);

#endif
