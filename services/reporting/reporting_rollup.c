/*  reporting_rollup — rollups kept by events, rebuilt from the facts, and
    synthetic dossiers for benchmarks: what writes reporting.rollup (II.06a
    read from it: reporting_rollup_read.c). See reporting_rollup.h and
    common/law/rollup.h.                                                        */
#include "reporting_sql.h"
#include "rule_set.h"
#include <czmq.h>
#include "reporting_rollup.h"
#include "vntime.h"
#include "log.h"

void
reporting_rollup_read_fact (PGresult *res, int r, int at, rollup_fact_t *fact, rollup_key_t *key)
{
    snprintf (key->agency, sizeof key->agency, "%s", PQgetvalue (res, r, at + 0));
    snprintf (key->field, sizeof key->field, "%s", PQgetvalue (res, r, at + 1));
    snprintf (key->level, sizeof key->level, "%s", PQgetvalue (res, r, at + 2));
    snprintf (key->procedure, sizeof key->procedure, "%s", PQgetvalue (res, r, at + 3));
    memset (fact, 0, sizeof *fact);
    fact->base.received_at = atoll (PQgetvalue (res, r, at + 4));
    fact->base.due_at = atoll (PQgetvalue (res, r, at + 5));
    fact->base.resolved_at = atoll (PQgetvalue (res, r, at + 6));
    fact->base.channel = atoi (PQgetvalue (res, r, at + 7));
    fact->base.paused_at = atoll (PQgetvalue (res, r, at + 8));
    fact->base.resumed_at = atoll (PQgetvalue (res, r, at + 9));
    fact->online_capable = *PQgetvalue (res, r, at + 10) == 't';
    fact->digitised = *PQgetvalue (res, r, at + 11) == 't';
    fact->result_digitised = *PQgetvalue (res, r, at + 12) == 't';
    fact->postal_return = *PQgetvalue (res, r, at + 13) == 't';
}

int
reporting_rollup_load (db_t *db, const char *code, rollup_fact_t *fact, rollup_key_t *key)
{
    const char *params [1] = { code };
    PGresult *res = db_query (db, "SELECT " ROLLUP_FACT_COLUMNS " FROM reporting.dossier_fact"
                                  " WHERE dossier_code = $1 FOR UPDATE", 1, params);
    if (!res)
        return -1;
    int found = PQntuples (res) > 0;
    if (found)
        reporting_rollup_read_fact (res, 0, 0, fact, key);
    PQclear (res);
    return found;
}

// --------------------------------------------------------------------------
//  Writing deltas

typedef struct {
    int key;                    //  0 before, 1 after
    int grain;
    int32_t bucket;
    int64_t v [RM_COUNT];
} s_row_t;

static size_t
s_add (s_row_t *rows, size_t n, int key, int grain, int32_t bucket, rollup_metric_t metric, int delta)
{
    for (size_t i = 0; i < n; i++)
        if (rows [i].key == key && rows [i].grain == grain && rows [i].bucket == bucket) {
            rows [i].v [metric] += delta;
            return n;
        }
    memset (&rows [n], 0, sizeof rows [n]);
    rows [n].key = key;
    rows [n].grain = grain;
    rows [n].bucket = bucket;
    rows [n].v [metric] = delta;
    return n + 1;
}

static int
s_row_cmp (const void *a, const void *b)
{
    const s_row_t *x = a, *y = b;
    return x->grain != y->grain ? x->grain - y->grain
         : x->bucket != y->bucket ? (x->bucket < y->bucket ? -1 : 1)
         : x->key - y->key;
}

static bool
s_zero (const s_row_t *row)
{
    for (int m = 0; m < RM_COUNT; m++)
        if (row->v [m])
            return false;
    return true;
}

