/*  dashboard_session — who is logged in. A right token at the login form
    opens a session: 256 random bits from the kernel (as hex), which the
    browser keeps as its HttpOnly cookie; the shared token itself never
    travels again. A session ends at logout, after idle_s seconds without a
    request, or max_s seconds after its login, whichever comes first (the
    dashboard's defaults: 30 minutes idle, 12 hours in all). When all
    `capacity` places are taken, the session used longest ago makes room.
    Sessions live in memory: a restart logs everyone out.
    Safe to call from any thread (one mutex inside).                        */
#ifndef DASHBOARD_SESSION_H
#define DASHBOARD_SESSION_H
#include <stdbool.h>
#include <stddef.h>

#define DASHBOARD_SESSION_HEX 64            //  a session id: 256 bits as hex

typedef struct dashboard_session_t dashboard_session_t;

dashboard_session_t *dashboard_session_new (int idle_s, int max_s, size_t capacity);
void dashboard_session_destroy (dashboard_session_t **self_p);

//  Open a session: its id into id (DASHBOARD_SESSION_HEX + 1 bytes).
//  0, or -1 (logged) if the kernel gave no random bytes.
int  dashboard_session_open (dashboard_session_t *self, char *id);

//  Whether id names a live session; a live one's idle time starts again.
//  id is compared with every session in constant time; NULL is no session.
bool dashboard_session_check (dashboard_session_t *self, const char *id);

//  End the session id names, if it is one.
void dashboard_session_close (dashboard_session_t *self, const char *id);

#endif
