/*  csv — reading and writing CSV records (RFC 4180, with # comment lines).  */
#ifndef CSV_H
#define CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

//  A growing NUL-terminated text (data malloc'ed; start it zeroed).
typedef struct {
    char *data;
    size_t len, size;
} csv_buffer_t;

//  Append one character.
void csv_put (csv_buffer_t *buffer, char c);

//  One record from *text (advanced past it) into cells (each malloc'ed,
//  the caller frees; at most max), counting lines in *line. Returns the
//  number of cells, 0 at the end of the text, or -1 if malformed (error
//  says why; *text then moves past the bad line).
int  csv_record (const char **text, int *line, char **cells, int max, char *error, size_t size);

//  Write one cell, quoted if it must be, then ',' or a newline if last. A
//  cell a spreadsheet would run as a formula gets a ' before it (csv.c).
void csv_write (FILE *out, const char *cell, bool last);

#endif