//  Upsert rows (added to what is there). keys[row.key] names each row's key.
static int
s_upsert (db_t *db, const s_row_t *rows, size_t n, const rollup_key_t *const *keys)
{
    if (!n)
        return 0;
    enum { PER = 6 + RM_COUNT };
    zchunk_t *sql = zchunk_new (NULL, 4096);
    char head [1024];
    size_t at = (size_t) snprintf (head, sizeof head,
        "INSERT INTO reporting.rollup (grain, bucket, agency_code, field, level, procedure_code");
    for (int m = 0; m < RM_COUNT; m++)
        at += (size_t) snprintf (head + at, sizeof head - at, ", %s", rollup_metric_names [m]);
    snprintf (head + at, sizeof head - at, ") VALUES ");
    zchunk_extend (sql, head, strlen (head));
    const char **params = (const char **) calloc (n * PER, sizeof (char *));
    char (*nums) [24] = calloc (n * (2 + RM_COUNT), 24);
    for (size_t r = 0; r < n; r++) {
        char tuple [256];
        size_t t = (size_t) snprintf (tuple, sizeof tuple, "%s(", r ? ", " : "");
        for (int c = 0; c < PER; c++)
            t += (size_t) snprintf (tuple + t, sizeof tuple - t, "%s$%zu%s", c ? ", " : "",
                                    r * PER + c + 1, c < 2 ? "::int" : c >= 6 ? "::int" : "");
        snprintf (tuple + t, sizeof tuple - t, ")");
        zchunk_extend (sql, tuple, strlen (tuple));
        char (*num) [24] = nums + r * (2 + RM_COUNT);
        const rollup_key_t *key = keys [rows [r].key];
        snprintf (num [0], 24, "%d", rows [r].grain);
        snprintf (num [1], 24, "%d", rows [r].bucket);
        params [r * PER + 0] = num [0];
        params [r * PER + 1] = num [1];
        params [r * PER + 2] = key->agency;
        params [r * PER + 3] = key->field;
        params [r * PER + 4] = key->level;
        params [r * PER + 5] = key->procedure;
        for (int m = 0; m < RM_COUNT; m++) {
            snprintf (num [2 + m], 24, "%lld", (long long) rows [r].v [m]);
            params [r * PER + 6 + m] = num [2 + m];
        }
    }
    char tail [1024];
    at = (size_t) snprintf (tail, sizeof tail,
        " ON CONFLICT (grain, bucket, agency_code, field, level, procedure_code) DO UPDATE SET ");
    for (int m = 0; m < RM_COUNT; m++)
        at += (size_t) snprintf (tail + at, sizeof tail - at, "%s%s = reporting.rollup.%s + EXCLUDED.%s",
                                 m ? ", " : "", rollup_metric_names [m], rollup_metric_names [m],
                                 rollup_metric_names [m]);
    zchunk_extend (sql, tail, strlen (tail) + 1);
    int rc = db_exec (db, (const char *) zchunk_data (sql), (int) (n * PER), params);
    free (params);
    free (nums);
    zchunk_destroy (&sql);
    return rc;
}

//  Both grains of a delta list into rows.
static size_t
s_collect (s_row_t *rows, size_t n, int key, const rollup_delta_t *deltas, size_t count, int sign)
{
    for (size_t i = 0; i < count; i++) {
        n = s_add (rows, n, key, 0, rollup_day_bucket (deltas [i].at), deltas [i].metric, sign * deltas [i].delta);
        n = s_add (rows, n, key, 1, rollup_month_bucket (deltas [i].at), deltas [i].metric, sign * deltas [i].delta);
    }
    return n;
}

int
reporting_rollup_change (db_t *db, const rollup_fact_t *before, const rollup_key_t *key_before,
                         const rollup_fact_t *after, const rollup_key_t *key_after)
{
    rollup_delta_t old [ROLLUP_MAX_DELTAS], new [ROLLUP_MAX_DELTAS];
    size_t n_old = before ? rollup_deltas (before, old) : 0;
    size_t n_new = rollup_deltas (after, new);
    bool same_key = !before || (streq (key_before->agency, key_after->agency)
                             && streq (key_before->field, key_after->field)
                             && streq (key_before->level, key_after->level)
                             && streq (key_before->procedure, key_after->procedure));
    s_row_t rows [4 * ROLLUP_MAX_DELTAS];
    size_t n = s_collect (rows, 0, same_key ? 1 : 0, old, n_old, -1);
    n = s_collect (rows, n, 1, new, n_new, +1);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!s_zero (&rows [i]))
            rows [kept++] = rows [i];
    qsort (rows, kept, sizeof rows [0], s_row_cmp);     //  one lock order for all
    const rollup_key_t *keys [2] = { key_before ? key_before : key_after, key_after };
    return s_upsert (db, rows, kept, keys);
}

