-- 011 — reporting for the forms officials file (issue 4): what a fact needs
-- for grouping and rates, the rollups that events keep up to date (so a
-- period's II.06a answers from sums, not a scan of the facts), the log book's
-- parties, citizens' ratings and feedback (PAKN).

-- Facts gain the procedure's level and online offer at receipt (from the
-- catalogue version in force then), and what the rates count.
ALTER TABLE reporting.dossier_fact
    ADD COLUMN level            text NOT NULL DEFAULT '',
    ADD COLUMN online_capable   boolean NOT NULL DEFAULT false,
    ADD COLUMN digitised        boolean NOT NULL DEFAULT false,
    ADD COLUMN result_digitised boolean NOT NULL DEFAULT false,
    ADD COLUMN supplements      int NOT NULL DEFAULT 0;

-- Rollups: each dossier's deltas (common/rollup.h) summed per key and per
-- local day (grain 0, bucket = days since 1970-01-01) and per local month
-- (grain 1, bucket = year*12 + month-1). A window's counts are prefix sums:
-- months before its edge's month plus days of that month before the edge.
CREATE TABLE reporting.rollup (
    grain              smallint NOT NULL CHECK (grain IN (0, 1)),
    bucket             int NOT NULL,
    agency_code        text NOT NULL,
    field              text NOT NULL,
    level              text NOT NULL,
    procedure_code     text NOT NULL,
    new_online         int NOT NULL DEFAULT 0,
    new_direct         int NOT NULL DEFAULT 0,
    new_postal         int NOT NULL DEFAULT 0,
    res_early          int NOT NULL DEFAULT 0,
    res_on_time        int NOT NULL DEFAULT 0,
    res_late           int NOT NULL DEFAULT 0,
    open               int NOT NULL DEFAULT 0,
    overdue            int NOT NULL DEFAULT 0,
    new_capable        int NOT NULL DEFAULT 0,
    new_capable_online int NOT NULL DEFAULT 0,
    new_digitised      int NOT NULL DEFAULT 0,
    res_digitised      int NOT NULL DEFAULT 0,
    res_postal_return  int NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, agency_code, field, level, procedure_code));

-- false: the rollups must be rebuilt from the facts (facts that predate this
-- migration, or facts loaded in bulk); reporting does it before answering.
CREATE TABLE reporting.rollup_state (
    one    boolean PRIMARY KEY DEFAULT true CHECK (one),
    built  boolean NOT NULL);
INSERT INTO reporting.rollup_state (built)
SELECT NOT EXISTS (SELECT 1 FROM reporting.dossier_fact);

-- The log book (Mẫu 06) names the applicant and the procedure.
CREATE TABLE reporting.dossier_party (
    dossier_code      text PRIMARY KEY,
    procedure_name    text NOT NULL DEFAULT '',
    applicant_name    text NOT NULL DEFAULT '',
    applicant_address text NOT NULL DEFAULT '',
    applicant_phone   text NOT NULL DEFAULT '');

-- Citizens' ratings on the 5-level scale: item 0 overall, 1-9 the items of
-- Decree 118/2025 art. 33.
CREATE TABLE reporting.rating (
    id            bigserial PRIMARY KEY,
    dossier_code  text NOT NULL,
    item          smallint NOT NULL CHECK (item BETWEEN 0 AND 9),
    level         smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    channel       text NOT NULL,
    comment       text NOT NULL DEFAULT '',
    rated_at      timestamptz NOT NULL,
    recorded_by   text NOT NULL);
CREATE INDEX ON reporting.rating (dossier_code);
CREATE INDEX ON reporting.rating (rated_at);

-- Feedback and petitions (phản ánh, kiến nghị) and their handling.
CREATE TABLE reporting.feedback (
    feedback_id    text PRIMARY KEY,
    dossier_code   text NOT NULL DEFAULT '',
    kind           text NOT NULL CHECK (kind IN ('regulation', 'conduct')),
    content        text NOT NULL,
    sender         text NOT NULL DEFAULT '',
    received_at    timestamptz NOT NULL,
    handled_at     timestamptz,
    result         text NOT NULL DEFAULT '',
    substantiated  boolean NOT NULL DEFAULT false,
    recorded_by    text NOT NULL);
CREATE INDEX ON reporting.feedback (received_at);
CREATE INDEX ON reporting.feedback (dossier_code) WHERE dossier_code <> '';

