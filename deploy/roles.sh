#!/usr/bin/env bash
# The suite's roles on a PostgreSQL server of the province's own (the embedded
# cluster gets them from deploy/pg.sh). Run once, as a superuser of that
# server, with the server in PG* variables or MOTCUA_DB (a conninfo naming the
# database, e.g. "host=db1 dbname=motcua user=postgres"); the database must
# exist. Then give each role its password or certificate the way the server
# authenticates (ALTER ROLE … PASSWORD, ~/.pgpass), and run deploy/migrate.sh,
# which connects as motcua_owner. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PSQL=(psql -X -q -v ON_ERROR_STOP=1 ${MOTCUA_DB:+"$MOTCUA_DB"})
"${PSQL[@]}" -f deploy/roles.sql
"${PSQL[@]}" -f deploy/roles_owner.sql
echo "roles: motcua_owner motcua_admin motcua_intake motcua_processing motcua_postal motcua_reporting"
