// Settings kept in the database (key → jsonb), merged over defaults, effective at once.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../db/client';
import { settings } from '../db/schema';
import {
  automationSettingsSchema,
  retentionSettingsSchema,
  workingHoursSettingsSchema,
} from './automation-settings';
import { telegramSettingsSchema } from './telegram-settings';

const preChatFieldSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/),
  label: z.string().min(1).max(100),
  type: z.enum(['text', 'email', 'tel', 'textarea', 'select', 'checkbox']),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export const widgetSettingsSchema = z.strictObject({
  title: z.string().min(1).max(60).default('Chat with us'),
  subtitle: z.string().max(120).default('We reply in a few minutes'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#4f46e5'),
  position: z.enum(['left', 'right']).default('right'),
  greeting: z.string().max(500).default('Hi! How can we help you today?'),
  locale: z.string().max(16).default('en'),
  strings: z.record(z.string(), z.string().max(500)).default({}),
  preChatFields: z.array(preChatFieldSchema).max(20).default([]),
  /** An agent active within this many seconds makes the widget show "online". */
  onlineWindowSeconds: z.number().int().min(10).max(86_400).default(300),
});

export const SETTINGS_SCHEMAS = {
  widget: widgetSettingsSchema,
  automation: automationSettingsSchema,
  workingHours: workingHoursSettingsSchema,
  retention: retentionSettingsSchema,
  telegram: telegramSettingsSchema,
} as const;

export type SettingsKey = keyof typeof SETTINGS_SCHEMAS;
export type Settings<K extends SettingsKey> = z.output<(typeof SETTINGS_SCHEMAS)[K]>;

export async function getSettings<K extends SettingsKey>(
  tx: Queryable,
  key: K,
): Promise<Settings<K>> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, key));
  const parsed = SETTINGS_SCHEMAS[key].safeParse(row?.value ?? {});
  // A stored value that no longer fits the schema falls back to the defaults.
  return (parsed.success ? parsed.data : SETTINGS_SCHEMAS[key].parse({})) as Settings<K>;
}
