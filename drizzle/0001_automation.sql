CREATE TABLE "sweep_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_message_log" (
	"conversation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "system_message_log_conversation_id_key_pk" PRIMARY KEY("conversation_id","key")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "awaiting_claim_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "system_message_log" ADD CONSTRAINT "system_message_log_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_awaiting_claim_idx" ON "conversations" USING btree ("awaiting_claim_since") WHERE "conversations"."status" = 'open_unclaimed';--> statement-breakpoint
CREATE INDEX "conversations_closed_at_idx" ON "conversations" USING btree ("closed_at") WHERE "conversations"."status" = 'closed';