-- The analytics rollups (enquiry_cause_monthly, enquiry_monthly) kept exact in the writing
-- transaction. Every change to an enquiry or a cause tag subtracts the old row's contribution and
-- adds the new one; bd_rollups_add sums a range of enquiries in one pass (the bulk loader and the
-- rebuild use it). Both paths must agree on what a row contributes: the rollup tests compare
-- them with a GROUP BY over the base tables.

-- The calendar month in Beijing time, whatever the session's time zone.
CREATE OR REPLACE FUNCTION bd_shanghai_month(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date
$$;--> statement-breakpoint

-- The handling city of a region code: a district counts for its city.
CREATE OR REPLACE FUNCTION bd_city_code(region_code text) RETURNS char(6)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (substr(region_code, 1, 4) || '00')::char(6)
$$;--> statement-breakpoint

-- Hours from opening to resolution in 16 buckets: [0,1), [1,2), [2,4) … [336,720), [720,∞); a
-- resolution stamped before the opening counts as under an hour; null while unresolved.
-- RESOLVE_HOURS_EDGES in db/rollup.ts lists the same edges for the median.
CREATE OR REPLACE FUNCTION bd_resolve_bucket(opened_at timestamptz, resolved_at timestamptz)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN resolved_at IS NOT NULL THEN greatest(1, width_bucket(
    extract(epoch FROM resolved_at - opened_at)::float8 / 3600,
    '{0,1,2,4,8,12,24,36,48,72,96,120,168,240,336,720}'::float8[]
  )) END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION bd_int_array_add(a integer[], b integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i)
  FROM unnest(a, b) WITH ORDINALITY AS pairs(x, y, i)
$$;--> statement-breakpoint

-- Adds `amount` (1 or -1) enquiries like `e`, filed under `primary_tag`, to enquiry_monthly.
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
  ) VALUES (
    bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), primary_tag, e.symptom,
    e.channel, amount,
    CASE WHEN e.status IN ('open', 'in_progress', 'awaiting_recheck') THEN amount ELSE 0 END,
    CASE WHEN resolved THEN amount ELSE 0 END,
    CASE WHEN e.resolved_at <= e.due_at THEN amount ELSE 0 END,
    coalesce(round(extract(epoch FROM e.resolved_at - e.opened_at))::bigint * amount, 0),
    hist,
    CASE WHEN e.satisfaction IS NOT NULL THEN amount ELSE 0 END,
    CASE WHEN e.satisfaction IN ('satisfied', 'mostly_satisfied') THEN amount ELSE 0 END
  )
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

-- Adds `amount` tags of cause `tag` on an enquiry like `e` to enquiry_cause_monthly.
CREATE OR REPLACE FUNCTION bd_rollup_add_tag(e enquiries, tag cause, amount integer)
RETURNS void
LANGUAGE sql AS $$
  INSERT INTO enquiry_cause_monthly AS m (month, region_code, cause, symptom, channel, tag_count)
  VALUES (bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), tag, e.symptom, e.channel,
    amount)
  ON CONFLICT ON CONSTRAINT enquiry_cause_monthly_pkey
  DO UPDATE SET tag_count = m.tag_count + excluded.tag_count
$$;--> statement-breakpoint

-- A new enquiry has no cause tags yet (they reference it), so it starts under "no primary".
CREATE OR REPLACE FUNCTION enquiries_rollup_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bd_rollup_add_enquiry(NEW, NULL, 1);
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION enquiries_rollup_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  primary_tag cause;
  tag cause;
