/*  processing_postal — results back from the post. See processing_postal.h. */
#include "processing_postal.h"
#include "audit.h"
#include "log.h"

int
processing_postal_apply (service_t *service, const Motcua__V1__Event *event)
{
    if (event->body_case != MOTCUA__V1__EVENT__BODY_SHIPMENT_MOVED
    ||  strcmp (event->shipment_moved->state, "returned") != 0)
        return 0;
    db_t *db = service_db (service);
    const char *params [1] = { event->dossier_code };
    PGresult *result = db_query (db,
        "UPDATE processing.work_item SET return_method = 1"
        " WHERE dossier_code = $1 AND return_method = 2 AND returned_at IS NULL RETURNING dossier_code",
        1, params);
    if (!result)
        return -1;
    int changed = PQntuples (result);
    PQclear (result);
    if (!changed)
        return 0;
    log_info ("%s: the post returned the result; it waits at the counter", event->dossier_code);
    return audit_change (db, "processing", event->actor, event->producer, "result back from the post",
                         event->dossier_code, "{\"return_method\":\"postal\"}", "{\"return_method\":\"counter\"}");
}
