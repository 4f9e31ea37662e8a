/*  reporting_sql — what reporting's SQL shares: instants travel as ms since
    the epoch in text parameters (TS turns parameter n into a timestamptz,
    MS a column back into ms, 0 for NULL), and numbers formatted for them.  */
#ifndef REPORTING_SQL_H
#define REPORTING_SQL_H
#include <stdio.h>
#include <stdint.h>

#define MS(col) "coalesce ((extract (epoch FROM " col ") * 1000)::bigint, 0)"
#define TS(n)   "to_timestamp ($" #n "::bigint / 1000.0)"

//  value as decimal text in buf; returns buf.
static inline char *
reporting_num (int64_t value, char *buf, size_t size)
{
    snprintf (buf, size, "%lld", (long long) value);
    return buf;
}

#endif
