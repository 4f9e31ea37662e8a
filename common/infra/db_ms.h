/*  db_ms — instants are milliseconds since the epoch in C and timestamptz in
    PostgreSQL. The one pair of time-column helpers every store's SQL uses:
    DB_MS (column) reads a column back as ms (0 for NULL); DB_TS (n) takes
    parameter $n (ms, as text) in as a timestamptz, and DB_TS_OR_NULL (n)
    the same with 0 meaning NULL ("not yet", "none").                       */
#ifndef DB_MS_H
#define DB_MS_H

#define DB_MS(col)        "coalesce ((extract (epoch FROM " col ") * 1000)::bigint, 0)"
#define DB_TS(n)          "to_timestamp ($" #n "::bigint / 1000.0)"
#define DB_TS_OR_NULL(n)  "to_timestamp (nullif ($" #n ", '0')::bigint / 1000.0)"

#endif
