/*  postal_cli — what the commands of the postal (BCCI) road share, the
    postal worker's (`motcua post …`) and the counter's (`motcua counter
    sign-batch|dispatch`): a shipment, an intake slip and a hand-over record
    (biên bản giao nhận) as JSON and as the postman and the officer read
    them, an amount of đồng given on the command line, and signing a record. */
#ifndef POSTAL_CLI_H
#define POSTAL_CLI_H
#include "cli.h"
#include "json.h"
#include "postal_client.h"

//  The most values of one option a postal command reads (--incomplete, --item …).
#define POSTAL_CLI_MAX_LISTED 100

//  A shipment / a slip as a JSON object (key NULL: in an array or at the top).
void postal_cli_json_shipment (json_t *json, const Motcua__V1__Shipment *s);
void postal_cli_json_slip (json_t *json, const Motcua__V1__Slip *s);

//  A shipment as one line (and its originals and items below it).
void postal_cli_print_shipment (const Motcua__V1__Shipment *s);

//  A non-negative amount of đồng (NULL is 0). 0 or -1.
int  postal_cli_amount (const char *text, int64_t *amount);

//  Show the reply's hand-over record (text or --json) or the problem;
//  release everything. The exit code.
int  postal_cli_batch_done (cli_t *cli, client_t *client, postal_reply_t *reply);

//  `counter|post sign-batch N [--incomplete SLIP=REASON …]`: sign record N
//  as identity — the agency's officer (a record of collected dossiers) or
//  the postal worker (a record of results). argv after the words; the exit code.
int  postal_cli_sign (int argc, char **argv, const char *identity);

#endif
