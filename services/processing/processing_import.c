/*  processing_import — imported dossiers into their state. See
    processing_import.h.                                                    */
#include "processing_import.h"
#include "processing_moves.h"
#include "processing_steps.h"
#include "audit.h"
#include "dossier_history.h"
#include "log.h"

int
processing_on_imported (service_t *service, const Motcua__V1__DossierImported *imported,
                        const char *actor)
{
    const Motcua__V1__DossierReceived *received = imported->received;
    if (!received || !*received->dossier_code)
        return -1;
    db_t *db = service_db (service);
    work_row_t row;
    api_error_t error = { 0 };
    char change [256];
    audit_json (change, sizeof change, "status", "received", "division", received->division, NULL);
    if (processing_store_receive (db, received)
    ||  processing_load (db, received->dossier_code, &row, &error))
        return -1;
    if (!streq (row.status, "received"))
        return 0;                   //  filed before: nothing to do
    if (audit_change (db, "processing", actor, "service", "import", received->dossier_code, NULL, change))
        return -1;
    dossier_action_t actions [HISTORY_PATH_MAX];
    int n = history_path (imported->outcome, imported->returned_at != 0, actions);
    if (n == 0)                     //  still open: its process starts as a live one's
        return processing_steps_enqueue (service, received) < 0 ? -1 : 0;
    row.outcome = imported->outcome;
    row.resolved_at = imported->resolved_at;
    row.returned_at = imported->returned_at;
    snprintf (row.reason, sizeof row.reason, "%s", imported->reason);
    for (int i = 0; i < n; i++)
        if (processing_move (db, &row, actions [i], actor, "service", &error)) {
            log_error ("imported dossier %s: %s", row.dossier_code, error.message);
            return -1;
        }
    return 0;
}
