/*  satisfaction — the criteria the facts can judge. See satisfaction.h.    */
#include "satisfaction.h"

void
satisfaction_points_2018 (const satisfaction_facts_t *f, int points [9])
{
    int time = f->timeliness == TIMELINESS_EARLY ? 2 : f->timeliness == TIMELINESS_ON_TIME ? 1 : 0;
    points [0] = time;
    points [1] = time;
    points [2] = f->supplements == 0 ? 2 : f->supplements == 1 ? 1 : 0;
    points [3] = f->channel == 2 || f->channel == 3 ? 2 : 1;
    points [4] = points [5] = points [7] = points [8] = -1;
    points [6] = f->complaint ? 0 : f->timeliness == TIMELINESS_EARLY ? 2 : 1;
}

void
satisfaction_items_2025 (const satisfaction_facts_t *f, bool met [3])
{
    met [0] = f->timeliness != TIMELINESS_LATE;
    met [1] = true;             //  one counter, whatever the channel
    met [2] = f->supplements == 0;
}
