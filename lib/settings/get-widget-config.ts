// What the widget needs before the visitor writes: look, strings, departments, form, and
// the attachment limits to explain before an upload.
import { and, asc, eq, gt } from 'drizzle-orm';
import { isWithinWorkingHours } from '../automation/working-hours';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../contracts/attachments';
import type { WidgetConfig } from '../contracts/dto';
import { db } from '../db/client';
import { agents, departments } from '../db/schema';
import { env } from '../env';
import { isEmailActive } from '../events/subscribers';
import { getSettings } from './settings';

export async function getWidgetConfig(): Promise<WidgetConfig> {
  const database = db();
  const [widget, form, schedule] = await Promise.all([
    getSettings(database, 'widget'),
    getSettings(database, 'preChatFields'),
    getSettings(database, 'workingHours'),
  ]);
  const since = new Date(Date.now() - widget.onlineWindowSeconds * 1000);
  const [activeDepartments, [onlineAgent]] = await Promise.all([
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
  ]);
  return {
    title: widget.title,
    subtitle: widget.subtitle,
    color: widget.color,
    position: widget.position,
    greeting: widget.greeting,
    locale: widget.locale,
    strings: widget.strings,
    teamName: widget.teamName,
    // Outside working hours the team is away even if someone happens to be signed in.
    online: Boolean(onlineAgent) && isWithinWorkingHours(schedule, new Date()),
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
