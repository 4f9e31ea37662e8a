-- 006 — the whole lifecycle and the legal clock (issue 3): supplements,
-- withdrawal, closure, delay letters, and the ledger of every due-time change.

-- intake: the counter's view of where a dossier stands (from processing's events).
ALTER TABLE intake.dossier
    ADD COLUMN status text NOT NULL DEFAULT 'received',
    ADD COLUMN missing text[] NOT NULL DEFAULT '{}';

-- processing: two due times — legal_due_at judges timeliness (moved only by
-- the rules of a supplement), due_at is the appointment (a delay letter
-- moves it too) — and what the clock needs to restart.
ALTER TABLE processing.work_item
    ADD COLUMN legal_due_at timestamptz,
    ADD COLUMN time_limit_value int NOT NULL DEFAULT 0,
    ADD COLUMN time_limit_unit text NOT NULL DEFAULT 'working_days',
    ADD COLUMN office_hours text NOT NULL DEFAULT '',
    ADD COLUMN supplement_requested_at timestamptz,
    ADD COLUMN supplement_close_at timestamptz,
    ADD COLUMN supplements int NOT NULL DEFAULT 0,
    ADD COLUMN delay_letters int NOT NULL DEFAULT 0;
UPDATE processing.work_item SET legal_due_at = due_at;
CREATE INDEX ON processing.work_item (supplement_close_at) WHERE status = 'supplement_requested';

CREATE TABLE processing.due_change (
    id               bigserial PRIMARY KEY,
    dossier_code     text NOT NULL,
    at               timestamptz NOT NULL DEFAULT now (),
    previous_due_at  timestamptz,
    due_at           timestamptz NOT NULL,
    appointment_only boolean NOT NULL,
    rule             text NOT NULL,
    reason           text NOT NULL,
    actor            text NOT NULL);
CREATE INDEX ON processing.due_change (dossier_code, at);

-- reporting: the appointment beside the legal due time, the supplement pause.
ALTER TABLE reporting.dossier_fact
    ADD COLUMN appointment_at timestamptz,
    ADD COLUMN paused_at timestamptz,
    ADD COLUMN resumed_at timestamptz;
