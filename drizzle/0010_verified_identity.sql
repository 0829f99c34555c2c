ALTER TABLE "conversations" ADD COLUMN "identity_sub" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "identity" jsonb;--> statement-breakpoint
CREATE INDEX "conversations_identity_idx" ON "conversations" USING btree ("identity_sub","status");