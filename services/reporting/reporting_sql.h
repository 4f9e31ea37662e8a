/*  reporting_sql — what reporting's SQL shares: instants travel as ms since
    the epoch in text parameters (db_ms.h: DB_TS turns parameter n into a
    timestamptz, DB_MS a column back into ms), and numbers formatted for them. */
#ifndef REPORTING_SQL_H
#define REPORTING_SQL_H
#include <stdio.h>
#include <stdint.h>
#include "db_ms.h"


//  value as decimal text in buf; returns buf.
static inline char *
reporting_num (int64_t value, char *buf, size_t size)
{
    snprintf (buf, size, "%lld", (long long) value);
    return buf;
}

#endif
