/*  dashboard_token — the secret that opens the dashboard. It lives in
    <var>/dashboard.token (owner-only), made from the kernel's random bytes at
    the first start; the operator hands it to the people who may look. It is
    taken only by the login form (POST /login), which opens a session of its
    own (dashboard_session.h); it is compared in constant time. The same
    random source makes the session ids.                                    */
#ifndef DASHBOARD_TOKEN_H
#define DASHBOARD_TOKEN_H
#include <stdbool.h>
#include <stddef.h>

#define DASHBOARD_TOKEN_HEX 64              //  256 random bits as hex

//  Read the token at path, creating it first if missing. token holds at least
//  DASHBOARD_TOKEN_HEX + 1 bytes. 0, or -1 (logged) if it cannot be had.
int  dashboard_token_load (const char *path, char *token, size_t size);

//  bytes random bytes from the kernel as 2 * bytes lower-case hex digits
//  and a NUL into hex. 0, or -1 if the kernel gave none.
int  dashboard_token_random (char *hex, size_t bytes);

//  Whether given equals expected, in time that depends only on their lengths.
bool dashboard_token_equal (const char *expected, const char *given);

#endif
