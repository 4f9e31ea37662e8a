-- The year's II.06a by field in plain SQL over reporting.dossier_fact, with
-- the semantics of common/report06a.c (supplement pause included), local
-- dates by the fixed +07:00 offset (the faster form, research/peer-bench.md).
-- psql -v from='2023-12-15 00:00+07' -v to='2024-12-15 00:00+07'
SELECT field,
  count (*) FILTER (WHERE received_at >= :'from' AND channel = 2)                         AS new_online,
  count (*) FILTER (WHERE received_at >= :'from' AND coalesce (channel, 1) NOT IN (2, 3))  AS new_direct,
  count (*) FILTER (WHERE received_at >= :'from' AND channel = 3)                         AS new_postal,
  count (*) FILTER (WHERE received_at < :'from')                                          AS carried_over,
  count (*) FILTER (WHERE resolved_at < :'to' AND resolved_at <= coalesce (due_at, 'epoch')
                      AND (resolved_at AT TIME ZONE INTERVAL '+07:00')::date
                        < (due_at AT TIME ZONE INTERVAL '+07:00')::date)                  AS resolved_early,
  count (*) FILTER (WHERE resolved_at < :'to' AND resolved_at <= coalesce (due_at, 'epoch')
                      AND (resolved_at AT TIME ZONE INTERVAL '+07:00')::date
                       >= (due_at AT TIME ZONE INTERVAL '+07:00')::date)                  AS resolved_on_time,
  count (*) FILTER (WHERE resolved_at < :'to' AND resolved_at > coalesce (due_at, 'epoch')) AS resolved_late,
  count (*) FILTER (WHERE (resolved_at IS NULL OR resolved_at >= :'to')
                      AND CASE WHEN paused_at < :'to' AND (resumed_at IS NULL OR resumed_at >= :'to')
                               THEN paused_at <= due_at ELSE due_at >= :'to' END)          AS in_progress_within,
  count (*) FILTER (WHERE (resolved_at IS NULL OR resolved_at >= :'to')
                      AND NOT coalesce (CASE WHEN paused_at < :'to' AND (resumed_at IS NULL OR resumed_at >= :'to')
                               THEN paused_at <= due_at ELSE due_at >= :'to' END, false))  AS in_progress_overdue
FROM reporting.dossier_fact
WHERE received_at < :'to' AND (resolved_at IS NULL OR resolved_at >= :'from')
GROUP BY field ORDER BY field;
