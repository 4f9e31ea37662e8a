/*  reporting_store — reporting's SQL: facts merged from events (any order, each
    event sets only what it asserts), the timeline, and the reads behind trace
    and the II.06a totals.                                                 */
#ifndef REPORTING_STORE_H
#define REPORTING_STORE_H
#include "db.h"
#include "report06a.h"
#include "motcua/v1/events.pb-c.h"
#include "motcua/v1/reporting.pb-c.h"

//  Merge one event into facts, timeline and rollups (inside the caller's transaction).
int  reporting_store_apply (db_t *db, const Motcua__V1__Event *event);

//  Fill trace (allocating entries; free with reporting_store_free_trace).
//  1 found, 0 unknown dossier, -1 error.
int  reporting_store_trace (db_t *db, const char *code, Motcua__V1__Trace *trace);

//  The procedure and agency a known dossier belongs to ("" if none is
//  recorded), for the grant check. 1 found, 0 unknown, -1 error.
typedef struct { char procedure [32], agency [64]; } reporting_scope_t;
int  reporting_store_scope (db_t *db, const char *code, reporting_scope_t *scope);
void reporting_store_free_trace (Motcua__V1__Trace *trace);

#endif
