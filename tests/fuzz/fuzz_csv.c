/*  fuzz_csv — the importers' readers: CSV records of the catalogue files
    (services/motcua/kit/csv.c) and the working calendar's declaration text
    (common/law/calendar.c, what `motcua admin calendar import` parses). Every
    input must end in records or a typed error, never a crash or a leak.   */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "calendar.h"

#define MAX_CELLS 64

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *text = (char *) malloc (size + 1);
    memcpy (text, data, size);
    text [size] = 0;

    const char *at = text;
    int line = 1, guard = 0;
    char *cells [MAX_CELLS];
    char error [256];
    while (guard++ < 100000) {
        const char *before = at;
        int count = csv_record (&at, &line, cells, MAX_CELLS, error, sizeof error);
        if (count == 0)
            break;
        for (int i = 0; i < count; i++) {
            if (strlen (cells [i]) > size)
                abort ();           //  a cell cannot be longer than its input
            free (cells [i]);
        }
        if (count < 0 && *at == 0)
            break;
        if (count < 0 && at == before)
            at++;                   //  the reader must never stall
        if (at < before || at > text + size)
            abort ();
    }

    calendar_t *calendar = calendar_new ();
    if (calendar_parse (calendar, text, error, sizeof error) == 0) {
        calendar_day_t *days = NULL;
        int count = calendar_year (calendar, 2025, &days);
        free (days);
        if (count < 0)
            abort ();
    }
    calendar_destroy (&calendar);
    free (text);
    return 0;
}
