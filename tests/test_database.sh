#!/usr/bin/env bash
# The database no stranger can enter (issue 13): the embedded cluster's socket
# is reachable only by the suite's OS user, with peer authentication and
# never `trust`; no role of the suite is a superuser; each service's role
# may write only its own schema and read the catalogue; only the admin path
# writes the catalogue and the grants table; nobody may run a program
# through COPY. Every table of every schema is walked, so a table added later
# is checked too. Runs on the test cluster tests/run.sh made (in a 0700
# mktemp folder).
set -u
cd "$(dirname "$0")/.."
passed=0; failed=0
check() {
    local name=$1; shift
    if "$@" > "$MOTCUA_VAR/database-check.log" 2>&1; then echo "ok   database: $name"; passed=$((passed + 1))
    else echo "FAIL database: $name"; sed 's/^/     /' "$MOTCUA_VAR/database-check.log" | head -n 20; failed=$((failed + 1)); fi
}
deploy/pg.sh start > /dev/null
CONN=$(cat "$MOTCUA_VAR/pg/conninfo")
SOCKDIR=$(sed -E 's/.*host=([^ ]+).*/\1/' <<< "$CONN")
DATA=$(dirname "$SOCKDIR")/data
sql() { psql -X -qAt "$CONN" -c "$1"; }
ROLES=$(grep -o "'motcua_[a-z]*'" deploy/roles.sql | tr -d "'" | sort -u | tr '\n' ' ')     # the one list

check "the roles come from deploy/roles.sql ($ROLES)" test "$(wc -w <<< "$ROLES")" -ge 6
check "the socket's folder is 0700 and the socket 0700" \
    bash -c "[ \"\$(stat -c %a '$SOCKDIR')\" = 700 ] && [ \"\$(stat -c %a '$SOCKDIR/.s.PGSQL.5432')\" = 700 ]"
check "pg_hba.conf: Unix socket, peer with the map, no trust, no TCP" \
    bash -c "[ \"\$(grep -vE '^\s*(#|$)' '$DATA/pg_hba.conf')\" = 'local all all peer map=motcua' ]"
check "the cluster listens on no TCP address" bash -c "[ -z \"\$(psql -X -qAt '$CONN' -c 'SHOW listen_addresses')\" ]"
check "the test folder is a 0700 mktemp folder, and the suite runs there" test "$(stat -c %a "$MOTCUA_VAR")" = 700
for role in $ROLES; do
    check "$role is no superuser and may not create roles or databases" \
        bash -c "[ \"\$(psql -X -qAt '$CONN' -c \"SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = '$role'\")\" = f ]"
    check "$role may not run a program through COPY" \
        bash -c "! psql -X -qAt '$CONN user=$role' -c \"COPY (SELECT 1) TO PROGRAM 'id'\" 2>&1 | grep -q '^1\$' && psql -X -qAt '$CONN user=$role' -c \"COPY (SELECT 1) TO PROGRAM 'id'\" 2>&1 | grep -q 'must be superuser'"
done
#   Every table of the suite, every role: what it may do is what 017_roles.sql says.
check "every role's rights on every table are its own schema's and the catalogue's, nothing else" bash -c "
psql -X -qAt '$CONN' -c \"
WITH t AS (SELECT c.oid, n.nspname AS schema, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('catalog', 'intake', 'processing', 'postal', 'reporting') AND c.relkind IN ('r', 'p', 'v')),
     r AS (SELECT unnest (string_to_array ('$ROLES', ' ')) AS role),
     want AS (SELECT role, schema, relname,
                     has_schema_privilege (role, schema, 'USAGE') AND has_table_privilege (role, oid, 'SELECT') AS can_read,
                     has_schema_privilege (role, schema, 'USAGE') AND has_table_privilege (role, oid, 'INSERT,UPDATE,DELETE') AS can_write,
                     CASE WHEN role = 'motcua_owner' THEN true
                          WHEN schema = 'catalog' THEN true
                          ELSE role = 'motcua_' || schema END AS may_read,
                     CASE WHEN role = 'motcua_owner' THEN true
                          WHEN schema = 'catalog' THEN role = 'motcua_admin'
                          ELSE role = 'motcua_' || schema END AS may_write
              FROM t, r WHERE role <> '')
SELECT role || ' on ' || schema || '.' || relname || ': read ' || can_read || ' write ' || can_write
FROM want WHERE can_read <> may_read OR can_write <> may_write\" | tee /dev/stderr | wc -l | grep -qx 0"
check "the walk saw every schema's tables (more than 40)" \
    bash -c "[ \$(psql -X -qAt '$CONN' -c \"SELECT count (*) FROM pg_tables WHERE schemaname IN ('catalog','intake','processing','postal','reporting')\") -gt 40 ]"
check "a service cannot give itself a grant (catalog.grant refuses motcua_intake)" \
    bash -c "psql -X -qAt '$CONN user=motcua_intake' -c \"INSERT INTO catalog.grant (public_key, name, role) VALUES ('x', 'x', 'admin')\" 2>&1 | grep -q 'permission denied'"
check "a service cannot write another's schema (motcua_reporting into intake.dossier)" \
    bash -c "psql -X -qAt '$CONN user=motcua_reporting' -c 'DELETE FROM intake.dossier' 2>&1 | grep -q 'permission denied'"
if [ "$(id -u)" = 0 ]; then
    probe=motcua-probe-$$
    useradd -M -s /usr/sbin/nologin "$probe"
    for role in $ROLES motcua_super; do
        check "an unprivileged local user ($probe) cannot connect as $role" \
            bash -c "! runuser -u $probe -- psql -X -qAt 'host=$SOCKDIR port=5432 dbname=motcua user=$role' -c 'SELECT 1' 2>&1 | grep -qx 1"
    done
    check "an unprivileged local user cannot read a service's secret key" \
        bash -c "! runuser -u $probe -- cat \$(ls '$MOTCUA_VAR'/certs/keys/*_secret 2>/dev/null | head -n 1) 2>/dev/null | grep -q ."
    userdel "$probe" 2>/dev/null
else
    echo "ok   database: (not root: the unprivileged-user checks run when make test runs as root)"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