int
reporting_rollup_built (db_t *db)
{
    PGresult *res = db_query (db, "SELECT built FROM reporting.rollup_state", 0, NULL);
    if (!res)
        return -1;
    int built = PQntuples (res) && *PQgetvalue (res, 0, 0) == 't';
    PQclear (res);
    return built;
}

// --------------------------------------------------------------------------
//  Rebuild: every fact's deltas, summed per key in day arrays, then written.

typedef struct {
    rollup_key_t key;
    int32_t first_day;          //  days [first_day, first_day + span)
    int32_t span;
    int64_t *v;                 //  span * RM_COUNT
} s_acc_t;

static void
s_acc_destroy (void **item)
{
    s_acc_t *acc = (s_acc_t *) *item;
    free (acc->v);
    free (acc);
    *item = NULL;
}

static void
s_acc_add (s_acc_t *acc, int32_t day, rollup_metric_t metric, int delta)
{
    if (!acc->span || day < acc->first_day || day >= acc->first_day + acc->span) {
        int32_t lo = acc->span ? (day < acc->first_day ? day - 366 : acc->first_day) : day - 366;
        int32_t hi = acc->span ? (day >= acc->first_day + acc->span ? day + 367 : acc->first_day + acc->span)
                               : day + 367;
        int64_t *v = calloc ((size_t) (hi - lo) * RM_COUNT, sizeof (int64_t));
        if (acc->span)
            memcpy (v + (size_t) (acc->first_day - lo) * RM_COUNT, acc->v,
                    (size_t) acc->span * RM_COUNT * sizeof (int64_t));
        free (acc->v);
        acc->v = v;
        acc->first_day = lo;
        acc->span = hi - lo;
    }
    acc->v [(size_t) (day - acc->first_day) * RM_COUNT + metric] += delta;
}

//  Append one number to a growing "{a,b,…}" array literal.
static void
s_array_add (zchunk_t *array, int64_t value)
{
    char text [24];
    int n = snprintf (text, sizeof text, "%s%lld", zchunk_size (array) > 1 ? "," : "", (long long) value);
    zchunk_extend (array, text, (size_t) n);
}

//  Write one key's accumulated days and months in one statement: the
//  columns travel as arrays (the table was emptied, so no conflicts).
static int
s_acc_write (db_t *db, s_acc_t *acc)
{
    zchunk_t *arrays [2 + RM_COUNT];
    for (int c = 0; c < 2 + RM_COUNT; c++)
        arrays [c] = zchunk_new ("{", 1);
    s_row_t month = { .grain = 1, .bucket = INT32_MIN };
    for (int32_t i = 0; i <= acc->span; i++) {
        int32_t day = acc->first_day + i;
        int32_t m = i < acc->span ? rollup_month_bucket (rollup_day_start (day)) : INT32_MIN;
        s_row_t row = { .grain = 0, .bucket = day };
        if (i < acc->span)
            memcpy (row.v, acc->v + (size_t) i * RM_COUNT, sizeof row.v);
        const s_row_t *out [2] = { NULL, NULL };
        if (m != month.bucket && month.bucket != INT32_MIN && !s_zero (&month))
            out [0] = &month;
        if (i < acc->span && !s_zero (&row))
            out [1] = &row;
        for (int o = 0; o < 2; o++)
            if (out [o]) {
                s_array_add (arrays [0], out [o]->grain);
                s_array_add (arrays [1], out [o]->bucket);
                for (int k = 0; k < RM_COUNT; k++)
                    s_array_add (arrays [2 + k], out [o]->v [k]);
            }
        if (m != month.bucket) {
            memset (&month, 0, sizeof month);
            month.grain = 1, month.bucket = m;
        }
        for (int k = 0; k < RM_COUNT; k++)
            month.v [k] += row.v [k];
    }
    const char *params [6 + RM_COUNT];
    for (int c = 0; c < 2 + RM_COUNT; c++) {
        zchunk_extend (arrays [c], "}", 2);
        params [c < 2 ? c : c + 4] = (const char *) zchunk_data (arrays [c]);
    }
    params [2] = acc->key.agency;
    params [3] = acc->key.field;
    params [4] = acc->key.level;
    params [5] = acc->key.procedure;
    char sql [2048], columns [512] = "", unnest [512] = "", select [256] = "", names [256] = "";
    size_t c = 0, u = 0, v = 0, w = 0;
    for (int m = 0; m < RM_COUNT; m++) {
        c += (size_t) snprintf (columns + c, sizeof columns - c, ", %s", rollup_metric_names [m]);
        u += (size_t) snprintf (unnest + u, sizeof unnest - u, ", $%d::int[]", 7 + m);
        v += (size_t) snprintf (select + v, sizeof select - v, ", u.m%d", m);
        w += (size_t) snprintf (names + w, sizeof names - w, ", m%d", m);
    }
    snprintf (sql, sizeof sql,
        "INSERT INTO reporting.rollup (grain, bucket, agency_code, field, level, procedure_code%s)"
        " SELECT u.g, u.b, $3, $4, $5, $6%s FROM unnest ($1::smallint[], $2::int[]%s) AS u (g, b%s)",
        columns, select, unnest, names);
    int rc = db_exec (db, sql, 6 + RM_COUNT, params);
    for (int k = 0; k < 2 + RM_COUNT; k++)
        zchunk_destroy (&arrays [k]);
    return rc;
}

