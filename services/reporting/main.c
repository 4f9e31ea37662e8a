/*  motcua-reporting — wiring only: the reporting service's handlers run by the
    shared service loop (common/infra/service.c). Two bulk tools share the binary:
      motcua-reporting --rebuild-rollups       recompute the rollups from the facts
      motcua-reporting --generate N [SEED]     add N synthetic dossiers straight
                                               into the facts and rebuild (benchmarks) */
#include <czmq.h>
#include "reporting_server.h"
#include "reporting_rollup.h"
#include "config.h"
#include "log.h"

static int
s_tool (int argc, char **argv)
{
    config_t *config = config_new (NULL);
    if (!config)
        return 1;
    db_t *db = db_new_as (config->conninfo, "motcua_reporting");
    int rc = 1;
    int64_t started = zclock_mono ();
    if (db && db_ensure (db) == 0) {
        if (streq (argv [1], "--rebuild-rollups")) {
            int64_t facts = reporting_rollup_rebuild (db);
            if (facts >= 0)
                printf ("rollups rebuilt from %lld facts in %.1f s\n", (long long) facts,
                        (double) (zclock_mono () - started) / 1000);
            rc = facts < 0;
        }
        else {
            long long n = argc > 2 ? atoll (argv [2]) : 0;
            double seed = argc > 3 ? atof (argv [3]) : 0.42;
            if (n > 0 && n <= 100000000LL) {
                rc = reporting_rollup_generate (db, n, seed, 2020, 5) != 0;
                if (!rc)
                    printf ("generated %lld dossiers and rebuilt the rollups in %.1f s\n", n,
                            (double) (zclock_mono () - started) / 1000);
            }
            else
                fprintf (stderr, "usage: motcua-reporting --generate N [SEED] (1 ≤ N ≤ 100000000)\n");
        }
        if (rc && db)
            fprintf (stderr, "motcua-reporting: %s\n", db_error (db));
    }
    else
        fprintf (stderr, "motcua-reporting: cannot reach the database: %s\n", db ? db_error (db) : "");
    db_destroy (&db);
    config_destroy (&config);
    return rc;
}

int
main (int argc, char **argv)
{
    if (argc > 1 && (streq (argv [1], "--rebuild-rollups") || streq (argv [1], "--generate")))
        return s_tool (argc, argv);
    return service_main (&reporting_handlers, argc, argv);
}
