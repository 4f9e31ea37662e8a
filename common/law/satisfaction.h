/*  satisfaction — what the facts of one resolved dossier say about the
    satisfaction criteria (research/domain.md §2.6, research/law-2025.md §1):
    the 9 indicators of Circular 01/2018 (2, 1 or 0 points; -1 where the data
    cannot tell) and items 1-3 of Decree 118/2025 art. 33 (time, agencies,
    contacts: met or not). Pure.                                          */
#ifndef SATISFACTION_H
#define SATISFACTION_H
#include <stdbool.h>
#include <stddef.h>
#include "worktime.h"

typedef struct {
    timeliness_t timeliness;    //  of the resolution
    int supplements;            //  supplement requests (contacts to complete the dossier)
    int channel;                //  1 direct, 2 online, 3 postal
    bool complaint;             //  a substantiated complaint about officials' conduct
} satisfaction_facts_t;

//  Indicator 1: total time vs the limit; 2: each body's time vs its quota
//  (one competent body: the whole time); 3: contacts to complete (0: 2
//  points, 1: 1, more: 0); 4: agencies contacted (online or by post none: 2;
//  the one-stop counter only: 1); 7: attitude (a substantiated complaint: 0;
//  early: 2; else 1). 5, 6, 8, 9 judge the agency, not a dossier: -1.
void satisfaction_points_2018 (const satisfaction_facts_t *facts, int points [9]);

//  Items 1-3 of the 2025 list, as met (true) or not by the facts.
void satisfaction_items_2025 (const satisfaction_facts_t *facts, bool met [3]);

#endif
