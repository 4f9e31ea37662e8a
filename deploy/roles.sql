-- The suite's database roles (cluster-wide), made or corrected idempotently
-- by a superuser: deploy/pg.sh on the embedded cluster, deploy/roles.sh on a
-- server of the province's own. None is a superuser or may create roles or
-- databases; what each may touch is granted by the migrations
-- (deploy/sql/017_roles.sql):
--   motcua_owner       owns the schemas; the migrations run as it
--   motcua_admin       the `motcua` command's admin path: the catalogue,
--                      the working calendar and the grants table
--   motcua_intake, motcua_processing, motcua_postal, motcua_reporting
--                      each service: its own schema, and reads the catalogue
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY ['motcua_owner', 'motcua_admin', 'motcua_intake',
                              'motcua_processing', 'motcua_postal', 'motcua_reporting'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format ('CREATE ROLE %I LOGIN', r);
        END IF;
        EXECUTE format ('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', r);
    END LOOP;
END
$$;
