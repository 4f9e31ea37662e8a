-- Run by a superuser in the suite's database after deploy/roles.sql: the
-- database and every object of the suite belong to motcua_owner (a database
-- made before the roles existed had them owned by its superuser), and only
-- the suite's roles may connect.
DO $$
DECLARE
    o record;
BEGIN
    EXECUTE format ('ALTER DATABASE %I OWNER TO motcua_owner', current_database ());
    EXECUTE format ('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database ());
    EXECUTE format ('GRANT CONNECT, TEMPORARY ON DATABASE %I TO motcua_admin, motcua_intake,'
                    ' motcua_processing, motcua_postal, motcua_reporting', current_database ());
    FOR o IN SELECT nspname FROM pg_namespace
             WHERE nspname IN ('catalog', 'intake', 'processing', 'postal', 'reporting')
               AND nspowner <> 'motcua_owner'::regrole LOOP
        EXECUTE format ('ALTER SCHEMA %I OWNER TO motcua_owner', o.nspname);
    END LOOP;
    FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE (n.nspname IN ('catalog', 'intake', 'processing', 'postal', 'reporting')
                    OR (n.nspname = 'public' AND c.relname LIKE 'schema_migrations%'))
               AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
               AND c.relowner <> 'motcua_owner'::regrole LOOP
        EXECUTE format ('ALTER %s %s OWNER TO motcua_owner',
                        CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                       WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                       ELSE 'TABLE' END, o.name);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE (n.nspname IN ('catalog', 'intake', 'processing', 'postal', 'reporting')
                    OR (n.nspname = 'public' AND p.proname LIKE 'motcua\_%'))
               AND p.proowner <> 'motcua_owner'::regrole LOOP
        EXECUTE format ('ALTER ROUTINE %s OWNER TO motcua_owner', o.name);
    END LOOP;
END
$$;
