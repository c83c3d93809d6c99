-- The bulk loader's writers add their batches' rollups concurrently, and batches of one month
-- touch the same rollup rows. Each upsert now takes its rows in the order of the whole rollup
-- key (the cause included), so two writers lock shared rows in the same order and wait for each
-- other instead of deadlocking.
CREATE OR REPLACE FUNCTION bd_rollups_add(first_id bigint, last_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO enquiry_cause_monthly AS m (month, region_code, cause, symptom, channel, tag_count)
  SELECT month, region_code, cause, symptom, channel, sum(n)
  FROM (
    SELECT bd_shanghai_month(e.opened_at) AS month, bd_city_code(e.region_code) AS region_code,
      c.cause, e.symptom, e.channel, count(*) AS n
    FROM enquiry_causes c
    JOIN enquiries e ON e.id = c.enquiry_id
    WHERE c.enquiry_id BETWEEN first_id AND last_id
    GROUP BY 1, 2, 3, 4, 5
  ) AS detailed
  GROUP BY month, region_code, cause, CUBE (symptom, channel)
  ORDER BY month, region_code, cause, symptom NULLS FIRST, channel NULLS FIRST
  ON CONFLICT ON CONSTRAINT enquiry_cause_monthly_key
  DO UPDATE SET tag_count = m.tag_count + excluded.tag_count;

  INSERT INTO enquiry_monthly AS m (
    month, region_code, primary_cause, symptom, channel, enquiries, open_count, resolved_count,
    resolved_on_time, resolve_seconds_sum, resolve_hist, followed_up_count, satisfied_count
  )
  SELECT month, region_code, primary_cause, symptom, channel, sum(enquiries), sum(open_count),
    sum(resolved_count), sum(resolved_on_time), sum(resolve_seconds_sum),
    ARRAY[
      sum(h1), sum(h2), sum(h3), sum(h4), sum(h5), sum(h6), sum(h7), sum(h8),
      sum(h9), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16)
    ]::integer[],
    sum(followed_up_count), sum(satisfied_count)
  FROM (
    SELECT bd_shanghai_month(e.opened_at) AS month, bd_city_code(e.region_code) AS region_code,
      c.cause AS primary_cause, e.symptom, e.channel,
      count(*) AS enquiries,
      count(*) FILTER (WHERE e.status IN ('open', 'in_progress', 'awaiting_recheck'))
        AS open_count,
      count(e.resolved_at) AS resolved_count,
      count(*) FILTER (WHERE e.resolved_at <= e.due_at) AS resolved_on_time,
      coalesce(sum(round(extract(epoch FROM e.resolved_at - e.opened_at))), 0)
        AS resolve_seconds_sum,
      count(*) FILTER (WHERE r.bucket = 1) AS h1, count(*) FILTER (WHERE r.bucket = 2) AS h2,
      count(*) FILTER (WHERE r.bucket = 3) AS h3, count(*) FILTER (WHERE r.bucket = 4) AS h4,
      count(*) FILTER (WHERE r.bucket = 5) AS h5, count(*) FILTER (WHERE r.bucket = 6) AS h6,
      count(*) FILTER (WHERE r.bucket = 7) AS h7, count(*) FILTER (WHERE r.bucket = 8) AS h8,
      count(*) FILTER (WHERE r.bucket = 9) AS h9, count(*) FILTER (WHERE r.bucket = 10) AS h10,
      count(*) FILTER (WHERE r.bucket = 11) AS h11, count(*) FILTER (WHERE r.bucket = 12) AS h12,
      count(*) FILTER (WHERE r.bucket = 13) AS h13, count(*) FILTER (WHERE r.bucket = 14) AS h14,
      count(*) FILTER (WHERE r.bucket = 15) AS h15, count(*) FILTER (WHERE r.bucket = 16) AS h16,
      count(e.satisfaction) AS followed_up_count,
      count(*) FILTER (WHERE e.satisfaction IN ('satisfied', 'mostly_satisfied'))
        AS satisfied_count
    FROM enquiries e
    LEFT JOIN enquiry_causes c ON c.enquiry_id = e.id AND c.is_primary
    CROSS JOIN LATERAL (SELECT bd_resolve_bucket(e.opened_at, e.resolved_at) AS bucket) AS r
    WHERE e.id BETWEEN first_id AND last_id
    GROUP BY 1, 2, 3, 4, 5
  ) AS detailed
  GROUP BY month, region_code, primary_cause, CUBE (symptom, channel)
  ORDER BY month, region_code, primary_cause NULLS FIRST, symptom NULLS FIRST, channel NULLS FIRST
  ON CONFLICT ON CONSTRAINT enquiry_monthly_key DO UPDATE SET
    enquiries = m.enquiries + excluded.enquiries,
    open_count = m.open_count + excluded.open_count,
    resolved_count = m.resolved_count + excluded.resolved_count,
    resolved_on_time = m.resolved_on_time + excluded.resolved_on_time,
    resolve_seconds_sum = m.resolve_seconds_sum + excluded.resolve_seconds_sum,
    resolve_hist = bd_int_array_add(m.resolve_hist, excluded.resolve_hist),
    followed_up_count = m.followed_up_count + excluded.followed_up_count,
    satisfied_count = m.satisfied_count + excluded.satisfied_count;
END
$$;