//  The rebuild, inside the caller's transaction.
static int64_t
s_rebuild (db_t *db)
{
    int64_t started = zclock_mono ();
    zhashx_t *accs = zhashx_new ();
    zhashx_set_destructor (accs, s_acc_destroy);
    int64_t facts = 0;
    char last [128] = "";
    int rc = db_exec (db, "LOCK TABLE reporting.rollup IN EXCLUSIVE MODE", 0, NULL)
          || db_exec (db, "TRUNCATE reporting.rollup", 0, NULL);
    while (!rc) {                                       //  keyset pages of facts
        const char *params [1] = { last };
        PGresult *res = db_query (db, "SELECT dossier_code, " ROLLUP_FACT_COLUMNS
                                      " FROM reporting.dossier_fact WHERE dossier_code > $1"
                                      " ORDER BY dossier_code LIMIT 50000", 1, params);
        if (!res) { rc = -1; break; }
        int rows = PQntuples (res);
        for (int r = 0; r < rows; r++) {
            rollup_fact_t fact;
            rollup_key_t key;
            reporting_rollup_read_fact (res, r, 1, &fact, &key);
            char name [sizeof key];
            snprintf (name, sizeof name, "%s\x1f%s\x1f%s\x1f%s", key.agency, key.field, key.level, key.procedure);
            s_acc_t *acc = (s_acc_t *) zhashx_lookup (accs, name);
            if (!acc) {
                acc = (s_acc_t *) calloc (1, sizeof *acc);
                acc->key = key;
                zhashx_insert (accs, name, acc);
            }
            rollup_delta_t deltas [ROLLUP_MAX_DELTAS];
            size_t n = rollup_deltas (&fact, deltas);
            for (size_t i = 0; i < n; i++)
                s_acc_add (acc, rollup_day_bucket (deltas [i].at), deltas [i].metric, deltas [i].delta);
        }
        if (rows)
            snprintf (last, sizeof last, "%s", PQgetvalue (res, rows - 1, 0));
        facts += rows;
        PQclear (res);
        if (rows < 50000)
            break;
    }
    int64_t read = zclock_mono ();
    log_info ("rollup rebuild: facts read in %lld ms", (long long) (read - started));
    for (s_acc_t *acc = (s_acc_t *) zhashx_first (accs); acc && !rc; acc = (s_acc_t *) zhashx_next (accs))
        rc = s_acc_write (db, acc);
    log_info ("rollup rebuild: %lld facts read, %zu keys written in %lld ms",
               (long long) facts, zhashx_size (accs), (long long) (zclock_mono () - read));
    zhashx_destroy (&accs);
    if (!rc)
        rc = db_exec (db, "UPDATE reporting.rollup_state SET built = true", 0, NULL);
    return rc ? -1 : facts;
}

