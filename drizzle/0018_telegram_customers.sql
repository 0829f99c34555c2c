CREATE TABLE "telegram_chat_links" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telegram_customer_chats" (
	"chat_id" bigint PRIMARY KEY NOT NULL,
	"department_id" uuid,
	"conversation_id" uuid,
	"blocked_notice_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telegram_outbox" DROP CONSTRAINT "telegram_outbox_kind_check";--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "channel" text DEFAULT 'widget' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "customer_telegram_chat_id" bigint;--> statement-breakpoint
ALTER TABLE "telegram_outbox" ADD COLUMN "reply_markup" jsonb;--> statement-breakpoint
ALTER TABLE "telegram_chat_links" ADD CONSTRAINT "telegram_chat_links_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_customer_chats" ADD CONSTRAINT "telegram_customer_chats_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_customer_chats" ADD CONSTRAINT "telegram_customer_chats_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telegram_chat_links_conversation_idx" ON "telegram_chat_links" USING btree ("conversation_id");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_channel_check" CHECK ("conversations"."channel" in ('widget', 'telegram'));--> statement-breakpoint
ALTER TABLE "telegram_outbox" ADD CONSTRAINT "telegram_outbox_kind_check" CHECK ("telegram_outbox"."kind" in ('post', 'sync_topic', 'delete_topic', 'edit_post', 'delete_post', 'customer_post'));