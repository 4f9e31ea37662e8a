/*  report — the `motcua report` commands kept in files of their own, for
    the word's table in report.c. argv starts after the command's words;
    each returns the exit code. What they share: kit/report_cli.h.         */
#ifndef REPORT_H
#define REPORT_H
#include "report_cli.h"

int report_check (int argc, char **argv);           //  report_check.c: the II.06a identities
int report_drill (int argc, char **argv);           //  report_dossiers.c: the dossiers behind a cell
int report_logbook (int argc, char **argv);         //  report_dossiers.c: the log book (Mẫu 06)
int report_rates (int argc, char **argv);           //  report_rates.c
int report_series (int argc, char **argv);          //  report_rates.c: month by month
int report_feedback (int argc, char **argv);        //  report_citizen.c: feedback (PAKN) counts
int report_satisfaction (int argc, char **argv);    //  report_citizen.c
int report_07b (int argc, char **argv);             //  report_citizen.c: form II.07b
int report_postal (int argc, char **argv);          //  report_postal.c: the postal (BCCI) road

#endif
