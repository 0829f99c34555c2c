// What the widget needs before the visitor writes: look, strings, the team's faces,
// departments, form, and the attachment limits to explain before an upload.
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { isWithinWorkingHours, nextOpening } from '../automation/working-hours';
import { avatarUrl } from '../avatars/avatar-url';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../contracts/attachments';
import type { WidgetAgent, WidgetConfig } from '../contracts/dto';
import { db, type Queryable } from '../db/client';
import { agents, departments } from '../db/schema';
import { env } from '../env';
import { isEmailActive } from '../events/subscribers';
import { getSettings } from './settings';

/** How many faces the widget gets: a header shows a handful, never the whole team. */
export const WIDGET_AGENTS_LIMIT = 8;

/**
 * Active agents who left "show me in the widget" on, the most recently active first; the
 * names customers see in replies anyway, and photos by their public hash, nothing else.
 */
async function listWidgetAgents(q: Queryable): Promise<WidgetAgent[]> {
  const rows = await q
    .select({ name: agents.name, avatarHash: agents.avatarHash })
    .from(agents)
    .where(and(eq(agents.active, true), eq(agents.shownInWidget, true)))
    .orderBy(desc(sql`${agents.lastSeenAt} is not null`), desc(agents.lastSeenAt), asc(agents.name))
    .limit(WIDGET_AGENTS_LIMIT);
  return rows.map((row) => ({ name: row.name, avatarUrl: avatarUrl(row.avatarHash) }));
}

export async function getWidgetConfig(): Promise<WidgetConfig> {
  const database = db();
  const [widget, form, schedule] = await Promise.all([
    getSettings(database, 'widget'),
    getSettings(database, 'preChatFields'),
    getSettings(database, 'workingHours'),
  ]);
  const now = new Date();
  const since = new Date(now.getTime() - widget.onlineWindowSeconds * 1000);
  const [activeDepartments, [onlineAgent], faces] = await Promise.all([
    database
      .select()
      .from(departments)
      .where(eq(departments.active, true))
      .orderBy(asc(departments.sortOrder), asc(departments.name)),
    database
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.active, true), gt(agents.lastSeenAt, since)))
      .limit(1),
    listWidgetAgents(database),
  ]);
  return {
    title: widget.title,
    subtitle: widget.subtitle,
    color: widget.color,
    position: widget.position,
    greeting: widget.greeting,
    locale: widget.locale,
    strings: widget.strings,
    teamName: widget.teamName || widget.title,
    agents: faces,
    // Outside working hours the team is away even if someone happens to be signed in.
    online: Boolean(onlineAgent) && isWithinWorkingHours(schedule, now),
    nextOpenAt: nextOpening(schedule, now)?.toISOString() ?? null,
    departments: activeDepartments.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      icon: d.icon,
      color: d.color,
      greeting: d.greeting,
    })),
    preChatFields: form.fields.map((f) => ({
      id: f.id,
      label: f.label,
      type: f.type,
      required: f.required,
      ...(f.options ? { options: f.options } : {}),
    })),
    attachments: { maxBytes: env().attachments.maxBytes, maxFiles: MAX_ATTACHMENTS_PER_MESSAGE },
    email: isEmailActive(),
  };
}
