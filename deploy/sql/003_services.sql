-- 003 — each service's own tables; only the owning service writes its schema.

-- intake: dossiers as received and the per-agency, per-day code counters.
CREATE TABLE intake.dossier (
    code            text PRIMARY KEY,
    procedure_code  text NOT NULL,
    agency_code     text NOT NULL,
    applicant_name  text NOT NULL,
    applicant_id    text NOT NULL,
    phone           text NOT NULL,
    address         text NOT NULL,
    channel         smallint NOT NULL,
    return_method   smallint NOT NULL,
    components      text[] NOT NULL,
    received_at     timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    rule_set        text NOT NULL,
    received_by     text NOT NULL,
    idempotency_key text NOT NULL UNIQUE);
CREATE INDEX ON intake.dossier (applicant_id);
CREATE INDEX ON intake.dossier (phone);

CREATE TABLE intake.code_counter (
    agency_code text NOT NULL,
    day         int NOT NULL,            -- YYMMDD of the local receipt date
    last        int NOT NULL,
    PRIMARY KEY (agency_code, day));

-- processing: one work item per dossier, and its trail of transitions.
CREATE TABLE processing.work_item (
    dossier_code    text PRIMARY KEY,
    procedure_code  text NOT NULL,
    procedure_name  text NOT NULL,
    division        text NOT NULL,
    applicant_name  text NOT NULL,
    applicant_id    text NOT NULL,
    phone           text NOT NULL,
    address         text NOT NULL,
    return_method   smallint NOT NULL,
    status          text NOT NULL,
    rule_set        text NOT NULL,
    received_at     timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    outcome         smallint NOT NULL DEFAULT 0,
    reason          text NOT NULL DEFAULT '',
    resolved_at     timestamptz,
    returned_at     timestamptz);
CREATE INDEX ON processing.work_item (division, status);

CREATE TABLE processing.transition (
    id            bigserial PRIMARY KEY,
    dossier_code  text NOT NULL,
    from_state    text NOT NULL,
    to_state      text NOT NULL,
    action        text NOT NULL,
    actor         text NOT NULL,
    at            timestamptz NOT NULL DEFAULT now ());

-- postal: shipments of results by public post (BCCI).
CREATE TABLE postal.shipment (
    shipment_id     text PRIMARY KEY,
    dossier_code    text NOT NULL UNIQUE,
    recipient_name  text NOT NULL,
    recipient_id    text NOT NULL,
    phone           text NOT NULL,
    address         text NOT NULL,
    status          text NOT NULL CHECK (status IN ('created', 'delivered')),
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz);

-- reporting: facts merged from every event (any order), and the timeline.
CREATE TABLE reporting.dossier_fact (
    dossier_code    text PRIMARY KEY,
    procedure_code  text,
    agency_code     text,
    field           text,
    channel         smallint,
    return_method   smallint,
    rule_set        text,
    received_at     timestamptz,
    due_at          timestamptz,
    resolved_at     timestamptz,
    outcome         smallint,
    returned_at     timestamptz);
CREATE INDEX ON reporting.dossier_fact (received_at);
CREATE INDEX ON reporting.dossier_fact (resolved_at);

CREATE TABLE reporting.timeline (
    id            bigserial PRIMARY KEY,
    dossier_code  text NOT NULL,
    event_id      uuid NOT NULL UNIQUE,
    event_type    text NOT NULL,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    producer      text NOT NULL,
    detail        text NOT NULL DEFAULT '');
CREATE INDEX ON reporting.timeline (dossier_code, at);
