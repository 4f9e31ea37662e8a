/*  report_out — form II.06a and the log book written as officials file them:
    an .xlsx workbook (libxlsxwriter: the form's title, period, merged header
    cells, Vietnamese headings, numbers as numbers) and the 13-column CSV that
    `motcua report check` reads back.                                       */
#ifndef REPORT_OUT_H
#define REPORT_OUT_H
#include <stdio.h>
#include "motcua/v1/reporting.pb-c.h"

//  A row's label as the form prints it ("Tổng cộng" for the total).
void report_out_label (const Motcua__V1__Report06aRow *row, char *buf, size_t size);

//  The 11 numbers of columns 3-13 of a count.
void report_out_numbers (const Motcua__V1__Report06a *c, long long v [11]);

//  II.06a rows (and the total) as CSV to out / as a workbook at path. 0 or -1.
int  report_out_csv (FILE *out, const Motcua__V1__Report06a *report);
int  report_out_xlsx (const char *path, const Motcua__V1__Report06a *report, const char *agency);

//  The log book (Mẫu 06) as CSV / workbook. 0 or -1.
int  report_out_log_csv (FILE *out, const Motcua__V1__DossierList *list);
int  report_out_log_xlsx (const char *path, const Motcua__V1__DossierList *list, const char *period);

#endif