BEGIN
  SELECT cause INTO primary_tag FROM enquiry_causes WHERE enquiry_id = OLD.id AND is_primary;
  PERFORM bd_rollup_add_enquiry(OLD, primary_tag, -1);
  PERFORM bd_rollup_add_enquiry(NEW, primary_tag, 1);
  IF bd_shanghai_month(OLD.opened_at) <> bd_shanghai_month(NEW.opened_at)
    OR bd_city_code(OLD.region_code) <> bd_city_code(NEW.region_code)
    OR OLD.symptom <> NEW.symptom OR OLD.channel <> NEW.channel THEN
    FOR tag IN SELECT cause FROM enquiry_causes WHERE enquiry_id = OLD.id LOOP
      PERFORM bd_rollup_add_tag(OLD, tag, -1);
      PERFORM bd_rollup_add_tag(NEW, tag, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Before the delete, while the cause tags still exist: the cascade removes them next, and by
-- then the enquiry row they would need for their month and region is gone.
CREATE OR REPLACE FUNCTION enquiries_rollup_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  primary_tag cause;
  tag cause;
BEGIN
  SELECT cause INTO primary_tag FROM enquiry_causes WHERE enquiry_id = OLD.id AND is_primary;
  PERFORM bd_rollup_add_enquiry(OLD, primary_tag, -1);
  FOR tag IN SELECT cause FROM enquiry_causes WHERE enquiry_id = OLD.id LOOP
    PERFORM bd_rollup_add_tag(OLD, tag, -1);
  END LOOP;
  RETURN OLD;
END
$$;--> statement-breakpoint

-- The enquiry row is locked so that a concurrent change of its month, region or status and this
-- change of its tags apply one after the other, each on top of the other's result. A missing
-- enquiry means its deletion cascaded here; its delete trigger has already subtracted the tags.
CREATE OR REPLACE FUNCTION enquiry_causes_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  e enquiries;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT * INTO e FROM enquiries WHERE id = OLD.enquiry_id FOR NO KEY UPDATE;
    IF FOUND THEN
      PERFORM bd_rollup_add_tag(e, OLD.cause, -1);
      IF OLD.is_primary THEN
        PERFORM bd_rollup_add_enquiry(e, OLD.cause, -1);
        PERFORM bd_rollup_add_enquiry(e, NULL, 1);
      END IF;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO e FROM enquiries WHERE id = NEW.enquiry_id FOR NO KEY UPDATE;
    IF FOUND THEN
      PERFORM bd_rollup_add_tag(e, NEW.cause, 1);
      IF NEW.is_primary THEN
        PERFORM bd_rollup_add_enquiry(e, NULL, -1);
        PERFORM bd_rollup_add_enquiry(e, NEW.cause, 1);
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- The bulk loader sets balance_desk.rollups = 'deferred' for its own transaction and adds each
-- batch with bd_rollups_add before committing; every other writer goes through the triggers.
CREATE TRIGGER enquiries_rollup_insert
AFTER INSERT ON enquiries
FOR EACH ROW WHEN (current_setting('balance_desk.rollups', true) IS DISTINCT FROM 'deferred')
EXECUTE FUNCTION enquiries_rollup_insert();--> statement-breakpoint

CREATE TRIGGER enquiries_rollup_update
AFTER UPDATE ON enquiries
FOR EACH ROW WHEN (
  OLD.opened_at IS DISTINCT FROM NEW.opened_at
  OR OLD.region_code IS DISTINCT FROM NEW.region_code
  OR OLD.symptom IS DISTINCT FROM NEW.symptom
  OR OLD.channel IS DISTINCT FROM NEW.channel
  OR OLD.status IS DISTINCT FROM NEW.status
  OR OLD.due_at IS DISTINCT FROM NEW.due_at
  OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
  OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction
)
EXECUTE FUNCTION enquiries_rollup_update();--> statement-breakpoint

CREATE TRIGGER enquiries_rollup_delete
BEFORE DELETE ON enquiries
FOR EACH ROW EXECUTE FUNCTION enquiries_rollup_delete();--> statement-breakpoint

CREATE TRIGGER enquiry_causes_rollup_insert
AFTER INSERT ON enquiry_causes
FOR EACH ROW WHEN (current_setting('balance_desk.rollups', true) IS DISTINCT FROM 'deferred')
EXECUTE FUNCTION enquiry_causes_rollup();--> statement-breakpoint

CREATE TRIGGER enquiry_causes_rollup_update
AFTER UPDATE ON enquiry_causes
FOR EACH ROW WHEN (
  OLD.enquiry_id IS DISTINCT FROM NEW.enquiry_id
  OR OLD.cause IS DISTINCT FROM NEW.cause
  OR OLD.is_primary IS DISTINCT FROM NEW.is_primary
)
EXECUTE FUNCTION enquiry_causes_rollup();--> statement-breakpoint

CREATE TRIGGER enquiry_causes_rollup_delete
AFTER DELETE ON enquiry_causes
FOR EACH ROW EXECUTE FUNCTION enquiry_causes_rollup();--> statement-breakpoint

-- Adds the enquiries with ids in [first_id, last_id] and their cause tags to the rollups, as a
-- GROUP BY over the base tables.
CREATE OR REPLACE FUNCTION bd_rollups_add(first_id bigint, last_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO enquiry_cause_monthly AS m (month, region_code, cause, symptom, channel, tag_count)
  SELECT bd_shanghai_month(e.opened_at), bd_city_code(e.region_code), c.cause, e.symptom,
    e.channel, count(*)
  FROM enquiry_causes c
  JOIN enquiries e ON e.id = c.enquiry_id
  WHERE c.enquiry_id BETWEEN first_id AND last_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT enquiry_cause_monthly_pkey
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
  GROUP BY 1, 2, 3, 4, 5
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

-- Recomputes both rollups from the base tables. Writers wait meanwhile (a few seconds at a
-- million enquiries), so no change falls between the GROUP BY and the new rows.
CREATE OR REPLACE FUNCTION bd_rollups_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE enquiries, enquiry_causes IN SHARE MODE;
  TRUNCATE enquiry_cause_monthly, enquiry_monthly;
  PERFORM bd_rollups_add(0, 9223372036854775807);
END
$$;--> statement-breakpoint

-- TRUNCATE skips row triggers (the demo seed's --reset empties the tables this way).
CREATE OR REPLACE FUNCTION bd_rollups_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bd_rollups_rebuild();
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER enquiries_rollup_truncate
AFTER TRUNCATE ON enquiries
FOR EACH STATEMENT EXECUTE FUNCTION bd_rollups_truncated();--> statement-breakpoint

CREATE TRIGGER enquiry_causes_rollup_truncate
AFTER TRUNCATE ON enquiry_causes
FOR EACH STATEMENT EXECUTE FUNCTION bd_rollups_truncated();--> statement-breakpoint

SELECT bd_rollups_rebuild();
