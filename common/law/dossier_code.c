/*  dossier_code — formatting and parsing of dossier codes. See dossier_code.h. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <stdlib.h>
#include "vntime.h"
#include "dossier_code.h"

int
dossier_code_day (int64_t received_ms)
{
    vn_civil_t c;
    vn_civil (received_ms, &c);
    return (c.year % 100) * 10000 + c.month * 100 + c.day;
}

int
dossier_code_format (char *buf, size_t size, const char *agency, int day, int64_t sequence)
{
    if (!agency || !*agency || sequence < 1)
        return -1;
    int n = snprintf (buf, size, "%s-%06d-%04lld", agency, day, (long long) sequence);
    return n > 0 && (size_t) n < size ? 0 : -1;
}

int
dossier_code_parse (const char *code, char *agency, size_t agency_size, int *day, int64_t *sequence)
{
    const char *seq_dash = code ? strrchr (code, '-') : NULL;
    if (!seq_dash || seq_dash == code)
        return -1;
    if (seq_dash - code < 8 || seq_dash [-7] != '-')
        return -1;
    const char *day_dash = seq_dash - 7;
    for (const char *p = day_dash + 1; p < seq_dash; p++)
        if (!isdigit ((unsigned char) *p))
            return -1;
    size_t seq_len = strlen (seq_dash + 1);
    if (seq_len < 4)
        return -1;
    for (const char *p = seq_dash + 1; *p; p++)
        if (!isdigit ((unsigned char) *p))
            return -1;
    size_t agency_len = (size_t) (day_dash - code);
    if (agency_len + 1 > agency_size)
        return -1;
    memcpy (agency, code, agency_len);
    agency [agency_len] = 0;
    *day = atoi (day_dash + 1);
    *sequence = atoll (seq_dash + 1);
    return *sequence > 0 ? 0 : -1;
}
