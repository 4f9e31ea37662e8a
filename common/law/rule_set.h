/*  rule_set — which body of law governs a dossier, chosen once by its receipt
    date (DESIGN §5): "2018" (Decrees 61/2018 + 107/2021, until 30/6/2025) or
    "2025" (Decree 118/2025, from 1/7/2025). Pure.                          */
#ifndef RULE_SET_H
#define RULE_SET_H
#include <stdint.h>

const char *rule_set_for (int64_t received_ms);

#endif
