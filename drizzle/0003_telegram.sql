CREATE TABLE "telegram_chats" (
	"chat_id" bigint PRIMARY KEY NOT NULL,
	"next_send_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "telegram_link_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telegram_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lane" text NOT NULL,
	"position" bigint NOT NULL,
	"conversation_id" uuid,
	"chat_id" bigint,
	"thread_id" integer,
	"kind" text NOT NULL,
	"text" text,
	"coalescible" boolean DEFAULT false NOT NULL,
	"pin" boolean DEFAULT false NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"merged_into" bigint,
	"sent_message_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "telegram_outbox_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "telegram_outbox_kind_check" CHECK ("telegram_outbox"."kind" in ('post', 'sync_topic', 'delete_topic'))
);
--> statement-breakpoint
CREATE TABLE "telegram_topics" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"title" text,
	"closed" boolean DEFAULT false NOT NULL,
	"header_message_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telegram_link_codes" ADD CONSTRAINT "telegram_link_codes_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_topics" ADD CONSTRAINT "telegram_topics_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telegram_link_codes_agent_idx" ON "telegram_link_codes" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "telegram_outbox_pending_idx" ON "telegram_outbox" USING btree ("lane","position","id") WHERE "telegram_outbox"."status" = 'pending';