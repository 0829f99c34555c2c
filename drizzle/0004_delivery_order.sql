DROP INDEX "deliveries_pending_idx";--> statement-breakpoint
CREATE INDEX "deliveries_pending_idx" ON "deliveries" USING btree ("id") WHERE "deliveries"."status" = 'pending';