ALTER TABLE "enquiry_causes" DROP CONSTRAINT "enquiry_causes_sub_reason_only_for_other";--> statement-breakpoint
ALTER TABLE "enquiry_causes" DROP CONSTRAINT "enquiry_causes_sub_reason_check";--> statement-breakpoint
ALTER TABLE "enquiry_suggestions" DROP CONSTRAINT "enquiry_suggestions_sub_reason_only_for_other";--> statement-breakpoint
ALTER TABLE "enquiry_suggestions" DROP CONSTRAINT "enquiry_suggestions_sub_reason_check";--> statement-breakpoint
-- 政策改革 tags gain a sub-reason: read from what the caseworker wrote (the steps' notes and the
-- 办结 summary), else 未细分 (unclassified), which the UI shows and a new tag cannot choose.
UPDATE "enquiry_causes" AS c SET "sub_reason" = coalesce((
  SELECT CASE
    WHEN t.words ~ '(大额医疗补助|大病保险|代扣|扣缴|扣费)' THEN 'deduction'
    WHEN t.words ~ '退休' AND t.words ~ '划入' THEN 'retiree_allocation'
    WHEN t.words ~ '(门诊共济|单位缴费部分不再划入|单位缴费不再划入)' THEN 'outpatient_reform'
    WHEN t.words ~ '缴费基数(调整|下调|降低)' THEN 'base_adjustment'
  END
  FROM (
    SELECT coalesce(e."resolution_summary", '') || ' ' || coalesce((
      SELECT string_agg(coalesce(s."note", ''), ' ') FROM "resolution_steps" s
      WHERE s."enquiry_id" = e."id"), '') AS words
    FROM "enquiries" e WHERE e."id" = c."enquiry_id"
  ) t
), 'unclassified')
WHERE c."cause" = 'policy_reform';--> statement-breakpoint
-- A suggestion of 政策改革 takes the sub-reason its enquiry's tag now has, so whether it was
-- accepted (the same cause and sub-reason as a tag) reads as before.
UPDATE "enquiry_suggestions" AS s SET "sub_reason" = coalesce((
  SELECT c."sub_reason" FROM "enquiry_causes" c
  WHERE c."enquiry_id" = s."enquiry_id" AND c."cause" = 'policy_reform'), 'unclassified')
WHERE s."cause" = 'policy_reform';--> statement-breakpoint
ALTER TABLE "enquiry_causes" ADD CONSTRAINT "enquiry_causes_sub_reason_fits_cause" CHECK (case "enquiry_causes"."cause" when 'policy_reform' then coalesce("enquiry_causes"."sub_reason" in ('outpatient_reform', 'retiree_allocation', 'base_adjustment', 'deduction', 'unclassified'), false) when 'other' then coalesce("enquiry_causes"."sub_reason" in ('medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance'), false) else "enquiry_causes"."sub_reason" is null end);--> statement-breakpoint
ALTER TABLE "enquiry_causes" ADD CONSTRAINT "enquiry_causes_sub_reason_check" CHECK ("enquiry_causes"."sub_reason" in ('outpatient_reform', 'retiree_allocation', 'base_adjustment', 'deduction', 'unclassified', 'medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance'));--> statement-breakpoint
ALTER TABLE "enquiry_suggestions" ADD CONSTRAINT "enquiry_suggestions_sub_reason_fits_cause" CHECK (case "enquiry_suggestions"."cause" when 'policy_reform' then coalesce("enquiry_suggestions"."sub_reason" in ('outpatient_reform', 'retiree_allocation', 'base_adjustment', 'deduction', 'unclassified'), false) when 'other' then coalesce("enquiry_suggestions"."sub_reason" in ('medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance'), false) else "enquiry_suggestions"."sub_reason" is null end);--> statement-breakpoint
ALTER TABLE "enquiry_suggestions" ADD CONSTRAINT "enquiry_suggestions_sub_reason_check" CHECK ("enquiry_suggestions"."sub_reason" in ('outpatient_reform', 'retiree_allocation', 'base_adjustment', 'deduction', 'unclassified', 'medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance'));