CREATE TABLE "customer_presence" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_address" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"through_seq" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_outbox_kind_check" CHECK ("email_outbox"."kind" in ('replies', 'transcript'))
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"address" text PRIMARY KEY NOT NULL,
	"conversation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "customer_email" text;--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_conversation_idx" ON "email_outbox" USING btree ("conversation_id","kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_pending_replies_idx" ON "email_outbox" USING btree ("conversation_id") WHERE "email_outbox"."kind" = 'replies' and "email_outbox"."status" = 'pending';