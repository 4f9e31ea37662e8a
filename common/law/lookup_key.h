/*  lookup_key — what a counter clerk types to find dossiers: an applicant's
    identity number (CCCD 12 digits, old CMND 9, tax code 10 or 10-3) and a
    phone number (Vietnamese mobile 10 digits or landline 11, with +84/84 or
    0, spaces, dots, dashes and brackets as people write them), checked and
    normalised; and where a dossier's result is, from its status. Pure.      */
#ifndef LOOKUP_KEY_H
#define LOOKUP_KEY_H
#include <stddef.h>
#include <stdbool.h>

//  0 if text is an identity number as above, else -1.
int          lookup_id_check (const char *text);

//  Normalise a phone number to 0XXXXXXXXX(X) into out. 0, or -1 if it is
//  not a Vietnamese phone number. The SQL function intake.phone_key
//  (deploy/sql/012_history_lookup.sql) does the same on stored numbers.
int          lookup_phone_key (const char *text, char *out, size_t size);

//  Where the result is, from the counter's status and the return method
//  (postal: true): a key (processing, supplement, counter, postal, returned,
//  withdrawn, closed) and the Vietnamese the counter says.
const char  *lookup_result_place (const char *status, bool postal);
const char  *lookup_result_place_text (const char *status, bool postal);

#endif
