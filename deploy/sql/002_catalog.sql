-- 002 — reference data every service reads (DESIGN §2): agencies, divisions and
-- the procedure catalogue. Seeded with Home Affairs (Sở Nội vụ) procedures from
-- research/domain.md §8. ASSUMPTIONS, to be replaced by the province's own
-- published catalogue: the agency code H27.22 (Hà Tĩnh is H27; the department's
-- level-2 code was not found), and the H27.NV.* codes of procedures whose
-- national code was not found. Time limits are those the sources give.
CREATE SCHEMA catalog;

CREATE TABLE catalog.agency (
    code          text PRIMARY KEY,
    name          text NOT NULL,
    office_hours  text NOT NULL DEFAULT '07:00-11:30,13:30-17:00');

CREATE TABLE catalog.division (
    code         text PRIMARY KEY,
    agency_code  text NOT NULL REFERENCES catalog.agency,
    name         text NOT NULL);

CREATE TABLE catalog.procedure (
    code              text PRIMARY KEY,
    name              text NOT NULL,
    field             text NOT NULL,
    agency_code       text NOT NULL REFERENCES catalog.agency,
    division          text NOT NULL REFERENCES catalog.division,
    time_limit_value  int NOT NULL CHECK (time_limit_value > 0),
    time_limit_unit   text NOT NULL
                      CHECK (time_limit_unit IN ('working_days', 'working_hours', 'calendar_days')),
    active            boolean NOT NULL DEFAULT true);

INSERT INTO catalog.agency (code, name) VALUES
    ('H27.22', 'Sở Nội vụ tỉnh Hà Tĩnh');

INSERT INTO catalog.division (code, agency_code, name) VALUES
    ('tdkt',  'H27.22', 'Ban Thi đua - Khen thưởng'),
    ('tcpcp', 'H27.22', 'Phòng Tổ chức bộ máy và Tổ chức phi chính phủ');

INSERT INTO catalog.procedure (code, name, field, agency_code, division, time_limit_value, time_limit_unit) VALUES
    ('1.000843',   'Thủ tục tặng danh hiệu Chiến sĩ thi đua cơ sở',
                   'Thi đua - Khen thưởng', 'H27.22', 'tdkt', 20, 'working_days'),
    ('1.000804',   'Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân về thành tích đột xuất',
                   'Thi đua - Khen thưởng', 'H27.22', 'tdkt', 8, 'working_days'),
    ('H27.NV.001', 'Thủ tục tặng danh hiệu Chiến sĩ thi đua cấp tỉnh',
                   'Thi đua - Khen thưởng', 'H27.22', 'tdkt', 15, 'working_days'),
    ('H27.NV.002', 'Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
                   'Thi đua - Khen thưởng', 'H27.22', 'tdkt', 25, 'working_days'),
    ('H27.NV.003', 'Thủ tục cho phép thành lập hội',
                   'Tổ chức phi chính phủ', 'H27.22', 'tcpcp', 30, 'working_days'),
    ('H27.NV.004', 'Thủ tục công nhận ban vận động thành lập hội',
                   'Tổ chức phi chính phủ', 'H27.22', 'tcpcp', 30, 'calendar_days');
