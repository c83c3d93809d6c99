ALTER TABLE "enquiry_monthly" DROP CONSTRAINT "enquiry_monthly_key";--> statement-breakpoint
DROP INDEX "enquiry_cause_monthly_region_month_idx";--> statement-breakpoint
DROP INDEX "enquiry_monthly_region_month_idx";--> statement-breakpoint
ALTER TABLE "enquiry_cause_monthly" DROP CONSTRAINT "enquiry_cause_monthly_pkey";--> statement-breakpoint
ALTER TABLE "enquiry_cause_monthly" ALTER COLUMN "symptom" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry_cause_monthly" ALTER COLUMN "channel" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry_monthly" ALTER COLUMN "symptom" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry_monthly" ALTER COLUMN "channel" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry_cause_monthly" ADD CONSTRAINT "enquiry_cause_monthly_key" UNIQUE NULLS NOT DISTINCT("symptom","channel","month","region_code","cause");--> statement-breakpoint
ALTER TABLE "enquiry_monthly" ADD CONSTRAINT "enquiry_monthly_key" UNIQUE NULLS NOT DISTINCT("symptom","channel","month","region_code","primary_cause");