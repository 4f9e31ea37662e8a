/*  rule_set — the rule set of a receipt date. See rule_set.h.               */
#include <string.h>
#include "rule_set.h"
#include "vntime.h"

int64_t
rule_set_cutover (void)
{
    return vn_instant (2025, 7, 1, 0);
}

rules_id_t
rule_set_at (int64_t received_ms)
{
    return received_ms < rule_set_cutover () ? RULES_2018 : RULES_2025;
}

const char *
rule_set_name (rules_id_t rules)
{
    return rules == RULES_2018 ? "2018" : "2025";
}

int
rule_set_parse (const char *name, rules_id_t *rules)
{
    if (name && strcmp (name, "2018") == 0)
        *rules = RULES_2018;
    else
    if (name && strcmp (name, "2025") == 0)
        *rules = RULES_2025;
    else
        return -1;
    return 0;
}

rules_id_t
rule_set_of (const char *name)
{
    rules_id_t rules;
    return rule_set_parse (name, &rules) ? RULES_2025 : rules;
}
