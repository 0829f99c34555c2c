// The admin side of system-message templates: every template as it is in effect (the
// built-in default where nobody changed it) and upserting one key + locale.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { TEMPLATE_KEYS, type TemplateUpsert } from '../contracts/admin';
import {
  DEFAULT_TEMPLATES,
  type Template,
  templateFromRow,
} from '../conversations/system-messages';
import { db } from '../db/client';
import { messageTemplates } from '../db/schema';

export interface TemplateView extends Template {
  locale: string;
  /** True while the built-in text and flags are in effect. */
  isDefault: boolean;
}

export async function listTemplates(): Promise<TemplateView[]> {
  const rows = await db().select().from(messageTemplates);
  const views: TemplateView[] = [];
  for (const key of TEMPLATE_KEYS) {
    const own = rows.filter((row) => row.key === key);
    if (!own.some((row) => row.locale === '')) {
      views.push({ key, locale: '', ...DEFAULT_TEMPLATES[key], isDefault: true });
    }
    for (const row of own.sort((a, b) => a.locale.localeCompare(b.locale))) {
      views.push({ ...templateFromRow(key, row), locale: row.locale, isDefault: false });
    }
  }
  return views;
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
  await db().transaction(async (tx) => {
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
