/*  postal_store — postal's SQL: shipments of results by public post (BCCI).  */
#ifndef POSTAL_STORE_H
#define POSTAL_STORE_H
#include "db.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/postal.pb-c.h"

typedef struct {
    char shipment_id [80];
    char dossier_code [64];
    char name [256];
    char id_number [64];
    char phone [64];
    char address [512];
    char status [16];
    int64_t created_at, delivered_at;
    Motcua__V1__Applicant recipient;        //  points into the row
} shipment_row_t;

//  Point a Shipment at row (valid while row lives).
void postal_row_to_pb (shipment_row_t *row, Motcua__V1__Shipment *shipment);

//  Create the shipment of a ready result. 1 created, 0 already there, -1 error.
int  postal_store_create (db_t *db, const Motcua__V1__ResultReady *ready, shipment_row_t *row);

//  Load (locked) by dossier code. 1, 0 unknown, -1 error.
int  postal_store_load (db_t *db, const char *dossier_code, shipment_row_t *row);

//  Mark delivered at the row's delivered_at. 0 or -1.
int  postal_store_delivered (db_t *db, const shipment_row_t *row);

//  Shipments not yet delivered, oldest first. rows: caller frees. Count or -1.
int  postal_store_open (db_t *db, shipment_row_t **rows);

#endif
