/*  dossier_code — the dossier code `<agency code>-YYMMDD-NNNN` of Circular
    01/2018 art. 19 (kept by Decree 118/2025 art. 28). The sequence restarts
    every day per agency; the counter itself lives in intake's store. Pure.    */
#ifndef DOSSIER_CODE_H
#define DOSSIER_CODE_H
#include <stdint.h>
#include <stddef.h>

#define DOSSIER_CODE_MAX 64

//  The counter's day key, YYMMDD as an integer, of the local receipt date.
int  dossier_code_day (int64_t received_ms);

//  Write the code into buf. A sequence past 9999 widens rather than wraps.
//  Returns 0, or -1 if the agency code is empty or the buffer too small.
int  dossier_code_format (char *buf, size_t size, const char *agency,
                          int day, int64_t sequence);

//  Split a code into its parts. 0 if it is well formed, else -1.
int  dossier_code_parse (const char *code, char *agency, size_t agency_size,
                         int *day, int64_t *sequence);

#endif
