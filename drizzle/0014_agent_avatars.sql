CREATE TABLE "agent_avatars" (
	"hash" text PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "avatar_hash" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "shown_in_widget" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_avatars" ADD CONSTRAINT "agent_avatars_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_avatars_agent_idx" ON "agent_avatars" USING btree ("agent_id");