// The admin side of system-message templates: every template as it is in effect (the
// built-in default where nobody changed it), the built-in defaults themselves, upserting one
// key + locale, and resetting one back to the text it inherits.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import {
  TEMPLATE_KEYS,
  type TemplateKey,
  type TemplateReset,
  type TemplateUpsert,
} from '../contracts/admin';
import {
  DEFAULT_TEMPLATES,
  type Template,
  templateFromRow,
} from '../conversations/system-messages';
import { db } from '../db/client';
import { messageTemplates } from '../db/schema';
import { notFound } from '../errors';
import { writeSettingsTransaction } from './cache';

export interface TemplateView extends Template {
  locale: string;
  /** True while the built-in text and flags are in effect. */
  isDefault: boolean;
}

/** What `GET /api/v1/admin/message-templates` answers. */
export interface TemplateCatalog {
  /** In effect: one row per key for every locale ('' first), stored or built in. */
  templates: TemplateView[];
  /** The built-in text and flags of every key, whatever is stored. */
  defaults: Template[];
  /** Every language tag with at least one stored text of its own, sorted. */
  locales: string[];
}

const builtIn = (key: TemplateKey): TemplateView => ({
  key,
  locale: '',
  ...DEFAULT_TEMPLATES[key],
  isDefault: true,
});

export async function listTemplates(): Promise<TemplateView[]> {
  const rows = await db().select().from(messageTemplates);
  const views: TemplateView[] = [];
  for (const key of TEMPLATE_KEYS) {
    const own = rows.filter((row) => row.key === key);
    if (!own.some((row) => row.locale === '')) {
      views.push(builtIn(key));
    }
    for (const row of own.sort((a, b) => a.locale.localeCompare(b.locale))) {
      views.push({ ...templateFromRow(key, row), locale: row.locale, isDefault: false });
    }
  }
  return views;
}

export async function getTemplateCatalog(): Promise<TemplateCatalog> {
  const templates = await listTemplates();
  const locales = [...new Set(templates.map((t) => t.locale).filter(Boolean))].sort();
  const defaults = TEMPLATE_KEYS.map((key) => ({ key, ...DEFAULT_TEMPLATES[key] }));
  return { templates, defaults, locales };
}

/** Creates or replaces a template; flags left out keep the built-in ones. */
export async function upsertTemplate(input: TemplateUpsert, actor: Actor): Promise<TemplateView> {
  const defaults = DEFAULT_TEMPLATES[input.key];
  const values = {
    key: input.key,
    locale: input.locale,
    text: input.text,
    notice: input.notice ?? defaults.notice,
    persist: input.persist ?? defaults.persist,
    telegram: input.telegram ?? defaults.telegram,
    pin: input.pin ?? defaults.pin,
    rateLimitSeconds: input.rateLimitSeconds ?? defaults.rateLimitSeconds,
  };
  await writeSettingsTransaction(async (tx) => {
    await tx
      .insert(messageTemplates)
      .values(values)
      .onConflictDoUpdate({
        target: [messageTemplates.key, messageTemplates.locale],
        set: { ...values, updatedAt: new Date() },
      });
    await writeAudit(tx, actor, 'message_template.updated', null, {
      key: input.key,
      locale: input.locale,
    });
  });
  return { ...values, isDefault: false };
}

/** The locales a text for `locale` falls back through: exact, language, then ''. */
const fallbackChain = (locale: string) =>
  locale ? [...new Set([locale, locale.split('-')[0]!, ''])] : [''];

/**
 * Removes the stored text of one key + locale, so it inherits again (the language's text, the
 * '' text, then the built-in default). Returns what now applies there, with the locale it
 * comes from.
 */
export async function resetTemplate(input: TemplateReset, actor: Actor): Promise<TemplateView> {
  return writeSettingsTransaction(async (tx) => {
    const removed = await tx
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.key, input.key), eq(messageTemplates.locale, input.locale)))
      .returning({ key: messageTemplates.key });
    if (removed.length === 0) {
      throw notFound(`A stored text for ${input.key} (${input.locale || 'default'})`);
    }
    await writeAudit(tx, actor, 'template.reset', null, {
      key: input.key,
      locale: input.locale,
    });
    const chain = fallbackChain(input.locale);
    const rows = await tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.key, input.key), inArray(messageTemplates.locale, chain)));
    const inherited = chain.map((l) => rows.find((r) => r.locale === l)).find(Boolean);
    return inherited
      ? { ...templateFromRow(input.key, inherited), locale: inherited.locale, isDefault: false }
      : builtIn(input.key);
  });
}
