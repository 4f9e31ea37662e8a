-- 005 — the government's declared days (Tết placement, swaps, make-up
-- Saturdays) as reference data every service reads. Rows are declaration
-- lines of the format in common/calendar.h; the shipped years come from
-- deploy/calendar/YYYY.txt (`motcua admin calendar import`), later ones from
-- `motcua admin calendar add`. Services notice a change within a second.
CREATE TABLE catalog.calendar_entry (
    day       date PRIMARY KEY,
    kind      text NOT NULL CHECK (kind IN ('tet', 'national', 'holiday', 'dayoff', 'workday')),
    reason    text NOT NULL DEFAULT '',
    source    text NOT NULL DEFAULT '',
    added_at  timestamptz NOT NULL DEFAULT clock_timestamp ());
