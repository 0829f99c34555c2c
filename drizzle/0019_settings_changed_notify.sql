-- Every change to the settings or the message templates, however it is made, tells each
-- instance to empty its in-memory copy (lib/settings/cache.ts): one NOTIFY per statement,
-- delivered when the transaction commits, naming the table.
CREATE OR REPLACE FUNCTION parley_settings_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('parley_settings_cache', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER settings_changed_notify
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
FOR EACH STATEMENT EXECUTE FUNCTION parley_settings_changed();
--> statement-breakpoint
CREATE TRIGGER message_templates_changed_notify
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON message_templates
FOR EACH STATEMENT EXECUTE FUNCTION parley_settings_changed();
