-- 004 — who may do what, and the trail of everything done.
-- Grants are reference data (DESIGN §2, §7): one principal per CURVE public key,
-- with a role, an agency (NULL: every agency) and the procedures it may touch
-- (NULL: the whole catalogue). Services re-read them within a second, so a
-- grant, revocation or rotation needs no restart.
CREATE TABLE catalog.grant (
    public_key   text PRIMARY KEY,
    name         text NOT NULL,
    role         text NOT NULL
                 CHECK (role IN ('service', 'counter', 'desk', 'postal', 'dashboard', 'admin')),
    agency_code  text REFERENCES catalog.agency,
    procedures   text[],
    granted_at   timestamptz NOT NULL DEFAULT now (),
    revoked_at   timestamptz);
CREATE UNIQUE INDEX grant_live_name ON catalog.grant (name) WHERE revoked_at IS NULL;

-- The audit trail of every service: state changes (outcome 'done', with old
-- and new values) and refusals (outcome 'denied'), written in the same
-- transaction as the change.
CREATE OR REPLACE FUNCTION public.motcua_audit_columns (s text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format ($$
        ALTER TABLE %1$I.audit
            ADD COLUMN dossier_code text NOT NULL DEFAULT '',
            ADD COLUMN old_value jsonb,
            ADD COLUMN new_value jsonb;
        CREATE INDEX ON %1$I.audit (dossier_code, at);
    $$, s);
END
$fn$;
SELECT public.motcua_audit_columns (s)
FROM unnest (ARRAY ['intake', 'processing', 'postal', 'reporting']) AS s;

-- Desk officers act within their agency: the work item knows its agency.
ALTER TABLE processing.work_item ADD COLUMN agency_code text NOT NULL DEFAULT '';
