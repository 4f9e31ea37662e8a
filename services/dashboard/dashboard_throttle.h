/*  dashboard_throttle — failed logins slowed down, per client address.
    The rule: an address's first DASHBOARD_THROTTLE_FREE (5) wrong tokens cost
    nothing; after its n-th (n >= 5) it may not try again, with a right token
    or a wrong one, for 2^(n-5) seconds, at most DASHBOARD_THROTTLE_MAX_S
    (300): 1 s after the 5th, 2 s after the 6th, 4 s after the 7th … so a
    guesser gets about a dozen tries in its first ten minutes, then one each
    five minutes. A right token clears its address; an address with no
    failure for DASHBOARD_THROTTLE_FORGET_S (15 minutes) is forgotten. At most
    `capacity` addresses are remembered (the one whose last failure is
    oldest makes room). The address is the TCP peer's: behind a reverse
    proxy every client is the proxy's, so throttle there too (README).
    Safe to call from any thread (one mutex inside).                        */
#ifndef DASHBOARD_THROTTLE_H
#define DASHBOARD_THROTTLE_H
#include <stddef.h>

#define DASHBOARD_THROTTLE_FREE     5
#define DASHBOARD_THROTTLE_MAX_S    300
#define DASHBOARD_THROTTLE_FORGET_S 900

typedef struct dashboard_throttle_t dashboard_throttle_t;

dashboard_throttle_t *dashboard_throttle_new (size_t capacity);
void dashboard_throttle_destroy (dashboard_throttle_t **self_p);

//  Whole seconds (rounded up) address must still wait before its next
//  login, 0 if it may try now.
int  dashboard_throttle_wait (dashboard_throttle_t *self, const char *address);

//  A wrong token came from address; a right one.
void dashboard_throttle_failed (dashboard_throttle_t *self, const char *address);
void dashboard_throttle_passed (dashboard_throttle_t *self, const char *address);

#endif
