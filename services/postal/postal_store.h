/*  postal_store — postal's SQL for shipments of results by public post
    (BCCI): created when a result is ready, handed to post in a batch (J and
    its J+n deadline), in transit, failed attempts with invitations,
    delivered, or returned to the agency.                                   */
#ifndef POSTAL_STORE_H
#define POSTAL_STORE_H
#include "auth.h"
#include "db.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/postal.pb-c.h"

#define POSTAL_LIST_MAX 16              //  originals or items per shipment

typedef struct {
    char shipment_id [80];
    char dossier_code [64];
    char name [256];
    char id_number [64];
    char phone [64];
    char address [512];
    char status [16];
    int64_t created_at, delivered_at;
    char route [32];
    bool with_appointment;
    int64_t batch_no, handed_at, deadline_at, returned_at, postal_fee;
    int invitations;
    char note [512];
    char originals [2048];              //  joined by \x1f
    char items [1024];
    char *originals_v [POSTAL_LIST_MAX], *items_v [POSTAL_LIST_MAX];
    Motcua__V1__Applicant recipient;        //  points into the row
    char procedure_code [32], agency_code [64];     //  the dossier's, for the grant
} shipment_row_t;

//  Point a Shipment at row (valid while row lives; splits the lists in place).
void postal_row_to_pb (shipment_row_t *row, Motcua__V1__Shipment *shipment);

//  Create the shipment of a ready result. 1 created, 0 already there, -1 error.
int  postal_store_create (db_t *db, const Motcua__V1__ResultReady *ready, shipment_row_t *row);

//  Load (locked) by dossier code. 1, 0 unknown, -1 error.
int  postal_store_load (db_t *db, const char *dossier_code, shipment_row_t *row);

//  Mark delivered at the row's delivered_at. 0 or -1.
int  postal_store_delivered (db_t *db, const shipment_row_t *row);

//  Shipments not yet delivered nor back at the agency, oldest first.
//  overdue_at > 0: only those handed to post whose deadline passed by then.
//  rows: caller frees. Count or -1.
int  postal_store_open (db_t *db, int64_t overdue_at, const auth_scope_t *scope, shipment_row_t **rows);

//  The shipments of a return batch. rows: caller frees. Count or -1.
int  postal_store_of_batch (db_t *db, int64_t batch_no, shipment_row_t **rows);

//  Write the row's state, route, batch, times, lists, fee and note back. 0 or -1.
int  postal_store_update (db_t *db, const shipment_row_t *row, char **originals, size_t n_originals,
                          char **items, size_t n_items);

//  Record failed attempt n (an invitation left). 0 or -1.
int  postal_store_attempt (db_t *db, const char *shipment_id, int n, int64_t at, const char *actor,
                           const char *reason);

//  The attempts' times, in order (at most max). Count or -1.
int  postal_store_attempt_times (db_t *db, const char *shipment_id, int64_t *times, int max);

//  The result an agency attached (ResultAttached from processing; may come
//  before the shipment exists), the latest kept. 0 or -1.
int  postal_store_attached (db_t *db, const Motcua__V1__ResultAttached *attached);

typedef struct {
    char rule_set [8];                  //  of the dossier, "" if not known
    int outcome;                        //  Motcua__V1__Outcome, 0 if not known
    char kind [16];                     //  "" while nothing is attached
    char reference [512];
} postal_result_t;

//  The shipment's dossier facts and its attached result.
//  1 attached, 0 not (or no shipment), -1 error.
int  postal_store_result (db_t *db, const char *dossier_code, postal_result_t *result);

#endif
