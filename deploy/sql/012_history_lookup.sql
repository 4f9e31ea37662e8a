-- 012 — history import and the counter's look-up (issue 4, items 7 and 9).

-- A dossier of the past keeps its own code; import_digest fingerprints the
-- row it came from, so importing the same row again changes nothing and a
-- different row under the same code is refused. NULL for live receipts.
ALTER TABLE intake.dossier
    ADD COLUMN import_digest text,
    ADD COLUMN imported_at timestamptz;

-- Look-up by phone matches however the number was written: digits only,
-- +84/84 read as 0 (the same rule as common/lookup_key.c).
CREATE FUNCTION intake.phone_key (phone text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN regexp_replace (phone, '[^0-9]', '', 'g') ~ '^84[0-9]{9,}$'
                THEN (CASE WHEN substr (regexp_replace (phone, '[^0-9]', '', 'g'), 3, 1) = '0' THEN '' ELSE '0' END)
                     || substr (regexp_replace (phone, '[^0-9]', '', 'g'), 3)
                ELSE regexp_replace (phone, '[^0-9]', '', 'g') END $$;

-- The counter's three questions, each an index scan: the code is the primary
-- key; an applicant's identity number and phone have these (newest first).
CREATE INDEX dossier_applicant_id_received ON intake.dossier (applicant_id, received_at DESC);
CREATE INDEX dossier_phone_key_received ON intake.dossier (intake.phone_key (phone), received_at DESC);
-- They replace the plain indexes of 003, which no query uses any more.
DROP INDEX IF EXISTS intake.dossier_applicant_id_idx;
DROP INDEX IF EXISTS intake.dossier_phone_idx;
