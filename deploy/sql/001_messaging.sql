-- 001 — the delivery contract's tables, made the same way in each service's schema
-- (DESIGN §4): outbox + per-subscriber deliveries (producer), inbox (consumer),
-- stored replies of idempotent commands, and the audit of refused requests.
CREATE OR REPLACE FUNCTION public.motcua_messaging_tables (s text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format ('CREATE SCHEMA IF NOT EXISTS %I', s);
    EXECUTE format ($$
        CREATE TABLE %1$I.outbox (
            id           bigserial PRIMARY KEY,
            event_id     uuid NOT NULL UNIQUE,
            event_type   text NOT NULL,
            dossier_code text NOT NULL,
            payload      bytea NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now ());
        CREATE TABLE %1$I.outbox_delivery (
            event_id        uuid NOT NULL REFERENCES %1$I.outbox (event_id),
            subscriber      text NOT NULL,
            state           text NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'done', 'dead')),
            attempts        int NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL DEFAULT now (),
            delivered_at    timestamptz,
            last_error      text,
            PRIMARY KEY (event_id, subscriber));
        CREATE INDEX ON %1$I.outbox_delivery (next_attempt_at) WHERE state = 'pending';
        CREATE TABLE %1$I.inbox (
            event_id    uuid PRIMARY KEY,
            event_type  text NOT NULL,
            producer    text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now ());
        CREATE TABLE %1$I.idempotency (
            key         text PRIMARY KEY,
            reply       bytea NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now ());
        CREATE TABLE %1$I.audit (
            id          bigserial PRIMARY KEY,
            at          timestamptz NOT NULL DEFAULT now (),
            principal   text NOT NULL,
            role        text NOT NULL,
            action      text NOT NULL,
            outcome     text NOT NULL);
    $$, s);
END
$fn$;

SELECT public.motcua_messaging_tables (s)
FROM unnest (ARRAY ['intake', 'processing', 'postal', 'reporting']) AS s;
