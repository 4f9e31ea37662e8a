/*  cmd_postal — what the postal (BCCI) commands share: a shipment and an
    intake slip as JSON, a shipment as the line the postman reads, an amount
    of đồng given on the command line.                                     */
#ifndef CMD_POSTAL_H
#define CMD_POSTAL_H
#include "cli.h"
#include "json.h"
#include "postal_client.h"

//  A shipment / a slip as a JSON object (key NULL: in an array or at the top).
void cmd_postal_json_shipment (json_t *json, const Motcua__V1__Shipment *s);
void cmd_postal_json_slip (json_t *json, const Motcua__V1__Slip *s);

//  A shipment as one line (and its originals and items below it).
void cmd_postal_print_shipment (const Motcua__V1__Shipment *s);

//  A non-negative amount of đồng (NULL is 0). 0 or -1.
int  cmd_postal_amount (const char *text, int64_t *amount);

#endif
