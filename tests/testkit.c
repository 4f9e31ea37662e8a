/*  testkit — see testkit.h.                                                  */
#include <stdio.h>
#include "testkit.h"
#include "vntime.h"

static int s_passed, s_failed;

void
testkit_check (bool ok, const char *name, const char *file, int line, const char *detail)
{
    if (ok) {
        s_passed++;
        printf ("ok   %s\n", name);
    }
    else {
        s_failed++;
        printf ("FAIL %s (%s:%d: %s)\n", name, file, line, detail);
    }
    fflush (stdout);
}

int
testkit_failed (void)
{
    return s_failed;
}

int
testkit_finish (void)
{
    printf ("%d passed, %d failed\n", s_passed, s_failed);
    return s_failed ? 1 : 0;
}

const char *
testkit_iso (int64_t at_ms)
{
    static char bufs [4][40];
    static int next;
    char *buf = bufs [next++ % 4];
    return vn_format_iso (at_ms, buf, 40);
}
