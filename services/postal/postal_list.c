/*  postal_list — lists joined in one SQL text. See postal_list.h.          */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "postal_list.h"

size_t
postal_split (char *joined, char **items, size_t max)
{
    size_t count = 0;
    if (!joined || !*joined)
        return 0;
    char *at = joined;
    while (count < max) {
        items [count++] = at;
        char *next = strchr (at, POSTAL_SEPARATOR);
        if (!next)
            break;
        *next = 0;
        at = next + 1;
    }
    return count;
}

char *
postal_join (char **items, size_t count)
{
    size_t size = 1;
    for (size_t i = 0; i < count; i++)
        size += strlen (items [i]) + 1;
    char *joined = (char *) calloc (1, size), *at = joined;
    for (size_t i = 0; i < count; i++)
        at += sprintf (at, "%s%s", i ? "\x1f" : "", items [i]);
    return joined;
}
