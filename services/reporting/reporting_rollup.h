/*  reporting_rollup — reporting.rollup kept by events, and the II.06a counts
    read from it (or, on request, counted over the facts): per agency, field,
    level and procedure, for any window of whole local days. Also the bulk
    paths: rebuilding the rollups from the facts (after a bulk load or an
    upgrade) and generating synthetic dossiers for benchmarks.             */
#ifndef REPORTING_ROLLUP_H
#define REPORTING_ROLLUP_H
#include <stddef.h>
#include "db.h"
#include "rollup.h"
#include "reporting_sql.h"          //  MS, in ROLLUP_FACT_COLUMNS

typedef struct {
    char agency [64];
    char field [256];
    char level [16];
    char procedure [64];
} rollup_key_t;

//  The grouping keys (values of motcua.v1.Grouping).
enum { GROUP_AGENCY = 1, GROUP_FIELD = 2, GROUP_LEVEL = 3, GROUP_PROCEDURE = 4 };

typedef struct {
    rollup_key_t key;           //  keys not grouped on are ""
    report06a_t counts;
    rollup_sums_t before_from, before_to;   //  prefix sums (rates, series)
} rollup_row_t;

//  A fact's columns as the rollups see it (keys, instants, flags), for SQL
//  that selects them; reporting_rollup_read_fact reads them back from
//  column at of row r.
#define ROLLUP_FACT_COLUMNS \
    "coalesce (agency_code, ''), coalesce (field, ''), level, coalesce (procedure_code, ''), " \
    DB_MS ("received_at") ", " DB_MS ("due_at") ", " DB_MS ("resolved_at") ", coalesce (channel, 1), " \
    DB_MS ("paused_at") ", " DB_MS ("resumed_at") ", online_capable, digitised, result_digitised, " \
    "coalesce (return_method, 0) = 2"
void reporting_rollup_read_fact (PGresult *res, int r, int at, rollup_fact_t *fact, rollup_key_t *key);

//  Read a fact as the rollups see it, locking its row. 1 found, 0 none, -1 error.
int  reporting_rollup_load (db_t *db, const char *code, rollup_fact_t *fact, rollup_key_t *key);

//  Move the rollups from what before said (NULL: nothing) to what after says,
//  in the caller's transaction. 0 or -1.
int  reporting_rollup_change (db_t *db, const rollup_fact_t *before, const rollup_key_t *key_before,
                              const rollup_fact_t *after, const rollup_key_t *key_after);

//  Are the rollups in step with the facts? 1, 0, or -1 on error.
int  reporting_rollup_built (db_t *db);

//  Recompute every rollup from the facts, in one transaction of its own.
//  Returns the number of facts read, or -1.
int64_t reporting_rollup_rebuild (db_t *db);

//  Add n synthetic dossiers (codes GEN-<seed>-<i>) received uniformly over
//  [first_year, first_year + years) on the catalogue's procedures, then
//  rebuild the rollups. 0 or -1.
int  reporting_rollup_generate (db_t *db, int64_t n, double seed, int first_year, int years);

//  Is an instant a local midnight (so rollups can answer)?
bool reporting_rollup_aligned (int64_t at);

//  The rows of [from, to) grouped by groups (in order; none = one total
//  row), restricted to filter's non-empty keys, sorted by key. From the
//  rollups (from and to local midnights), or over the facts if from_facts.
//  *rows is allocated (free it). 0 or -1.
int  reporting_rollup_rows (db_t *db, int64_t from, int64_t to, const int *groups, size_t n_groups,
                            const rollup_key_t *filter, bool from_facts,
                            rollup_row_t **rows, size_t *n_rows);

#endif
