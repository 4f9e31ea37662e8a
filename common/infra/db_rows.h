/*  db_rows — a query's rows read into a store's own structs: the one row a
    look-up finds, or every row into a new array. The store says how one row
    reads (its columns into its struct); each call clears the result.      */
#ifndef DB_ROWS_H
#define DB_ROWS_H
#include <stddef.h>
#include <libpq-fe.h>

//  Read row r of result into the struct at row.
typedef void (db_row_read_fn) (PGresult *result, int r, void *row);

//  The single row of result into row: 1 read, 0 no row (row untouched),
//  -1 if result is NULL (the query failed).
int   db_rows_one (PGresult *result, db_row_read_fn *read, void *row);

//  Every row of result into a new zeroed array of count + 1 structs of size
//  bytes (caller frees). *count is the number of rows, or -1 (and NULL is
//  returned) if result is NULL.
void *db_rows_all (PGresult *result, size_t size, db_row_read_fn *read, int *count);

#endif
