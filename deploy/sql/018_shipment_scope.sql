-- 018 — a shipment names the procedure and agency of its dossier, so postal
-- lists hold only what the caller's grant covers (issue 13). Shipments made
-- before are filled in from processing's work items.
ALTER TABLE postal.shipment
    ADD COLUMN procedure_code text NOT NULL DEFAULT '',
    ADD COLUMN agency_code    text NOT NULL DEFAULT '';
UPDATE postal.shipment s SET procedure_code = w.procedure_code, agency_code = w.agency_code
FROM processing.work_item w WHERE w.dossier_code = s.dossier_code;