int64_t
reporting_rollup_rebuild (db_t *db)
{
    if (db_begin (db))
        return -1;
    int64_t facts = s_rebuild (db);
    if (facts < 0 || db_commit (db)) {
        db_rollback (db);
        return -1;
    }
    return facts;
}

int
reporting_rollup_generate (db_t *db, int64_t n, double seed, int first_year, int years)
{
    char seed_text [32], first [16], count [24], lo [24], hi [24], span [16];
    snprintf (seed_text, sizeof seed_text, "%.6f", seed);
    snprintf (first, sizeof first, "%d", first_year);
    snprintf (span, sizeof span, "%d", years);
    snprintf (count, sizeof count, "%lld", (long long) n);
    int64_t chunk = 1000000;
    if (db_begin (db))
        return -1;
    for (int64_t start = 1; start <= n; start += chunk) {
        snprintf (lo, sizeof lo, "%lld", (long long) start);
        snprintf (hi, sizeof hi, "%lld", (long long) (start + chunk - 1 < n ? start + chunk - 1 : n));
        char cutover [24];
        reporting_num (rule_set_cutover (), cutover, sizeof cutover);
        const char *params [6] = { seed_text, first, span, lo, hi, cutover };
        //  Shaped like research/peer-bench.md: due 5-30 days after receipt,
        //  90% resolved 1-40 days after it, channels and procedures uniform.
        PGresult *res = db_query (db,
            "WITH p AS (SELECT array_agg (code ORDER BY code) AS code, array_agg (agency_code ORDER BY code) AS agency,"
            "   array_agg (field ORDER BY code) AS field, array_agg (level ORDER BY code) AS level,"
            "   array_agg (online_level <> 'none' ORDER BY code) AS online, count (*)::int AS n"
            "   FROM catalog.procedure_version WHERE valid_to IS NULL),"
            " s AS (SELECT setseed ($1::float8 + $4::bigint / 1e9))"
            " INSERT INTO reporting.dossier_fact (dossier_code, procedure_code, agency_code, field, level,"
            "   channel, return_method, rule_set, received_at, due_at, resolved_at, outcome,"
            "   online_capable, digitised)"
            " SELECT 'GEN-' || $1 || '-' || g, p.code [k], p.agency [k], p.field [k], p.level [k],"
            "   ch, CASE WHEN ret < 0.2 THEN 2 ELSE 1 END,"
            "   CASE WHEN r < " DB_TS (6) " THEN '2018' ELSE '2025' END,"
            "   r, r + due_d * interval '1 day',"
            "   CASE WHEN res_p < 0.9 THEN r + res_d * interval '1 day' END,"
            "   CASE WHEN res_p < 0.9 THEN 1 END, p.online [k], ch = 2"
            " FROM p, s, (SELECT g, 1 + floor (random () * 1e9)::int AS kr, (1 + floor (random () * 3))::smallint AS ch,"
            "     make_timestamptz ($2::int, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')"
            "       + random () * (make_timestamptz ($2::int + $3::int, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')"
            "                    - make_timestamptz ($2::int, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')) AS r,"
            "     5 + floor (random () * 26) AS due_d, random () AS res_p, 1 + random () * 39 AS res_d,"
            "     random () AS ret"
            "   FROM generate_series ($4::bigint, $5::bigint) g OFFSET 0) x,"
            "   LATERAL (SELECT 1 + x.kr % p.n AS k) kk", 6, params);
        if (!res) {
            db_rollback (db);
            return -1;
        }
        PQclear (res);
        log_info ("generated dossiers %s-%s of %s", lo, hi, count);
    }
    //  Facts and rollups change together: no reader sees one without the other.
    int64_t t0 = zclock_mono ();
    if (s_rebuild (db) < 0 || db_commit (db)) {
        db_rollback (db);
        return -1;
    }
    log_info ("rollups rebuilt in %.1f s", (double) (zclock_mono () - t0) / 1000);
    return 0;
}
