/*  db_ms — instants are milliseconds since the epoch in C and timestamptz in
    PostgreSQL: DB_MS (column) reads a column back as ms (0 for NULL). Every
    store's SQL uses it (a parameter's way in: db_ms_param in db.h, or the
    store's own TS (n)).                                                    */
#ifndef DB_MS_H
#define DB_MS_H

#define DB_MS(col) "coalesce ((extract (epoch FROM " col ") * 1000)::bigint, 0)"

#endif
