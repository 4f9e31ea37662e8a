-- 009 — the internal process of each dossier and the 2025 intake rules
-- (issue 3): per-step quotas with their own due time and result, hand-overs
-- recorded as the process control sheet (Mẫu 05, TT 01/2018), the result
-- attached (digitised document or physical item), online filings answered
-- within 8 working hours, and boundary-free intake routed on to the
-- competent body (NĐ 118/2025 Điều 17, 18, 20).

-- intake: where and when the dossier came in.
ALTER TABLE intake.dossier
    ADD COLUMN receiving_agency  text,           -- the centre that took it in (NULL: the competent body)
    ADD COLUMN filed_at          timestamptz,    -- online: when the applicant filed it on the portal
    ADD COLUMN online_answer_by  timestamptz,    -- 2025: accepted or sent back by then
    ADD COLUMN route_by          timestamptz;    -- 2025: sent on to the competent body by then

-- processing: the dossier's facts the forms print, its attachment, routing.
ALTER TABLE processing.work_item
    ADD COLUMN channel            smallint NOT NULL DEFAULT 1,
    ADD COLUMN components         text[] NOT NULL DEFAULT '{}',
    ADD COLUMN missing            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN receiving_agency   text NOT NULL DEFAULT '',
    ADD COLUMN filed_at           timestamptz,
    ADD COLUMN online_answer_by   timestamptz,
    ADD COLUMN route_by           timestamptz,
    ADD COLUMN routed_at          timestamptz,
    ADD COLUMN routed_by          text NOT NULL DEFAULT '',
    ADD COLUMN step_position      int NOT NULL DEFAULT 0,     -- the step in hand (0: none recorded)
    ADD COLUMN result_kind        text CHECK (result_kind IN ('document', 'certificate', 'banner', 'medal')),
    ADD COLUMN result_reference   text NOT NULL DEFAULT '',
    ADD COLUMN result_sha256      text CHECK (result_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN result_note        text NOT NULL DEFAULT '',
    ADD COLUMN result_attached_at timestamptz,
    ADD CONSTRAINT document_has_hash CHECK (result_kind IS DISTINCT FROM 'document'
                                            OR (result_sha256 IS NOT NULL AND result_reference <> ''));

-- The steps of one dossier's internal process, copied from its catalogue
-- version at receipt: each with its quota, the time it started (the
-- hand-over to it), its own due time, and its result once handed on.
CREATE TABLE processing.step (
    dossier_code  text NOT NULL,
    position      int NOT NULL CHECK (position > 0),
    name          text NOT NULL,
    division      text NOT NULL,
    quota_hours   int NOT NULL CHECK (quota_hours > 0),
    started_at    timestamptz,
    due_at        timestamptz,
    ended_at      timestamptz,
    result        text CHECK (result IN ('early', 'on_time', 'late')),
    PRIMARY KEY (dossier_code, position));

-- The process control sheet: every hand-over, giver to receiver.
CREATE TABLE processing.handover (
    id                 bigserial PRIMARY KEY,
    dossier_code       text NOT NULL,
    at                 timestamptz NOT NULL,
    position           int NOT NULL,             -- the step handed on (its result below)
    step_name          text NOT NULL,
    giver              text NOT NULL,
    giver_division     text NOT NULL,
    receiver           text NOT NULL,
    receiver_division  text NOT NULL,
    step_due_at        timestamptz,
    result             text NOT NULL CHECK (result IN ('early', 'on_time', 'late')),
    note               text NOT NULL DEFAULT '');
CREATE INDEX ON processing.handover (dossier_code, at);
