-- The member's insurance as caseworkers name it: 险种 (insurance_scheme) and, for 职工医保, 人员类别
-- (person_category), replacing the one list insurance_type that mixed the two. Rows are
-- converted in place: employee → 职工医保·在职, retired → 职工医保·退休, flexible → 职工医保·灵活就业,
-- resident → 城乡居民医保 without a category. The triage facts keep the insurance the rules ran on
-- and convert the same way (NULL stays NULL). A 职工医保 member may also carry a 档次 (tier).
ALTER TABLE "members"
  ADD COLUMN "insurance_scheme" text,
  ADD COLUMN "person_category" text,
  ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "enquiry_triage_facts"
  ADD COLUMN "insurance_scheme" text,
  ADD COLUMN "person_category" text;--> statement-breakpoint
UPDATE "members" SET
  "insurance_scheme" = CASE WHEN "insurance_type" = 'resident' THEN 'resident' ELSE 'employee' END,
  "person_category" = CASE "insurance_type"
    WHEN 'employee' THEN 'active'
    WHEN 'retired' THEN 'retired'
    WHEN 'flexible' THEN 'flexible'
  END;--> statement-breakpoint
UPDATE "enquiry_triage_facts" SET
  "insurance_scheme" = CASE WHEN "insurance_type" = 'resident' THEN 'resident' ELSE 'employee' END,
  "person_category" = CASE "insurance_type"
    WHEN 'employee' THEN 'active'
    WHEN 'retired' THEN 'retired'
    WHEN 'flexible' THEN 'flexible'
  END
WHERE "insurance_type" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "members"
  ALTER COLUMN "insurance_scheme" SET NOT NULL,
  DROP CONSTRAINT "members_insurance_type_check",
  DROP COLUMN "insurance_type",
  ADD CONSTRAINT "members_insurance_scheme_check" CHECK ("members"."insurance_scheme" in ('employee', 'resident')),
  ADD CONSTRAINT "members_person_category_check" CHECK ("members"."person_category" in ('active', 'retired', 'flexible')),
  ADD CONSTRAINT "members_person_category_for_employee" CHECK (("members"."insurance_scheme" = 'employee') = ("members"."person_category" is not null)),
  ADD CONSTRAINT "members_tier_for_employee" CHECK ("members"."tier" is null or ("members"."insurance_scheme" = 'employee' and char_length("members"."tier") between 1 and 16));--> statement-breakpoint
ALTER TABLE "enquiry_triage_facts"
  DROP CONSTRAINT "enquiry_triage_facts_insurance_type_check",
  DROP COLUMN "insurance_type",
  ADD CONSTRAINT "enquiry_triage_facts_insurance_scheme_check" CHECK ("enquiry_triage_facts"."insurance_scheme" in ('employee', 'resident')),
  ADD CONSTRAINT "enquiry_triage_facts_person_category_check" CHECK ("enquiry_triage_facts"."person_category" in ('active', 'retired', 'flexible')),
  ADD CONSTRAINT "enquiry_triage_facts_person_category_for_employee" CHECK (coalesce("enquiry_triage_facts"."insurance_scheme" = 'employee', false) = ("enquiry_triage_facts"."person_category" is not null));
