/*  rule_set — which body of law governs a dossier, chosen once by its receipt
    date (DESIGN §5): 2018 (Decrees 61/2018 + 107/2021, until 30/6/2025) or
    2025 (Decree 118/2025, from 1/7/2025). The cut-over instant is written
    here and nowhere else; inside the code a rule set is this enum, and its
    name ("2018" / "2025") appears only at the edges: SQL columns, JSON,
    printed forms. Pure.                                                     */
#ifndef RULE_SET_H
#define RULE_SET_H
#include <stdint.h>

typedef enum {
    RULES_2018 = 2018,
    RULES_2025 = 2025
} rules_id_t;

//  The first instant of the 2025 rules: 01/07/2025 00:00 Vietnam time (ms).
int64_t     rule_set_cutover (void);

//  The rule set of a dossier received at received_ms.
rules_id_t  rule_set_at (int64_t received_ms);

//  "2018" / "2025" (static storage).
const char *rule_set_name (rules_id_t rules);

//  "2018" / "2025" → 0 and *rules; anything else (NULL included) → -1.
int         rule_set_parse (const char *name, rules_id_t *rules);

//  The stored name of a dossier's rule set, read leniently: an unknown or
//  empty name is the 2025 rules (the rules of every dossier received now).
rules_id_t  rule_set_of (const char *name);

#endif
