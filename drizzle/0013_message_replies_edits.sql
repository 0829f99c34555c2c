ALTER TABLE "telegram_outbox" DROP CONSTRAINT "telegram_outbox_kind_check";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reply_to_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_outbox" ADD COLUMN "message_id" uuid;--> statement-breakpoint
ALTER TABLE "telegram_outbox" ADD COLUMN "reply_to_message_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_reply_to_id_messages_id_fk" FOREIGN KEY ("reply_to_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_reply_to_idx" ON "messages" USING btree ("reply_to_id") WHERE "messages"."reply_to_id" is not null;--> statement-breakpoint
CREATE INDEX "messages_telegram_copy_idx" ON "messages" USING btree ("conversation_id","telegram_message_id") WHERE "messages"."telegram_message_id" is not null;--> statement-breakpoint
CREATE INDEX "telegram_outbox_merged_idx" ON "telegram_outbox" USING btree ("merged_into") WHERE "telegram_outbox"."merged_into" is not null;--> statement-breakpoint
CREATE INDEX "telegram_outbox_message_idx" ON "telegram_outbox" USING btree ("message_id") WHERE "telegram_outbox"."kind" = 'post' and "telegram_outbox"."message_id" is not null;--> statement-breakpoint
ALTER TABLE "telegram_outbox" ADD CONSTRAINT "telegram_outbox_kind_check" CHECK ("telegram_outbox"."kind" in ('post', 'sync_topic', 'delete_topic', 'edit_post', 'delete_post'));