-- Code lists become text columns checked against the lists in db/constants.ts (see
-- db/schema/code-lists.ts): drizzle applies every pending migration in one transaction, and
-- PostgreSQL cannot use an enum value added in the same transaction, while a check constraint
-- can be replaced and the new value used at once. Values are kept as they are.
--
-- What cannot follow the type change by itself is dropped first and made again afterwards: the
-- two triggers whose WHEN clause reads an enum column, the rollup functions that take a cause
-- argument or declare a cause variable (migrations 0005 and 0007), and the check constraints
-- that compare with enum literals. Each table's columns change in one ALTER TABLE, so a table is
-- rewritten once and its new constraints are checked during that rewrite.
DROP TRIGGER "enquiries_rollup_update" ON "enquiries";--> statement-breakpoint
DROP TRIGGER "enquiry_causes_rollup_update" ON "enquiry_causes";--> statement-breakpoint
DROP FUNCTION bd_rollup_add_enquiry(enquiries, cause, integer);--> statement-breakpoint
DROP FUNCTION bd_rollup_add_tag(enquiries, cause, integer);--> statement-breakpoint
ALTER TABLE "enquiries"
  DROP CONSTRAINT "enquiries_resolved_has_summary",
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "priority" DROP DEFAULT,
  ALTER COLUMN "channel" SET DATA TYPE text USING "channel"::text,
  ALTER COLUMN "symptom" SET DATA TYPE text USING "symptom"::text,
  ALTER COLUMN "status" SET DATA TYPE text USING "status"::text,
  ALTER COLUMN "priority" SET DATA TYPE text USING "priority"::text,
  ALTER COLUMN "follow_up_method" SET DATA TYPE text USING "follow_up_method"::text,
  ALTER COLUMN "satisfaction" SET DATA TYPE text USING "satisfaction"::text,
  ALTER COLUMN "status" SET DEFAULT 'open',
  ALTER COLUMN "priority" SET DEFAULT 'normal',
  ADD CONSTRAINT "enquiries_resolved_has_summary" CHECK ("enquiries"."status" not in ('resolved', 'followed_up') or ("enquiries"."resolution_summary" is not null and "enquiries"."resolved_at" is not null)),
  ADD CONSTRAINT "enquiries_channel_check" CHECK ("enquiries"."channel" in ('counter', 'hotline_12393', 'hotline_12345', 'hotline_12333', 'online')),
  ADD CONSTRAINT "enquiries_symptom_check" CHECK ("enquiries"."symptom" in ('negative', 'sudden_drop', 'zero', 'mismatch', 'unusable')),
  ADD CONSTRAINT "enquiries_status_check" CHECK ("enquiries"."status" in ('open', 'in_progress', 'awaiting_recheck', 'resolved', 'followed_up')),
  ADD CONSTRAINT "enquiries_priority_check" CHECK ("enquiries"."priority" in ('normal', 'urgent')),
  ADD CONSTRAINT "enquiries_follow_up_method_check" CHECK ("enquiries"."follow_up_method" in ('phone', 'sms', 'counter', 'online')),
  ADD CONSTRAINT "enquiries_satisfaction_check" CHECK ("enquiries"."satisfaction" in ('satisfied', 'mostly_satisfied', 'dissatisfied'));--> statement-breakpoint
ALTER TABLE "enquiry_causes"
  DROP CONSTRAINT "enquiry_causes_sub_reason_only_for_other",
  ALTER COLUMN "cause" SET DATA TYPE text USING "cause"::text,
  ALTER COLUMN "sub_reason" SET DATA TYPE text USING "sub_reason"::text,
  ADD CONSTRAINT "enquiry_causes_sub_reason_only_for_other" CHECK (("enquiry_causes"."cause" = 'other') = ("enquiry_causes"."sub_reason" is not null)),
  ADD CONSTRAINT "enquiry_causes_cause_check" CHECK ("enquiry_causes"."cause" in ('resignation', 'system_delay', 'policy_reform', 'family_aid', 'other')),
  ADD CONSTRAINT "enquiry_causes_sub_reason_check" CHECK ("enquiry_causes"."sub_reason" in ('medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance'));--> statement-breakpoint
ALTER TABLE "resolution_steps"
  ALTER COLUMN "kind" SET DATA TYPE text USING "kind"::text,
  ADD CONSTRAINT "resolution_steps_kind_check" CHECK ("resolution_steps"."kind" in ('print_ledger', 'check_leave_dates', 'compute_real_credit', 'explain_offset', 'record_expected_credit', 'schedule_recheck', 'recheck', 'escalate_back_office', 'explain_policy', 'explain_pooled_benefits', 'list_bound_relatives', 'unbind_relatives', 'check_contributions', 'top_up', 'apply_reimbursement', 'follow_up', 'free_text'));--> statement-breakpoint
ALTER TABLE "enquiry_suggestions"
  DROP CONSTRAINT "enquiry_suggestions_sub_reason_only_for_other",
  ALTER COLUMN "cause" SET DATA TYPE text USING "cause"::text,
  ALTER COLUMN "sub_reason" SET DATA TYPE text USING "sub_reason"::text,
  ADD CONSTRAINT "enquiry_suggestions_sub_reason_only_for_other" CHECK (("enquiry_suggestions"."cause" = 'other') = ("enquiry_suggestions"."sub_reason" is not null)),
  ADD CONSTRAINT "enquiry_suggestions_cause_check" CHECK ("enquiry_suggestions"."cause" in ('resignation', 'system_delay', 'policy_reform', 'family_aid', 'other')),
  ADD CONSTRAINT "enquiry_suggestions_sub_reason_check" CHECK ("enquiry_suggestions"."sub_reason" in ('medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance'));--> statement-breakpoint
