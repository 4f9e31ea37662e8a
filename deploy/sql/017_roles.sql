-- 017 — each program touches only what it needs (issue 13). The roles exist
-- already (deploy/roles.sql, made by deploy/pg.sh or deploy/roles.sh as a
-- superuser); this migration, run as their owner motcua_owner, grants:
--   every service: its own schema (read and write), the catalogue (read),
--                  which migrations have run (read)
--   motcua_admin:  the catalogue, the working calendar and the grants table
--                  (read and write), and nothing of the services' schemas
-- and the same for every table a later migration makes (default privileges).
DO $$
DECLARE
    s text;
BEGIN
    IF (SELECT count (*) FROM pg_roles WHERE rolname IN ('motcua_admin', 'motcua_intake',
            'motcua_processing', 'motcua_postal', 'motcua_reporting')) <> 5 THEN
        RAISE EXCEPTION 'the suite''s roles are missing: run deploy/roles.sh as a superuser of this server';
    END IF;
    FOREACH s IN ARRAY ARRAY ['intake', 'processing', 'postal', 'reporting'] LOOP
        EXECUTE format ('REVOKE ALL ON SCHEMA %I FROM PUBLIC', s);
        EXECUTE format ('GRANT USAGE ON SCHEMA %1$I TO %2$I', s, 'motcua_' || s);
        EXECUTE format ('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA %1$I TO %2$I', s, 'motcua_' || s);
        EXECUTE format ('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1$I TO %2$I', s, 'motcua_' || s);
        EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %1$I GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO %2$I',
                        s, 'motcua_' || s);
        EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %1$I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %2$I',
                        s, 'motcua_' || s);
    END LOOP;
END
$$;
REVOKE ALL ON SCHEMA catalog FROM PUBLIC;
GRANT USAGE ON SCHEMA catalog TO motcua_admin, motcua_intake, motcua_processing, motcua_postal, motcua_reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA catalog
      TO motcua_admin, motcua_intake, motcua_processing, motcua_postal, motcua_reporting;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA catalog TO motcua_admin;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA catalog TO motcua_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA catalog GRANT SELECT ON TABLES
      TO motcua_admin, motcua_intake, motcua_processing, motcua_postal, motcua_reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA catalog GRANT INSERT, UPDATE, DELETE ON TABLES TO motcua_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA catalog GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO motcua_admin;
GRANT SELECT ON public.schema_migrations
      TO motcua_admin, motcua_intake, motcua_processing, motcua_postal, motcua_reporting;
