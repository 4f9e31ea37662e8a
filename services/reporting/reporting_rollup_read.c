/*  reporting_rollup_read — II.06a rows for any window of whole local days,
    grouped by agency, field, level and procedure: summed from the rollups,
    or counted over the facts on request. See reporting_rollup.h.          */
#include "reporting_sql.h"
#include <czmq.h>
#include "reporting_rollup.h"
#include "vntime.h"

bool
reporting_rollup_aligned (int64_t at)
{
    return rollup_day_start (rollup_day_bucket (at)) == at;
}

static const char *
s_group_column (int group)
{
    return group == GROUP_AGENCY ? "agency_code" : group == GROUP_FIELD ? "field"
         : group == GROUP_LEVEL ? "level" : group == GROUP_PROCEDURE ? "procedure_code" : NULL;
}

static bool
s_grouped (const int *groups, size_t n, int group)
{
    for (size_t i = 0; i < n; i++)
        if (groups [i] == group)
            return true;
    return false;
}

//  The key a row belongs to: its values for grouped keys, "" for the others.
static void
s_project (rollup_key_t *key, const int *groups, size_t n)
{
    if (!s_grouped (groups, n, GROUP_AGENCY))    key->agency [0] = 0;
    if (!s_grouped (groups, n, GROUP_FIELD))     key->field [0] = 0;
    if (!s_grouped (groups, n, GROUP_LEVEL))     key->level [0] = 0;
    if (!s_grouped (groups, n, GROUP_PROCEDURE)) key->procedure [0] = 0;
}

//  The order of the grouped keys, for qsort_r.
typedef struct {
    const int *groups;
    size_t n;
} sort_order_t;

static int
s_rows_cmp (const void *a, const void *b, void *context)
{
    const sort_order_t *order = (const sort_order_t *) context;
    const rollup_key_t *x = &((const rollup_row_t *) a)->key, *y = &((const rollup_row_t *) b)->key;
    for (size_t i = 0; i < order->n; i++) {
        int g = order->groups [i];
        int c = g == GROUP_AGENCY ? strcmp (x->agency, y->agency)
              : g == GROUP_FIELD ? strcmp (x->field, y->field)
              : g == GROUP_LEVEL ? strcmp (x->level, y->level)
              : strcmp (x->procedure, y->procedure);
        if (c)
            return c;
    }
    return 0;
}

static int
s_filter_sql (const rollup_key_t *filter, char *where, size_t size, const char **params, int at)
{
    size_t w = strlen (where);
    const char *values [4] = { filter->agency, filter->field, filter->level, filter->procedure };
    const char *columns [4] = { "agency_code", "field", "level", "procedure_code" };
    for (int i = 0; i < 4; i++)
        if (*values [i]) {
            params [at] = values [i];
            w += (size_t) snprintf (where + w, size - w, " AND coalesce (%s, '') = $%d", columns [i], ++at);
        }
    return at;
}

//  A row for key in the growing array (linear probe through a hash).
static rollup_row_t *
s_row_for (zhashx_t *index, rollup_row_t **rows, size_t *n, size_t *cap, const rollup_key_t *key,
           int64_t from, int64_t to)
{
    char name [sizeof *key];
    snprintf (name, sizeof name, "%s\x1f%s\x1f%s\x1f%s", key->agency, key->field, key->level, key->procedure);
    void *found = zhashx_lookup (index, name);
    if (found)
        return &(*rows) [(size_t) found - 1];
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *rows = realloc (*rows, *cap * sizeof **rows);
    }
    rollup_row_t *row = &(*rows) [*n];
    memset (row, 0, sizeof *row);
    row->key = *key;
    report06a_init (&row->counts, from, to);
    (*n)++;
    zhashx_insert (index, name, (void *) *n);
    return row;
}

static int
s_rows_from_facts (db_t *db, int64_t from, int64_t to, const int *groups, size_t n_groups,
                   const rollup_key_t *filter, rollup_row_t **rows, size_t *n_rows, size_t *cap)
{
    char f [24], t [24], where [512] = "";
    snprintf (f, sizeof f, "%lld", (long long) from);
    snprintf (t, sizeof t, "%lld", (long long) to);
    const char *params [6] = { f, t };
    int count = s_filter_sql (filter, where, sizeof where, params, 2);
    char sql [2048];
    snprintf (sql, sizeof sql, "SELECT " ROLLUP_FACT_COLUMNS " FROM reporting.dossier_fact"
              " WHERE received_at < to_timestamp ($2::bigint / 1000.0)"
              " AND (resolved_at IS NULL OR resolved_at >= to_timestamp ($1::bigint / 1000.0))%s", where);
    PGresult *res = db_query (db, sql, count, params);
    if (!res)
        return -1;
    zhashx_t *index = zhashx_new ();
    for (int r = 0; r < PQntuples (res); r++) {
        rollup_fact_t fact;
        rollup_key_t key;
        reporting_rollup_read_fact (res, r, 0, &fact, &key);
        s_project (&key, groups, n_groups);
        report06a_add (&s_row_for (index, rows, n_rows, cap, &key, from, to)->counts, &fact.base);
    }
    zhashx_destroy (&index);
    PQclear (res);
    return 0;
}

