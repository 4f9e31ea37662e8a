/*  log — levelled log lines on stderr: `2026-11-29T08:05:00.123Z I intake: …`.
    The level comes from MOTCUA_LOG_LEVEL or the config (debug|info|warn|error). */
#ifndef LOG_H
#define LOG_H

typedef enum { MLOG_DEBUG = 0, MLOG_INFO, MLOG_WARN, MLOG_ERROR } log_level_t;

void log_init (const char *service, const char *level);
void log_at (log_level_t level, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));

#define log_debug(...) log_at (MLOG_DEBUG, __VA_ARGS__)
#define log_info(...)  log_at (MLOG_INFO, __VA_ARGS__)
#define log_warn(...)  log_at (MLOG_WARN, __VA_ARGS__)
#define log_error(...) log_at (MLOG_ERROR, __VA_ARGS__)

#endif
