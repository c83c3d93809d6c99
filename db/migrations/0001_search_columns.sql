ALTER TABLE "enquiries" ADD COLUMN "search_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "search_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "enquiries_due_idx" ON "enquiries" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "enquiries_search_tokens_idx" ON "enquiries" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "members_search_tokens_idx" ON "members" USING gin ("search_tokens");