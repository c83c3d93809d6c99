CREATE TYPE "public"."cause" AS ENUM('resignation', 'system_delay', 'policy_reform', 'family_aid', 'other');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('counter', 'hotline_12393', 'hotline_12345', 'hotline_12333', 'online');--> statement-breakpoint
CREATE TYPE "public"."enquiry_status" AS ENUM('open', 'in_progress', 'awaiting_recheck', 'resolved', 'followed_up');--> statement-breakpoint
CREATE TYPE "public"."follow_up_method" AS ENUM('phone', 'sms', 'counter', 'online');--> statement-breakpoint
CREATE TYPE "public"."insurance_type" AS ENUM('employee', 'resident', 'flexible', 'retired');--> statement-breakpoint
CREATE TYPE "public"."other_sub_reason" AS ENUM('medical_spending', 'employer_arrears', 'card_not_activated', 'wrong_query_channel', 'no_personal_account', 'identity_mismatch', 'overdraft_rule', 'contribution_gap', 'relocation', 'bank_account_frozen', 'out_of_area_or_expired', 'commercial_insurance');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('normal', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('province', 'city', 'district');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('caseworker', 'manager', 'admin');--> statement-breakpoint
CREATE TYPE "public"."satisfaction" AS ENUM('satisfied', 'mostly_satisfied', 'dissatisfied');--> statement-breakpoint
CREATE TYPE "public"."step_kind" AS ENUM('print_ledger', 'check_leave_dates', 'compute_real_credit', 'explain_offset', 'record_expected_credit', 'schedule_recheck', 'recheck', 'escalate_back_office', 'explain_policy', 'explain_pooled_benefits', 'list_bound_relatives', 'unbind_relatives', 'check_contributions', 'top_up', 'apply_reimbursement', 'follow_up', 'free_text');--> statement-breakpoint
CREATE TYPE "public"."symptom" AS ENUM('negative', 'sudden_drop', 'zero', 'mismatch', 'unusable');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enquiries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"region_code" char(6) NOT NULL,
	"channel" "channel" NOT NULL,
	"symptom" "symptom" NOT NULL,
	"reported_balance_fen" bigint,
	"disputed_amount_fen" bigint,
	"description" text NOT NULL,
	"status" "enquiry_status" DEFAULT 'open' NOT NULL,
	"priority" "priority" DEFAULT 'normal' NOT NULL,
	"assignee_id" bigint,
	"created_by" bigint NOT NULL,
	"idempotency_key" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution_summary" text,
	"follow_up_method" "follow_up_method",
	"follow_up_result" text,
	"satisfaction" "satisfaction",
	"followed_up_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiries_resolved_has_summary" CHECK ("enquiries"."status" not in ('resolved', 'followed_up') or ("enquiries"."resolution_summary" is not null and "enquiries"."resolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "enquiry_causes" (
	"enquiry_id" bigint NOT NULL,
	"cause" "cause" NOT NULL,
	"sub_reason" "other_sub_reason",
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "enquiry_causes_pkey" PRIMARY KEY("enquiry_id","cause"),
	CONSTRAINT "enquiry_causes_sub_reason_only_for_other" CHECK (("enquiry_causes"."cause" = 'other') = ("enquiry_causes"."sub_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "resolution_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolution_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enquiry_id" bigint NOT NULL,
	"kind" "step_kind" NOT NULL,
	"note" text,
	"done_by" bigint NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"id_number_hash" char(64) NOT NULL,
	"id_number_encrypted" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_hash" char(64),
	"phone_encrypted" text,
	"phone_masked" text,
	"phone_last4" char(4),
	"insurance_type" "insurance_type" NOT NULL,
	"region_code" char(6) NOT NULL,
	"employer_name" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" char(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_code" char(6)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"display_name" text NOT NULL,
	"login" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"region_scope" char(6),
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_causes" ADD CONSTRAINT "enquiry_causes_enquiry_id_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_steps" ADD CONSTRAINT "resolution_steps_enquiry_id_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_steps" ADD CONSTRAINT "resolution_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_scope_regions_code_fk" FOREIGN KEY ("region_scope") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "enquiries_region_status_opened_idx" ON "enquiries" USING btree ("region_code","status","opened_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "enquiries_opened_idx" ON "enquiries" USING btree ("opened_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "enquiries_member_idx" ON "enquiries" USING btree ("member_id","opened_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "enquiries_assignee_status_idx" ON "enquiries" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "enquiries_created_by_idempotency_key" ON "enquiries" USING btree ("created_by","idempotency_key") WHERE "enquiries"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "enquiry_causes_cause_idx" ON "enquiry_causes" USING btree ("cause","enquiry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enquiry_causes_one_primary_key" ON "enquiry_causes" USING btree ("enquiry_id") WHERE "enquiry_causes"."is_primary";--> statement-breakpoint
CREATE INDEX "resolution_steps_enquiry_idx" ON "resolution_steps" USING btree ("enquiry_id","done_at");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_hash_key" ON "members" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "members_phone_last4_idx" ON "members" USING btree ("phone_last4");--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("name");--> statement-breakpoint
CREATE INDEX "members_region_code_idx" ON "members" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "regions_parent_code_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_lower_key" ON "users" USING btree (lower("login"));