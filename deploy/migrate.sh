#!/usr/bin/env bash
# Apply deploy/sql/NNN_*.sql in order, each in one transaction with its row in
# public.schema_migrations, skipping those already applied. The database is the
# one the services use: MOTCUA_DB, else PG* variables, else var/pg/conninfo.
set -euo pipefail
cd "$(dirname "$0")/.."
VAR=${MOTCUA_VAR:-var}
CONN=${MOTCUA_DB:-}
if [ -z "$CONN" ] && [ -z "${PGHOST:-}${PGDATABASE:-}${PGSERVICE:-}${PGPORT:-}" ]; then
    CONN=$(cat "$VAR/pg/conninfo")
fi
#   As the owner of the schemas (deploy/roles.sql), never a superuser: the
#   embedded conninfo names it; a conninfo without a user gets it here.
export PGUSER=motcua_owner
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "$CONN")
"${PSQL[@]}" -c "CREATE TABLE IF NOT EXISTS public.schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now ())" 2>&1 \
    | grep -v 'already exists' || true
applied=$("${PSQL[@]}" -tA -c "SELECT version FROM public.schema_migrations")
for file in deploy/sql/[0-9]*.sql; do
    name=$(basename "$file" .sql)
    version=$((10#${name%%_*}))
    if grep -qx "$version" <<< "$applied"; then continue; fi
    "${PSQL[@]}" -o /dev/null -1 -f "$file" \
        -c "INSERT INTO public.schema_migrations (version, name) VALUES ($version, '$name')"
    echo "migrated: $name"
done
