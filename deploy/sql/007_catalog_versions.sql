-- 007 — the procedure catalogue, versioned (issue 3 item 6). A procedure is a
-- row per version: what the law and the province say of it from valid_from
-- (inclusive) to valid_to (exclusive; NULL = still in force). A dossier keeps
-- the version it was received under (intake.dossier.procedure_version).
-- Versions of one code never overlap. Each version carries its internal
-- process: ordered steps whose quotas add up to its limit (or to its service
-- norm, which may never be longer than the legal limit). The shipped
-- catalogue is deploy/catalog/*.csv, loaded with `motcua catalog import`;
-- the format is in README.md ("Catalogue").
--
-- Quotas are working hours for limits in working days (8 hours a day) or
-- working hours; for a limit in calendar days they are calendar hours (24 a
-- day), since such a clock runs on days off too.
--
-- catalog.procedure, the table of 002, becomes a view of the versions in
-- force now, so readers of the old shape keep working; an insert into it
-- makes a provisional version with a single step (for old scripts).

-- Who else decides or receives: ASSUMED codes, like H27.22 in 002. The
-- province's own agency IDs for its 69 communes were not found
-- (research/law-2025.md §3), so one agency stands for "a commune People's
-- Committee" and one for "a district People's Committee" (until 30/6/2025).
INSERT INTO catalog.agency (code, name) VALUES
    ('H27',       'Ủy ban nhân dân tỉnh Hà Tĩnh'),
    ('H27.XA',    'Ủy ban nhân dân cấp xã (xã, phường của tỉnh Hà Tĩnh)'),
    ('H27.HUYEN', 'Ủy ban nhân dân cấp huyện (đến 30/6/2025)')
ON CONFLICT (code) DO NOTHING;

INSERT INTO catalog.division (code, agency_code, name) VALUES
    ('pvhcc',     'H27',       'Trung tâm Phục vụ hành chính công tỉnh'),
    ('vpubnd',    'H27',       'Văn phòng Ủy ban nhân dân tỉnh'),
    ('lds',       'H27.22',    'Lãnh đạo Sở Nội vụ'),
    ('vps',       'H27.22',    'Văn phòng Sở Nội vụ'),
    ('ccvc',      'H27.22',    'Phòng Công chức, viên chức'),
    ('xdcq',      'H27.22',    'Phòng Xây dựng chính quyền và Công tác thanh niên'),
    ('vtlt',      'H27.22',    'Chi cục Văn thư - Lưu trữ'),
    ('ldvl',      'H27.22',    'Phòng Lao động - Việc làm - Bảo hiểm xã hội'),
    ('ncc',       'H27.22',    'Phòng Người có công'),
    ('dvvl',      'H27.22',    'Trung tâm Dịch vụ việc làm'),
    ('xa.mc',     'H27.XA',    'Trung tâm Phục vụ hành chính công cấp xã'),
    ('xa.vp',     'H27.XA',    'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã'),
    ('xa.vhxh',   'H27.XA',    'Phòng Văn hóa - Xã hội cấp xã'),
    ('xa.ld',     'H27.XA',    'Lãnh đạo Ủy ban nhân dân cấp xã'),
    ('hu.mc',     'H27.HUYEN', 'Bộ phận Một cửa cấp huyện'),
    ('hu.nv',     'H27.HUYEN', 'Phòng Nội vụ cấp huyện'),
    ('hu.ldtbxh', 'H27.HUYEN', 'Phòng Lao động - Thương binh và Xã hội cấp huyện'),
    ('hu.ld',     'H27.HUYEN', 'Lãnh đạo Ủy ban nhân dân cấp huyện')
ON CONFLICT (code) DO NOTHING;

CREATE TABLE catalog.procedure_version (
    id                     bigserial PRIMARY KEY,
    code                   text NOT NULL,          -- national N.NNNNNN, or a provincial H27.XX.NNN placeholder
    name                   text NOT NULL,
    field                  text NOT NULL,
    level                  text NOT NULL CHECK (level IN ('province', 'commune', 'district')),
    agency_code            text NOT NULL REFERENCES catalog.agency,    -- the competent body
    division               text NOT NULL REFERENCES catalog.division,  -- whose desk decides
    time_limit_value       int NOT NULL CHECK (time_limit_value > 0),
    time_limit_unit        text NOT NULL
                           CHECK (time_limit_unit IN ('working_days', 'working_hours', 'calendar_days')),
    online_limit_value     int CHECK (online_limit_value > 0),
    online_limit_unit      text
                           CHECK (online_limit_unit IN ('working_days', 'working_hours', 'calendar_days')),
    norm_value             int CHECK (norm_value > 0),  -- service norm, in the limit's unit
    online_level           text NOT NULL DEFAULT 'none' CHECK (online_level IN ('full', 'partial', 'none')),
    components             text[] NOT NULL DEFAULT '{}',
    fees                   text NOT NULL DEFAULT '',
    fee_amount             bigint CHECK (fee_amount >= 0),              -- VND, when one amount
    result_kind            text NOT NULL DEFAULT 'document'
                           CHECK (result_kind IN ('document', 'certificate', 'banner', 'medal')),
    uses_population_db     boolean NOT NULL DEFAULT false,
    needs_judicial_record  boolean NOT NULL DEFAULT false,
    valid_from             timestamptz NOT NULL DEFAULT '-infinity',
    valid_to               timestamptz,
    notes                  text NOT NULL DEFAULT '',
    provisional            boolean NOT NULL DEFAULT false,  -- a stand-in the first import replaces
    created_at             timestamptz NOT NULL DEFAULT now (),
    CHECK ((online_limit_value IS NULL) = (online_limit_unit IS NULL)),
    CONSTRAINT norm_within_limit CHECK (norm_value IS NULL OR norm_value <= time_limit_value),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT district_ended CHECK (level <> 'district'
        OR (valid_to IS NOT NULL AND valid_to <= timestamptz '2025-07-01 00:00:00+07')));
CREATE INDEX ON catalog.procedure_version (code, valid_from);

CREATE TABLE catalog.procedure_step (
    version_id   bigint NOT NULL REFERENCES catalog.procedure_version ON DELETE CASCADE,
    position     int NOT NULL CHECK (position > 0),
    name         text NOT NULL,
    division     text NOT NULL REFERENCES catalog.division,
    quota_hours  int NOT NULL CHECK (quota_hours > 0),
    PRIMARY KEY (version_id, position));

-- The hours a version's steps must add up to.
CREATE FUNCTION catalog.process_hours (unit text, value int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
    SELECT value * CASE unit WHEN 'working_days' THEN 8 WHEN 'working_hours' THEN 1 ELSE 24 END
$$;

-- Versions of one code never overlap (a trigger, not an exclusion
-- constraint: that would need btree_gist).
CREATE FUNCTION catalog.version_no_overlap () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock (hashtext ('catalog.procedure_version'), hashtext (NEW.code));
    IF EXISTS (SELECT 1 FROM catalog.procedure_version o
               WHERE o.code = NEW.code AND o.id <> NEW.id
                 AND tstzrange (o.valid_from, o.valid_to) && tstzrange (NEW.valid_from, NEW.valid_to)) THEN
        RAISE EXCEPTION 'procedure % already has a version in force during [%, %)',
                        NEW.code, NEW.valid_from, coalesce (NEW.valid_to::text, 'open')
              USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER version_no_overlap BEFORE INSERT OR UPDATE OF code, valid_from, valid_to
    ON catalog.procedure_version FOR EACH ROW EXECUTE FUNCTION catalog.version_no_overlap ();

-- The internal process adds up, checked at commit (steps come after their version).
CREATE FUNCTION catalog.process_adds_up () RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    vid bigint;
    v catalog.procedure_version;
    total bigint;
    steps int;
BEGIN
    IF TG_TABLE_NAME = 'procedure_version' THEN
        vid := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        vid := OLD.version_id;
    ELSE
        vid := NEW.version_id;
    END IF;
    SELECT * INTO v FROM catalog.procedure_version WHERE id = vid;
    IF NOT FOUND THEN
        RETURN NULL;                    --  the version went (cascade)
    END IF;
    SELECT coalesce (sum (quota_hours), 0), count (*) INTO total, steps
    FROM catalog.procedure_step WHERE version_id = vid;
    IF steps = 0 OR total <> catalog.process_hours (v.time_limit_unit, coalesce (v.norm_value, v.time_limit_value)) THEN
        RAISE EXCEPTION 'the internal process of % (version %) adds up to % hours, its % is % hours',
                        v.code, vid, total, CASE WHEN v.norm_value IS NULL THEN 'limit' ELSE 'service norm' END,
                        catalog.process_hours (v.time_limit_unit, coalesce (v.norm_value, v.time_limit_value))
              USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER version_process_adds_up AFTER INSERT OR UPDATE ON catalog.procedure_version
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog.process_adds_up ();
CREATE CONSTRAINT TRIGGER step_process_adds_up AFTER INSERT OR UPDATE OR DELETE ON catalog.procedure_step
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog.process_adds_up ();

-- The procedures of 002 become their first versions: in force since always,
-- one step holding the whole limit. They are provisional: an import replaces
-- them outright while no dossier refers to them (a fresh database), and
-- otherwise ends them and starts the imported version.
INSERT INTO catalog.procedure_version (code, name, field, level, agency_code, division,
                                       time_limit_value, time_limit_unit, valid_to, notes, provisional)
SELECT code, name, field, 'province', agency_code, division, time_limit_value, time_limit_unit,
       CASE WHEN active THEN NULL ELSE date_trunc ('second', now ()) END,
       'migrated from the catalogue of 002 (no internal process was recorded)', true
FROM catalog.procedure ORDER BY code;
INSERT INTO catalog.procedure_step (version_id, position, name, division, quota_hours)
SELECT id, 1, 'Giải quyết', division, catalog.process_hours (time_limit_unit, time_limit_value)
FROM catalog.procedure_version;

-- A dossier keeps the version it was received under.
ALTER TABLE intake.dossier ADD COLUMN procedure_version bigint REFERENCES catalog.procedure_version;
UPDATE intake.dossier d SET procedure_version = v.id
FROM catalog.procedure_version v WHERE v.code = d.procedure_code;

DROP TABLE catalog.procedure;
CREATE VIEW catalog.procedure AS
SELECT code, name, field, agency_code, division, time_limit_value, time_limit_unit,
       true AS active, id AS version_id, level
FROM catalog.procedure_version
WHERE valid_from <= now () AND (valid_to IS NULL OR valid_to > now ());

-- An insert into the old shape: a version from now (or since always, for a
-- new code) with one step; a code already in force is left alone, as the
-- old table's ON CONFLICT DO NOTHING did.
CREATE FUNCTION catalog.procedure_insert () RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    vid bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM catalog.procedure_version
               WHERE code = NEW.code AND (valid_to IS NULL OR valid_to > now ())) THEN
        RETURN NULL;
    END IF;
    INSERT INTO catalog.procedure_version (code, name, field, level, agency_code, division,
                                           time_limit_value, time_limit_unit, valid_from, notes, provisional)
    VALUES (NEW.code, NEW.name, NEW.field, coalesce (NEW.level, 'province'), NEW.agency_code, NEW.division,
            NEW.time_limit_value, NEW.time_limit_unit,
            CASE WHEN EXISTS (SELECT 1 FROM catalog.procedure_version WHERE code = NEW.code)
                 THEN date_trunc ('second', now ()) ELSE '-infinity' END,
            'added through the catalog.procedure view', true)
    RETURNING id INTO vid;
    INSERT INTO catalog.procedure_step (version_id, position, name, division, quota_hours)
    VALUES (vid, 1, 'Giải quyết', NEW.division,
            catalog.process_hours (NEW.time_limit_unit, NEW.time_limit_value));
    RETURN NEW;
END
$$;
CREATE TRIGGER procedure_insert INSTEAD OF INSERT ON catalog.procedure
    FOR EACH ROW EXECUTE FUNCTION catalog.procedure_insert ();
