-- 008 — refusals at intake (Mẫu 03): a dossier not taken in is never received
-- and never counted; the refusal notice and its reason are kept here.
CREATE TABLE intake.refusal (
    number          text PRIMARY KEY,          -- <agency>-YYMMDD-TCnnnn
    procedure_code  text NOT NULL,
    applicant_name  text NOT NULL,
    applicant_id    text NOT NULL,
    phone           text NOT NULL,
    address         text NOT NULL,
    reason          text NOT NULL,
    rule_set        text NOT NULL,
    refused_at      timestamptz NOT NULL,
    refused_by      text NOT NULL,
    idempotency_key text NOT NULL UNIQUE);
