-- 010 — public postal (BCCI) intake and return, as Decision 45/2016/QĐ-TTg
-- and Circular 17/2017/TT-BTTTT run it (research/domain.md §3).
-- postal: the dossier-sending slips (Phiếu gửi hồ sơ) the postal worker
-- fills in, the hand-over records (Biên bản giao nhận) both sides sign, and
-- the shipments of results with their J+n deadline, attempts and moves.
CREATE TABLE postal.batch (
    batch_no    bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('intake', 'return')),
    created_by  text NOT NULL,                 -- first signature
    created_at  timestamptz NOT NULL,
    signed_by   text,                          -- second signature
    signed_at   timestamptz);                  -- intake: the legal submission time

CREATE TABLE postal.slip_counter (
    day   int PRIMARY KEY,                     -- YYMMDD
    last  int NOT NULL);

CREATE TABLE postal.slip (
    slip_number     text PRIMARY KEY,          -- PG-YYMMDD-NNNN
    procedure_code  text NOT NULL,
    procedure_name  text NOT NULL,
    agency_code     text NOT NULL,
    sender_name     text NOT NULL,
    sender_id       text NOT NULL,
    phone           text NOT NULL,
    address         text NOT NULL,
    components      text[] NOT NULL,
    return_method   smallint NOT NULL,
    postal_fee      bigint NOT NULL CHECK (postal_fee >= 0),
    procedure_fee   bigint NOT NULL CHECK (procedure_fee >= 0),
    place           text NOT NULL,
    collected_at    timestamptz NOT NULL,
    collected_by    text NOT NULL,
    batch_no        bigint REFERENCES postal.batch,
    complete        boolean,
    reason          text NOT NULL DEFAULT '',
    dossier_code    text,
    received_at     timestamptz,
    due_at          timestamptz,
    refusal_number  text,
    status          text NOT NULL DEFAULT 'collected'
                    CHECK (status IN ('collected', 'handed_over', 'received', 'refused')));
CREATE INDEX ON postal.slip (batch_no);

ALTER TABLE postal.shipment DROP CONSTRAINT shipment_status_check;
ALTER TABLE postal.shipment
    ADD CONSTRAINT shipment_status_check CHECK (status IN
        ('created', 'handed_over', 'in_transit', 'failed_attempt', 'delivered', 'returned')),
    ADD COLUMN route            text NOT NULL DEFAULT '',
    ADD COLUMN with_appointment boolean NOT NULL DEFAULT false,
    ADD COLUMN batch_no         bigint REFERENCES postal.batch,
    ADD COLUMN handed_at        timestamptz,
    ADD COLUMN deadline_at      timestamptz,
    ADD COLUMN originals        text[] NOT NULL DEFAULT '{}',
    ADD COLUMN items            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN postal_fee       bigint NOT NULL DEFAULT 0 CHECK (postal_fee >= 0),
    ADD COLUMN returned_at      timestamptz,
    ADD COLUMN note             text NOT NULL DEFAULT '';

-- Each failed delivery leaves an invitation (giấy mời) with the recipient.
CREATE TABLE postal.attempt (
    shipment_id  text NOT NULL REFERENCES postal.shipment,
    n            int NOT NULL,
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    reason       text NOT NULL,
    PRIMARY KEY (shipment_id, n));

-- reporting: the postal figures, from events, in tables of their own.
CREATE TABLE reporting.postal_dossier (
    dossier_code   text PRIMARY KEY,
    channel        smallint NOT NULL,
    return_method  smallint NOT NULL,
    received_at    timestamptz NOT NULL);
CREATE INDEX ON reporting.postal_dossier (received_at);

CREATE TABLE reporting.postal_slip (
    slip_number    text PRIMARY KEY,
    batch_no       bigint NOT NULL,
    dossier_code   text NOT NULL,             -- or the refusal number
    refused        boolean NOT NULL,
    answered_at    timestamptz NOT NULL,
    postal_fee     bigint NOT NULL,
    procedure_fee  bigint NOT NULL);

CREATE TABLE reporting.postal_shipment (
    dossier_code   text PRIMARY KEY,
    state          text NOT NULL,
    state_at       timestamptz NOT NULL,
    route          text NOT NULL DEFAULT '',
    handed_at      timestamptz,
    deadline_at    timestamptz,
    delivered_at   timestamptz,
    returned_at    timestamptz,
    invitations    int NOT NULL DEFAULT 0);
