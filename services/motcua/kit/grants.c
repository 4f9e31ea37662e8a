/*  grants — writes to catalog.grant. See grants.h.                          */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "grants.h"

int
grants_ensure (db_t *db, const char *key, const char *name, const char *role,
               const char *agency, const char *procedures)
{
    char list [2100] = "";
    if (procedures && *procedures)
        snprintf (list, sizeof list, "{%s}", procedures);
    const char *params [5] = { key, name, role, agency && *agency ? agency : NULL, *list ? list : NULL };
    return db_exec (db,
        "INSERT INTO catalog.grant (public_key, name, role, agency_code, procedures)"
        " VALUES ($1, $2, $3, $4, $5::text[]) ON CONFLICT (public_key) DO NOTHING", 5, params);
}

int
grants_live (db_t *db, const char *name, char *role, char *agency, char *procedures, size_t procedures_size)
{
    const char *params [1] = { name };
    PGresult *result = db_query (db,
        "SELECT role, coalesce (agency_code, ''), coalesce (array_to_string (procedures, ','), '')"
        " FROM catalog.grant WHERE name = $1 AND revoked_at IS NULL", 1, params);
    if (!result)
        return -1;
    int found = PQntuples (result) > 0;
    if (found) {
        snprintf (role, 64, "%s", PQgetvalue (result, 0, 0));
        snprintf (agency, 64, "%s", PQgetvalue (result, 0, 1));
        snprintf (procedures, procedures_size, "%s", PQgetvalue (result, 0, 2));
    }
    PQclear (result);
    return found;
}

int
grants_revoke (db_t *db, const char *name)
{
    const char *params [1] = { name };
    PGresult *result = db_query (db,
        "UPDATE catalog.grant SET revoked_at = now () WHERE name = $1 AND revoked_at IS NULL", 1, params);
    if (!result)
        return -1;
    int count = atoi (PQcmdTuples (result));
    PQclear (result);
    return count;
}

PGresult *
grants_list (db_t *db, bool all)
{
    const char *params [1] = { all ? "t" : "f" };
    return db_query (db,
        "SELECT name, role, coalesce (agency_code, ''), coalesce (array_to_string (procedures, ','), ''),"
        " public_key, (extract (epoch FROM granted_at) * 1000)::bigint,"
        " coalesce ((extract (epoch FROM revoked_at) * 1000)::bigint, 0)"
        " FROM catalog.grant WHERE $1::boolean OR revoked_at IS NULL ORDER BY name, granted_at", 1, params);
}
