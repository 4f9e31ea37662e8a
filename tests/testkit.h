/*  testkit — the smallest test harness: named checks, a pass/fail tally, and a
    final line `N passed, N failed` that tests/run.sh adds up.                 */
#ifndef TESTKIT_H
#define TESTKIT_H
#include <stdbool.h>
#include <stdint.h>

//  Record one check. Prints "ok   name" or "FAIL name (file:line: detail)".
void testkit_check (bool ok, const char *name, const char *file, int line, const char *detail);
//  Print "N passed, N failed" and return the process exit code (0 if none failed).
int  testkit_finish (void);
int  testkit_failed (void);

//  Minutes of the day, for instants: HM (13, 30).
#define HM(h, m) ((h) * 60 + (m))

//  An instant as local ISO text (one of four rotating buffers), for
//  readable string comparisons.
const char *testkit_iso (int64_t at_ms);

#define CHECK(cond, name) testkit_check ((cond), (name), __FILE__, __LINE__, #cond)
#define CHECK_EQ_INT(a, b, name) do { long long _a = (a), _b = (b); char _d [96]; \
    snprintf (_d, sizeof _d, "%lld != %lld", _a, _b); testkit_check (_a == _b, (name), __FILE__, __LINE__, _d); } while (0)
#define CHECK_EQ_STR(a, b, name) do { const char *_a = (a), *_b = (b); char _d [256]; \
    snprintf (_d, sizeof _d, "\"%s\" != \"%s\"", _a ? _a : "(null)", _b ? _b : "(null)"); \
    testkit_check (_a && _b && strcmp (_a, _b) == 0, (name), __FILE__, __LINE__, _d); } while (0)

#endif
