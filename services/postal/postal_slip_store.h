/*  postal_slip_store — postal's SQL for postal intake: the Phiếu gửi hồ sơ
    (slips) the postal worker fills in, and the hand-over records (batches)
    both sides sign.                                                        */
#ifndef POSTAL_SLIP_STORE_H
#define POSTAL_SLIP_STORE_H
#include <czmq.h>
#include "db.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/postal.pb-c.h"

//  The procedure in force now, as the slip names it. 1, 0 unknown, -1 error.
int      postal_slip_procedure (db_t *db, const char *code, char *name, size_t name_size,
                                char *agency, size_t agency_size);

//  Insert slip, numbering it PG-YYMMDD-NNNN (written into slip->slip_number,
//  which must point at a buffer of 64 bytes). 0 or -1.
int      postal_slip_insert (db_t *db, Motcua__V1__Slip *slip);

//  A new batch of kind (intake|return), first signature by who at at. >0 or -1.
int64_t  postal_batch_create (db_t *db, const char *kind, const char *who, int64_t at);

typedef struct {
    char kind [16];
    char created_by [64];
    char signed_by [64];
    int64_t created_at, signed_at;
} batch_row_t;

//  Load a batch, locked. 1, 0 unknown, -1 error.
int      postal_batch_load (db_t *db, int64_t batch_no, batch_row_t *row);

//  Second signature. 0 or -1.
int      postal_batch_sign (db_t *db, int64_t batch_no, const char *who, int64_t at);

//  Put collected slips into a batch: the number of slips moved (fewer than
//  count if some are unknown or already handed over), or -1.
int      postal_batch_attach (db_t *db, int64_t batch_no, char **slips, size_t count);

//  The receiving officer's verdict on a slip of the batch. 0 or -1.
int      postal_slip_judge (db_t *db, int64_t batch_no, const char *slip, bool complete,
                            const char *reason);

//  Intake's answer for a slip. 0 or -1.
int      postal_slip_answer (db_t *db, const Motcua__V1__PostalIntakeAnswered *answer);

//  The batch as its record reads: slips (intake) or shipments (return), fee
//  totals and counts computed here. Packed Batch, or NULL (db error, or
//  unknown: *found = false).
zchunk_t *postal_batch_packed (db_t *db, int64_t batch_no, bool *found);

//  A slip packed (NULL on error).
zchunk_t *postal_slip_packed (db_t *db, const char *slip_number);

//  The batch's slips as the signed record lists them, into signed_event's
//  slips (allocated; free with postal_batch_slips_free). 0 or -1.
int      postal_batch_slips (db_t *db, int64_t batch_no, Motcua__V1__HandoverSigned *signed_event);
void     postal_batch_slips_free (Motcua__V1__HandoverSigned *signed_event);

#endif