static int
s_rows_from_rollups (db_t *db, int64_t from, int64_t to, const int *groups, size_t n_groups,
                     const rollup_key_t *filter, rollup_row_t **rows, size_t *n_rows, size_t *cap)
{
    //  Edges: F and T as day buckets, their months, and those months' first days.
    int32_t dF = rollup_day_bucket (from), dT = rollup_day_bucket (to);
    int32_t mF = rollup_month_bucket (from), mT = rollup_month_bucket (to);
    char b [6][16];
    snprintf (b [0], 16, "%d", mF); snprintf (b [1], 16, "%d", rollup_month_first_day (mF));
    snprintf (b [2], 16, "%d", dF); snprintf (b [3], 16, "%d", mT);
    snprintf (b [4], 16, "%d", rollup_month_first_day (mT)); snprintf (b [5], 16, "%d", dT);
    const char *params [10] = { b [0], b [1], b [2], b [3], b [4], b [5] };
    char where [512] = "";
    int count = s_filter_sql (filter, where, sizeof where, params, 6);
    char select [512] = "", group [256] = "";
    size_t s = 0, g = 0;
    for (int k = GROUP_AGENCY; k <= GROUP_PROCEDURE; k++) {
        bool on = s_grouped (groups, n_groups, k);
        s += (size_t) snprintf (select + s, sizeof select - s, "%s%s", on ? s_group_column (k) : "''", ", ");
        if (on)
            g += (size_t) snprintf (group + g, sizeof group - g, "%s%s", g ? ", " : " GROUP BY ", s_group_column (k));
    }
    zchunk_t *sql = zchunk_new (NULL, 4096);
    zchunk_extend (sql, "SELECT ", 7);
    zchunk_extend (sql, select, strlen (select));
    for (int m = 0; m < RM_COUNT; m++) {
        char sums [512];
        snprintf (sums, sizeof sums,
            "%1$scoalesce (sum (%2$s) FILTER (WHERE grain = 1 AND bucket < $1::int"
            " OR grain = 0 AND bucket >= $2::int AND bucket < $3::int), 0),"
            " coalesce (sum (%2$s) FILTER (WHERE grain = 1 AND bucket < $4::int"
            " OR grain = 0 AND bucket >= $5::int AND bucket < $6::int), 0)",
            m ? ", " : "", rollup_metric_names [m]);
        zchunk_extend (sql, sums, strlen (sums));
    }
    char tail [1536];
    snprintf (tail, sizeof tail,
        " FROM reporting.rollup WHERE (grain = 1 AND bucket < greatest ($1::int, $4::int)"
        " OR grain = 0 AND (bucket >= $2::int AND bucket < $3::int OR bucket >= $5::int AND bucket < $6::int))%s%s",
        where, group);
    zchunk_extend (sql, tail, strlen (tail) + 1);
    PGresult *res = db_query (db, (const char *) zchunk_data (sql), count, params);
    zchunk_destroy (&sql);
    if (!res)
        return -1;
    for (int r = 0; r < PQntuples (res); r++) {
        if (*n_rows == *cap) {
            *cap = *cap ? *cap * 2 : 16;
            *rows = realloc (*rows, *cap * sizeof **rows);
        }
        rollup_row_t *row = &(*rows) [(*n_rows)++];
        memset (row, 0, sizeof *row);
        snprintf (row->key.agency, sizeof row->key.agency, "%s", PQgetvalue (res, r, 0));
        snprintf (row->key.field, sizeof row->key.field, "%s", PQgetvalue (res, r, 1));
        snprintf (row->key.level, sizeof row->key.level, "%s", PQgetvalue (res, r, 2));
        snprintf (row->key.procedure, sizeof row->key.procedure, "%s", PQgetvalue (res, r, 3));
        for (int m = 0; m < RM_COUNT; m++) {
            row->before_from.v [m] = atoll (PQgetvalue (res, r, 4 + 2 * m));
            row->before_to.v [m] = atoll (PQgetvalue (res, r, 5 + 2 * m));
        }
        row->counts.from = from;
        row->counts.to = to;
        rollup_report (&row->before_from, &row->before_to, &row->counts);
    }
    PQclear (res);
    return 0;
}

int
reporting_rollup_rows (db_t *db, int64_t from, int64_t to, const int *groups, size_t n_groups,
                       const rollup_key_t *filter, bool from_facts, rollup_row_t **rows, size_t *n_rows)
{
    *rows = NULL;
    *n_rows = 0;
    size_t cap = 0;
    int rc = from_facts
        ? s_rows_from_facts (db, from, to, groups, n_groups, filter, rows, n_rows, &cap)
        : s_rows_from_rollups (db, from, to, groups, n_groups, filter, rows, n_rows, &cap);
    if (rc) {
        free (*rows);
        *rows = NULL;
        *n_rows = 0;
        return -1;
    }
    //  Keys with nothing in the window are left out.
    size_t kept = 0;
    for (size_t i = 0; i < *n_rows; i++)
        if ((*rows) [i].counts.received_total)
            (*rows) [kept++] = (*rows) [i];
    *n_rows = kept;
    sort_order_t order = { groups, n_groups };
    qsort_r (*rows, *n_rows, sizeof **rows, s_rows_cmp, &order);
    return 0;
}
