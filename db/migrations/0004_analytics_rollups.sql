CREATE TABLE "enquiry_cause_monthly" (
	"month" date NOT NULL,
	"region_code" char(6) NOT NULL,
	"cause" "cause" NOT NULL,
	"symptom" "symptom" NOT NULL,
	"channel" "channel" NOT NULL,
	"tag_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enquiry_cause_monthly_pkey" PRIMARY KEY("month","region_code","cause","symptom","channel")
);
--> statement-breakpoint
CREATE TABLE "enquiry_monthly" (
	"month" date NOT NULL,
	"region_code" char(6) NOT NULL,
	"primary_cause" "cause",
	"symptom" "symptom" NOT NULL,
	"channel" "channel" NOT NULL,
	"enquiries" integer DEFAULT 0 NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"resolved_count" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolve_seconds_sum" bigint DEFAULT 0 NOT NULL,
	"resolve_hist" integer[] DEFAULT array_fill(0, array[16]) NOT NULL,
	"followed_up_count" integer DEFAULT 0 NOT NULL,
	"satisfied_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enquiry_monthly_key" UNIQUE NULLS NOT DISTINCT("month","region_code","primary_cause","symptom","channel")
);
--> statement-breakpoint
CREATE INDEX "enquiry_cause_monthly_region_month_idx" ON "enquiry_cause_monthly" USING btree ("region_code","month");--> statement-breakpoint
CREATE INDEX "enquiry_monthly_region_month_idx" ON "enquiry_monthly" USING btree ("region_code","month");