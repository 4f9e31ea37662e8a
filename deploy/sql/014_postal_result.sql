-- 014 — a result going back by post is held to the same rule as one handed
-- back at the counter: an approved dossier's result must be attached (a
-- digitised document, or a certificate, banner or medal) before the agency
-- hands it to the post. postal learns of each attachment from processing's
-- ResultAttached, which may come before or after the ResultReady that makes
-- the shipment, so it keeps it apart, by dossier code (the latest wins);
-- ResultReady now carries the dossier's rule set and outcome.
CREATE TABLE postal.result (
    dossier_code  text PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('document', 'certificate', 'banner', 'medal')),
    reference     text NOT NULL DEFAULT '',
    sha256        text NOT NULL DEFAULT '',
    attached_at   timestamptz NOT NULL);

ALTER TABLE postal.shipment
    ADD COLUMN rule_set  text NOT NULL DEFAULT '',
    ADD COLUMN outcome   smallint NOT NULL DEFAULT 0;

-- What the database already knows (results attached, shipments made before
-- this migration), where processing shares it.
DO $$
BEGIN
    IF to_regclass ('processing.work_item') IS NOT NULL THEN
        INSERT INTO postal.result (dossier_code, kind, reference, sha256, attached_at)
            SELECT dossier_code, result_kind, result_reference, coalesce (result_sha256, ''), result_attached_at
              FROM processing.work_item WHERE result_kind IS NOT NULL AND result_attached_at IS NOT NULL
            ON CONFLICT (dossier_code) DO NOTHING;
        UPDATE postal.shipment s SET rule_set = w.rule_set, outcome = w.outcome
          FROM processing.work_item w WHERE w.dossier_code = s.dossier_code;
    END IF;
END $$;

-- `motcua audit CODE` of a dossier that came by post finds its slip (and
-- through it the hand-over record) by the code intake answered with.
CREATE INDEX ON postal.slip (dossier_code);
