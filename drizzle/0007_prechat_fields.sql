-- The pre-chat form moved from the `widget` setting to a `preChatFields` key of its own.
INSERT INTO "settings" ("key", "value")
SELECT 'preChatFields', jsonb_build_object('fields', "value"->'preChatFields')
FROM "settings"
WHERE "key" = 'widget' AND jsonb_typeof("value"->'preChatFields') = 'array'
ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
UPDATE "settings" SET "value" = "value" - 'preChatFields' WHERE "key" = 'widget';
