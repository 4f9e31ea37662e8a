/*  csv — CSV records as the catalogue files hold them (RFC 4180: "…" quotes,
    "" inside quotes; lines starting with # and blank lines between records
    are comments). Pure: text in, cells out; fuzzed by tests/fuzz/fuzz_csv.c.

    A cell a spreadsheet would run as a formula (it begins with = + - @, a
    tab or a carriage return, and is not a plain number) is written quoted
    with a ' before it, which spreadsheets show as text (OWASP, "CSV
    injection"); a cell that already begins with ' before one of those gets
    one more. Reading a quoted cell takes one such ' away again, so what the
    suite writes it reads back unchanged (catalog export | catalog import). */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"

void
csv_put (csv_buffer_t *buffer, char c)
{
    if (buffer->len + 2 > buffer->size) {
        buffer->size = buffer->size ? buffer->size * 2 : 256;
        buffer->data = (char *) realloc (buffer->data, buffer->size);
    }
    buffer->data [buffer->len++] = c;
    buffer->data [buffer->len] = 0;
}

//  Would a spreadsheet run cell as a formula? Plain numbers (-5, -1.5) not.
static bool
s_formula (const char *cell)
{
    if (!strchr ("=+-@\t\r", cell [0]) || !cell [0])
        return false;
    const char *p = cell + (cell [0] == '-' || cell [0] == '+');
    if (!isdigit ((unsigned char) *p))
        return true;
    while (isdigit ((unsigned char) *p))
        p++;
    if (*p == '.' || *p == ',')
        for (p++; isdigit ((unsigned char) *p); p++)
            ;
    return *p != 0;
}

//  Written with a ' before it (see the header): a formula, or such a cell.
static bool
s_neutralised (const char *cell)
{
    return s_formula (cell) || (cell [0] == '\'' && (s_formula (cell + 1) || s_neutralised (cell + 1)));
}

//  One record from *text into cells (owned, at most max). Returns the
//  number of cells, 0 at the end of the text, -1 if malformed.
int
csv_record (const char **text, int *line, char **cells, int max, char *error, size_t size)
{
    const char *p = *text;
    while (*p == '#' || *p == '\n' || (*p == '\r' && p [1] == '\n')) {
        while (*p && *p != '\n')
            p++;
        if (*p)
            p++;
        (*line)++;
    }
    if (!*p) {
        *text = p;
        return 0;
    }
    int count = 0;
    bool more = true;
    while (more) {
        csv_buffer_t cell = { NULL, 0, 0 };
        csv_put (&cell, 0);
        cell.len = 0;
        bool quoted = *p == '"';
        if (quoted) {
            for (p++; ; p++) {
                if (!*p) {
                    snprintf (error, size, "a quoted cell is not closed");
                    free (cell.data);
                    goto malformed;
                }
                if (*p == '"' && p [1] == '"')
                    csv_put (&cell, *p++);
                else
                if (*p == '"') {
                    p++;
                    break;
                }
                else {
                    if (*p == '\n')
                        (*line)++;
                    csv_put (&cell, *p);
                }
            }
            if (*p && *p != ',' && *p != '\n' && !(*p == '\r' && p [1] == '\n')) {
                snprintf (error, size, "text after the closing quote of cell %d", count + 1);
                free (cell.data);
                goto malformed;
            }
        }
        else
            while (*p && *p != ',' && *p != '\n' && !(*p == '\r' && p [1] == '\n'))
                csv_put (&cell, *p++);
        if (count == max) {
            snprintf (error, size, "more than %d cells", max);
            free (cell.data);
            goto malformed;
        }
        if (quoted && cell.data [0] == '\'' && s_neutralised (cell.data + 1))
            memmove (cell.data, cell.data + 1, cell.len);       //  the NUL comes along
        cells [count++] = cell.data;
        if (*p == ',')
            p++;
        else {
            more = false;
            if (*p == '\r')
                p++;
            if (*p == '\n') {
                p++;
                (*line)++;
            }
        }
    }
    *text = p;
    return count;

malformed:
    for (int i = 0; i < count; i++)
        free (cells [i]);
    while (*p && *p != '\n')
        p++;
    *text = p;
    return -1;
}

void
csv_write (FILE *out, const char *cell, bool last)
{
    size_t len = strlen (cell);
    bool neutralise = len && s_neutralised (cell);
    bool quote = len && (neutralise || strpbrk (cell, ",\"\r\n") || isspace ((unsigned char) cell [0])
                         || isspace ((unsigned char) cell [len - 1]) || cell [0] == '#');
    if (quote) {
        fputc ('"', out);
        if (neutralise)
            fputc ('\'', out);
        for (const char *p = cell; *p; p++) {
            if (*p == '"')
                fputc ('"', out);
            fputc (*p, out);
        }
        fputc ('"', out);
    }
    else
        fputs (cell, out);
    fputc (last ? '\n' : ',', out);
}

