/*  html — escaping for the printed forms. See html.h.                      */
#include <string.h>
#include "html.h"

static const char *
s_entity (char c)
{
    switch (c) {
        case '&':  return "&amp;";
        case '<':  return "&lt;";
        case '>':  return "&gt;";
        case '"':  return "&quot;";
        case '\'': return "&#39;";
        default:   return NULL;
    }
}

void
html_escape (FILE *out, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        const char *entity = s_entity (*p);
        if (entity)
            fputs (entity, out);
        else
            fputc (*p, out);
    }
}

char *
html_escape_to (char *buf, size_t size, const char *text)
{
    size_t at = 0;
    if (!size)
        return buf;
    for (const char *p = text ? text : ""; *p; p++) {
        const char *entity = s_entity (*p);
        size_t len = entity ? strlen (entity) : 1;
        if (at + len >= size) {
            if (((unsigned char) *p & 0xC0) == 0x80) {
                while (at > 0 && ((unsigned char) buf [at - 1] & 0xC0) == 0x80)
                    at--;       //  not half a UTF-8 character: drop its start too
                if (at > 0)
                    at--;
            }
            break;
        }
        memcpy (buf + at, entity ? entity : p, len);
        at += len;
    }
    buf [at] = 0;
    return buf;
}
