/*  report_json — reporting's answers as JSON, written the same way for
    `motcua report … --json` and for the dashboard's API: the twelve II.06a
    counts by their column names, the rates with numerator and denominator,
    and lists of dossiers (with the applicant only where the reader may see
    who applied).                                                            */
#ifndef REPORT_JSON_H
#define REPORT_JSON_H
#include <stdbool.h>
#include "json.h"
#include "motcua/v1/reporting.pb-c.h"

//  The 12 counts as keys of the open object (form06a_count_names).
void report_json_counts (json_t *json, const Motcua__V1__Report06a *r);

//  Each rate present as an object {numerator, denominator, percent, label}
//  under its key, in the open object.
void report_json_rates (json_t *json, const Motcua__V1__Rates *r);

//  "total" and the "dossiers" array, in the open object.
void report_json_dossiers (json_t *json, const Motcua__V1__DossierList *list, bool with_applicant);

#endif
