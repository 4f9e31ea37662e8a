-- 015 — "the procedure version in force at an instant", written once: valid_from
-- inclusive, valid_to exclusive (NULL: still in force). Every store asks it
-- (intake's receipts and refusal look-up, processing's internal steps,
-- reporting's facts and II.07b, postal's slips). A plain SQL function of one
-- SELECT, so the planner inlines it and the (code, valid_from) index serves.
-- (Migration 013 was never shipped: the numbers go 012, 014, 015.)
CREATE FUNCTION catalog.procedure_at (at timestamptz)
    RETURNS SETOF catalog.procedure_version
    LANGUAGE sql STABLE
AS $$
    SELECT * FROM catalog.procedure_version v
     WHERE v.valid_from <= at AND (v.valid_to IS NULL OR v.valid_to > at)
$$;
