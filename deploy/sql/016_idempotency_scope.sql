-- 016 — an idempotency key belongs to its principal and its operation, and
-- the request it came with is kept as a digest (issue 13): clerk A's key
-- "k1" and clerk B's "k1" are two keys; a submit and a withdrawal under one
-- key are two commands; the same key with a different request is refused.
-- Replies stored before this migration keep principal '' and operation '',
-- so a retry that spans the upgrade runs as a new command: upgrade with the
-- counters closed (README, operations).
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY ['intake', 'processing', 'postal', 'reporting'] LOOP
        IF to_regclass (s || '.idempotency') IS NOT NULL THEN
            EXECUTE format ('ALTER TABLE %I.idempotency'
                            '  ADD COLUMN principal text NOT NULL DEFAULT '''','
                            '  ADD COLUMN operation text NOT NULL DEFAULT '''','
                            '  ADD COLUMN digest    bytea', s);
            EXECUTE format ('ALTER TABLE %I.idempotency DROP CONSTRAINT idempotency_pkey,'
                            '  ADD PRIMARY KEY (principal, operation, key)', s);
        END IF;
    END LOOP;
END $$;

-- The dossier and the refusal keep the key they were made under, unique per
-- principal (the idempotency table is the door; these are a second lock).
ALTER TABLE intake.dossier DROP CONSTRAINT dossier_idempotency_key_key,
    ADD CONSTRAINT dossier_idempotency_key_key UNIQUE (received_by, idempotency_key);
ALTER TABLE intake.refusal DROP CONSTRAINT refusal_idempotency_key_key,
    ADD CONSTRAINT refusal_idempotency_key_key UNIQUE (refused_by, idempotency_key);
