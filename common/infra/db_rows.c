/*  db_rows — a query's rows into a store's structs. See db_rows.h.          */
#include <stdlib.h>
#include "db_rows.h"

int
db_rows_one (PGresult *result, db_row_read_fn *read, void *row)
{
    if (!result)
        return -1;
    int found = PQntuples (result) == 1;
    if (found)
        read (result, 0, row);
    PQclear (result);
    return found;
}

void *
db_rows_all (PGresult *result, size_t size, db_row_read_fn *read, int *count)
{
    *count = -1;
    if (!result)
        return NULL;
    *count = PQntuples (result);
    char *rows = (char *) calloc ((size_t) *count + 1, size);
    for (int r = 0; r < *count; r++)
        read (result, r, rows + (size_t) r * size);
    PQclear (result);
    return rows;
}
