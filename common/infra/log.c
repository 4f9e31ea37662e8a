/*  log — levelled log lines on stderr. See log.h.                          */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include "log.h"

static char s_service [32] = "motcua";
static log_level_t s_level = MLOG_INFO;

void
log_init (const char *service, const char *level)
{
    if (service)
        snprintf (s_service, sizeof s_service, "%s", service);
    if (level) {
        if (strcmp (level, "debug") == 0) s_level = MLOG_DEBUG;
        else if (strcmp (level, "warn") == 0) s_level = MLOG_WARN;
        else if (strcmp (level, "error") == 0) s_level = MLOG_ERROR;
        else s_level = MLOG_INFO;
    }
}

void
log_at (log_level_t level, const char *fmt, ...)
{
    if (level < s_level)
        return;
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r (&ts.tv_sec, &tm);
    char line [2048];
    int n = snprintf (line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %c %s: ",
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec, ts.tv_nsec / 1000000, "DIWE" [level], s_service);
    va_list args;
    va_start (args, fmt);
    vsnprintf (line + n, sizeof line - (size_t) n, fmt, args);
    va_end (args);
    fprintf (stderr, "%s\n", line);
}
