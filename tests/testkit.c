/*  testkit — see testkit.h.                                                  */
#include <stdio.h>
#include "testkit.h"

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
