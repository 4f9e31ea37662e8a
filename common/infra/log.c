/*  log — levelled log lines on stderr. See log.h.                          */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include "log.h"
#include "vntime.h"

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
    //  Stamped in Vietnam time with its offset written out, as every time
    //  the CLI shows (2026-12-04T09:54:38.031+07:00).
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    int64_t now_ms = (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    vn_civil_t c;
    vn_civil (now_ms, &c);
    char line [2048];
    int n = snprintf (line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+07:00 %c %s: ",
                      c.year, c.month, c.day, c.hour, c.minute, c.second, (int) (now_ms % 1000),
                      "DIWE" [level], s_service);
    va_list args;
    va_start (args, fmt);
    vsnprintf (line + n, sizeof line - (size_t) n, fmt, args);
    va_end (args);
    fprintf (stderr, "%s\n", line);
}
