-- The rollups keep every figure per symptom and channel, per symptom (channel null), per channel
-- (symptom null) and for all of them (both null), as GROUP BY CUBE (symptom, channel) gives it;
-- migration 0006 made the two columns nullable for that. The functions that add to the rollups
-- now write all four rows, and the rows already there are recomputed at the end.

CREATE OR REPLACE FUNCTION bd_rollup_add_enquiry(e enquiries, primary_tag cause, amount integer)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  resolved boolean := e.resolved_at IS NOT NULL;
  bucket integer := bd_resolve_bucket(e.opened_at, e.resolved_at);
  hist integer[] := array_fill(0, ARRAY[16]);
BEGIN
  IF resolved THEN
    hist[bucket] := amount;
  END IF;
  INSERT INTO enquiry_monthly AS m (
    month, region_code, primary_cause, symptom, channel, enquiries, open_count, resolved_count,
    resolved_on_time, resolve_seconds_sum, resolve_hist, followed_up_count, satisfied_count
  )
  SELECT bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), primary_tag, v.symptom,
    v.channel, amount,
    CASE WHEN e.status IN ('open', 'in_progress', 'awaiting_recheck') THEN amount ELSE 0 END,
    CASE WHEN resolved THEN amount ELSE 0 END,
    CASE WHEN e.resolved_at <= e.due_at THEN amount ELSE 0 END,
    coalesce(round(extract(epoch FROM e.resolved_at - e.opened_at))::bigint * amount, 0),
    hist,
    CASE WHEN e.satisfaction IS NOT NULL THEN amount ELSE 0 END,
    CASE WHEN e.satisfaction IN ('satisfied', 'mostly_satisfied') THEN amount ELSE 0 END
  FROM (VALUES (e.symptom, e.channel), (e.symptom, NULL), (NULL, e.channel), (NULL, NULL))
    AS v(symptom, channel)
  ON CONFLICT ON CONSTRAINT enquiry_monthly_key DO UPDATE SET
    enquiries = m.enquiries + excluded.enquiries,
    open_count = m.open_count + excluded.open_count,
    resolved_count = m.resolved_count + excluded.resolved_count,
    resolved_on_time = m.resolved_on_time + excluded.resolved_on_time,
    resolve_seconds_sum = m.resolve_seconds_sum + excluded.resolve_seconds_sum,
    resolve_hist = CASE WHEN resolved
      THEN bd_int_array_add(m.resolve_hist, excluded.resolve_hist)
      ELSE m.resolve_hist END,
    followed_up_count = m.followed_up_count + excluded.followed_up_count,
    satisfied_count = m.satisfied_count + excluded.satisfied_count;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION bd_rollup_add_tag(e enquiries, tag cause, amount integer)
RETURNS void
LANGUAGE sql AS $$
  INSERT INTO enquiry_cause_monthly AS m (month, region_code, cause, symptom, channel, tag_count)
  SELECT bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), tag, v.symptom, v.channel,
    amount
  FROM (VALUES (e.symptom, e.channel), (e.symptom, NULL), (NULL, e.channel), (NULL, NULL))
    AS v(symptom, channel)
  ON CONFLICT ON CONSTRAINT enquiry_cause_monthly_key
  DO UPDATE SET tag_count = m.tag_count + excluded.tag_count
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION bd_rollups_add(first_id bigint, last_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO enquiry_cause_monthly AS m (month, region_code, cause, symptom, channel, tag_count)
  SELECT bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), c.cause, e.symptom,
    e.channel, count(*)
  FROM enquiry_causes c
  JOIN enquiries e ON e.id = c.enquiry_id
  WHERE c.enquiry_id BETWEEN first_id AND last_id
  GROUP BY 1, 2, 3, CUBE (e.symptom, e.channel)
  ON CONFLICT ON CONSTRAINT enquiry_cause_monthly_key
  DO UPDATE SET tag_count = m.tag_count + excluded.tag_count;

  INSERT INTO enquiry_monthly AS m (
    month, region_code, primary_cause, symptom, channel, enquiries, open_count, resolved_count,
    resolved_on_time, resolve_seconds_sum, resolve_hist, followed_up_count, satisfied_count
  )
  SELECT bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), c.cause, e.symptom,
    e.channel,
    count(*),
    count(*) FILTER (WHERE e.status IN ('open', 'in_progress', 'awaiting_recheck')),
    count(e.resolved_at),
    count(*) FILTER (WHERE e.resolved_at <= e.due_at),
    coalesce(sum(round(extract(epoch FROM e.resolved_at - e.opened_at))), 0),
    ARRAY[
      count(*) FILTER (WHERE r.bucket = 1), count(*) FILTER (WHERE r.bucket = 2),
      count(*) FILTER (WHERE r.bucket = 3), count(*) FILTER (WHERE r.bucket = 4),
      count(*) FILTER (WHERE r.bucket = 5), count(*) FILTER (WHERE r.bucket = 6),
      count(*) FILTER (WHERE r.bucket = 7), count(*) FILTER (WHERE r.bucket = 8),
      count(*) FILTER (WHERE r.bucket = 9), count(*) FILTER (WHERE r.bucket = 10),
      count(*) FILTER (WHERE r.bucket = 11), count(*) FILTER (WHERE r.bucket = 12),
      count(*) FILTER (WHERE r.bucket = 13), count(*) FILTER (WHERE r.bucket = 14),
      count(*) FILTER (WHERE r.bucket = 15), count(*) FILTER (WHERE r.bucket = 16)
    ]::integer[],
    count(e.satisfaction),
    count(*) FILTER (WHERE e.satisfaction IN ('satisfied', 'mostly_satisfied'))
  FROM enquiries e
  LEFT JOIN enquiry_causes c ON c.enquiry_id = e.id AND c.is_primary
  CROSS JOIN LATERAL (SELECT bd_resolve_bucket(e.opened_at, e.resolved_at) AS bucket) AS r
  WHERE e.id BETWEEN first_id AND last_id
  GROUP BY 1, 2, 3, CUBE (e.symptom, e.channel)
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
$$;--> statement-breakpoint

SELECT bd_rollups_rebuild();
