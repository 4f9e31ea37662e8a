/*  html — text into HTML for the printed forms: every value that comes from
    a dossier is escaped (& < > " '), so no applicant's name can change the
    page. Pure.                                                              */
#ifndef HTML_H
#define HTML_H
#include <stdio.h>

//  Write text to out with HTML's special characters escaped.
void html_escape (FILE *out, const char *text);

//  Escape text into buf (truncated, always terminated). Returns buf.
char *html_escape_to (char *buf, size_t size, const char *text);

#endif
