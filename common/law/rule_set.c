/*  rule_set — the rule set of a receipt date. See rule_set.h.               */
#include "rule_set.h"
#include "vntime.h"

const char *
rule_set_for (int64_t received_ms)
{
    return received_ms < vn_instant (2025, 7, 1, 0) ? "2018" : "2025";
}