ALTER TABLE "enquiry_triage_facts"
  ALTER COLUMN "insurance_type" SET DATA TYPE text USING "insurance_type"::text,
  ADD CONSTRAINT "enquiry_triage_facts_insurance_type_check" CHECK ("enquiry_triage_facts"."insurance_type" in ('employee', 'resident', 'flexible', 'retired'));--> statement-breakpoint
ALTER TABLE "members"
  ALTER COLUMN "insurance_type" SET DATA TYPE text USING "insurance_type"::text,
  ADD CONSTRAINT "members_insurance_type_check" CHECK ("members"."insurance_type" in ('employee', 'resident', 'flexible', 'retired'));--> statement-breakpoint
ALTER TABLE "regions"
  ALTER COLUMN "level" SET DATA TYPE text USING "level"::text,
  ADD CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('province', 'city', 'district'));--> statement-breakpoint
ALTER TABLE "enquiry_cause_monthly"
  ALTER COLUMN "cause" SET DATA TYPE text USING "cause"::text,
  ALTER COLUMN "symptom" SET DATA TYPE text USING "symptom"::text,
  ALTER COLUMN "channel" SET DATA TYPE text USING "channel"::text,
  ADD CONSTRAINT "enquiry_cause_monthly_cause_check" CHECK ("enquiry_cause_monthly"."cause" in ('resignation', 'system_delay', 'policy_reform', 'family_aid', 'other')),
  ADD CONSTRAINT "enquiry_cause_monthly_symptom_check" CHECK ("enquiry_cause_monthly"."symptom" in ('negative', 'sudden_drop', 'zero', 'mismatch', 'unusable')),
  ADD CONSTRAINT "enquiry_cause_monthly_channel_check" CHECK ("enquiry_cause_monthly"."channel" in ('counter', 'hotline_12393', 'hotline_12345', 'hotline_12333', 'online'));--> statement-breakpoint
ALTER TABLE "enquiry_monthly"
  ALTER COLUMN "primary_cause" SET DATA TYPE text USING "primary_cause"::text,
  ALTER COLUMN "symptom" SET DATA TYPE text USING "symptom"::text,
  ALTER COLUMN "channel" SET DATA TYPE text USING "channel"::text,
  ADD CONSTRAINT "enquiry_monthly_primary_cause_check" CHECK ("enquiry_monthly"."primary_cause" in ('resignation', 'system_delay', 'policy_reform', 'family_aid', 'other')),
  ADD CONSTRAINT "enquiry_monthly_symptom_check" CHECK ("enquiry_monthly"."symptom" in ('negative', 'sudden_drop', 'zero', 'mismatch', 'unusable')),
  ADD CONSTRAINT "enquiry_monthly_channel_check" CHECK ("enquiry_monthly"."channel" in ('counter', 'hotline_12393', 'hotline_12345', 'hotline_12333', 'online'));--> statement-breakpoint
ALTER TABLE "user_sessions"
  ALTER COLUMN "ended_reason" SET DATA TYPE text USING "ended_reason"::text,
  ADD CONSTRAINT "user_sessions_ended_reason_check" CHECK ("user_sessions"."ended_reason" in ('sign_out', 'idle', 'expired', 'revoked'));--> statement-breakpoint
ALTER TABLE "users"
  ALTER COLUMN "role" SET DATA TYPE text USING "role"::text,
  ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('caseworker', 'manager', 'admin'));--> statement-breakpoint
-- The definitions of migrations 0005 and 0007, with text for cause.
CREATE FUNCTION bd_rollup_add_enquiry(e enquiries, primary_tag text, amount integer)
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

CREATE FUNCTION bd_rollup_add_tag(e enquiries, tag text, amount integer)
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

CREATE OR REPLACE FUNCTION enquiries_rollup_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  primary_tag text;
  tag text;
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

CREATE OR REPLACE FUNCTION enquiries_rollup_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  primary_tag text;
  tag text;
BEGIN
  SELECT cause INTO primary_tag FROM enquiry_causes WHERE enquiry_id = OLD.id AND is_primary;
  PERFORM bd_rollup_add_enquiry(OLD, primary_tag, -1);
  FOR tag IN SELECT cause FROM enquiry_causes WHERE enquiry_id = OLD.id LOOP
    PERFORM bd_rollup_add_tag(OLD, tag, -1);
  END LOOP;
  RETURN OLD;
END
$$;--> statement-breakpoint

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

CREATE TRIGGER enquiry_causes_rollup_update
AFTER UPDATE ON enquiry_causes
FOR EACH ROW WHEN (
  OLD.enquiry_id IS DISTINCT FROM NEW.enquiry_id
  OR OLD.cause IS DISTINCT FROM NEW.cause
  OR OLD.is_primary IS DISTINCT FROM NEW.is_primary
)
EXECUTE FUNCTION enquiry_causes_rollup();--> statement-breakpoint

DROP TYPE "public"."cause";--> statement-breakpoint
DROP TYPE "public"."channel";--> statement-breakpoint
DROP TYPE "public"."enquiry_status";--> statement-breakpoint
DROP TYPE "public"."follow_up_method";--> statement-breakpoint
DROP TYPE "public"."insurance_type";--> statement-breakpoint
DROP TYPE "public"."other_sub_reason";--> statement-breakpoint
DROP TYPE "public"."priority";--> statement-breakpoint
DROP TYPE "public"."region_level";--> statement-breakpoint
DROP TYPE "public"."role";--> statement-breakpoint
DROP TYPE "public"."satisfaction";--> statement-breakpoint
DROP TYPE "public"."session_end_reason";--> statement-breakpoint
DROP TYPE "public"."step_kind";--> statement-breakpoint
DROP TYPE "public"."symptom";