ALTER TABLE "enquiries" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_name" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_phone_hash" char(64);--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_phone_encrypted" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_phone_masked" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_id_number_hash" char(64);--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_id_number_encrypted" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "caller_id_number_masked" text;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_member_known_unless_dispatched" CHECK ("enquiries"."member_id" is not null or "enquiries"."channel" in ('hotline_12345', 'hotline_12393'));