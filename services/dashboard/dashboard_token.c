/*  dashboard_token — the dashboard's access token. See dashboard_token.h.   */
#include <czmq.h>
#include <fcntl.h>
#include <sys/random.h>
#include "dashboard_token.h"
#include "log.h"

int
dashboard_token_random (char *hex, size_t bytes)
{
    unsigned char random [64];
    assert (bytes <= sizeof random);
    if (getrandom (random, bytes, 0) != (ssize_t) bytes)
        return -1;
    for (size_t i = 0; i < bytes; i++)
        snprintf (hex + 2 * i, 3, "%02x", random [i]);
    hex [2 * bytes] = 0;
    return 0;
}

static int
s_create (const char *path)
{
    char hex [DASHBOARD_TOKEN_HEX + 2];
    if (dashboard_token_random (hex, DASHBOARD_TOKEN_HEX / 2))
        return -1;
    strcat (hex, "\n");
    //  O_EXCL: two dashboards started at once keep one token between them.
    int fd = open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return errno == EEXIST ? 0 : -1;
    ssize_t written = write (fd, hex, strlen (hex));
    close (fd);
    if (written == (ssize_t) strlen (hex))
        log_info ("made a new access token in %s", path);
    return written == (ssize_t) strlen (hex) ? 0 : -1;
}

int
dashboard_token_load (const char *path, char *token, size_t size)
{
    if (!zsys_file_exists (path) && s_create (path)) {
        log_error ("cannot create the access token %s: %s", path, strerror (errno));
        return -1;
    }
    FILE *file = fopen (path, "r");
    if (!file || !fgets (token, (int) size, file)) {
        log_error ("cannot read the access token %s", path);
        if (file)
            fclose (file);
        return -1;
    }
    fclose (file);
    token [strcspn (token, " \t\r\n")] = 0;
    if (strlen (token) < 32) {
        log_error ("the access token in %s is shorter than 32 characters", path);
        return -1;
    }
    return 0;
}

bool
dashboard_token_equal (const char *expected, const char *given)
{
    if (!expected || !given)
        return false;
    size_t length = strlen (expected);
    //  Read given only as far as expected's length: its own length is not secret.
    unsigned char diff = strnlen (given, length + 1) != length;
    for (size_t i = 0; i < length; i++) {
        unsigned char g = given [i];
        diff |= (unsigned char) (g ^ (unsigned char) expected [i]);
        if (!g)
            given = expected;   //  given ended early: finish over expected (diff is already set)
    }
    return diff == 0;
}
