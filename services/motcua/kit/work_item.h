/*  work_item — processing's answer to a command on one dossier, the work
    item, shown as the desk's and the counter's commands show it (text or
    --json), or its typed error.                                            */
#ifndef WORK_ITEM_H
#define WORK_ITEM_H
#include "cli.h"
#include "json.h"
#include "processing_client.h"

//  The item as a JSON object (in an array or at the top).
void work_item_json (json_t *json, const Motcua__V1__WorkItem *item);

//  Show the reply's item or the problem; release everything. The exit code.
int  work_item_finish (cli_t *cli, client_t *client, processing_reply_t *reply);

#endif
