// Playwright fixtures for the widget specs: a real Parley server on its own throwaway
// database (seeded with the departments and widget settings a spec asks for), a customer's
// site on another origin that embeds the widget, and the admin API an agent would use.
import { test as base, expect } from '@playwright/test';
import postgres from 'postgres';
import type { TestDatabase } from '../test/database';
import { startServer, TEST_ADMIN, TEST_SERVICE_TOKEN } from '../test/server';
import { type HostSite, startHostSite } from './host-site';
import { Widget } from './widget';

/** The admin the server creates at boot; agent replies are sent in their name. */
export const AGENT_EMAIL = TEST_ADMIN.email;

export interface DepartmentSeed {
  name: string;
  description?: string;
  icon?: string;
  sortOrder?: number;
}

export interface ParleySetup {
  departments: DepartmentSeed[];
  /** Merged over the defaults under the `widget` settings key. */
  widgetSettings: Record<string, unknown>;
  /** The pre-chat form, stored under the `preChatFields` settings key. */
  preChatFields?: Record<string, unknown>[];
}

export interface Parley {
  url: string;
  site: HostSite;
  departments: Map<string, string>;
  /** Stops the server process: every socket really drops. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  agentReply(conversationId: string, text: string): Promise<void>;
  closeConversation(conversationId: string): Promise<void>;
  conversation(conversationId: string): Promise<AdminConversation>;
}

export interface AdminConversation {
  conversation: {
    id: string;
    status: string;
    name: string | null;
    departmentId: string | null;
    fields: Record<string, unknown>;
  };
  messages: { seq: number; author: string; text: string; clientId?: string }[];
}

async function seed(database: TestDatabase, setup: ParleySetup): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!database.url) {
    if (
      setup.departments.length ||
      Object.keys(setup.widgetSettings).length ||
      setup.preChatFields?.length
    ) {
      throw new Error('Seeding departments and settings needs PostgreSQL (TEST_DATABASE_URL)');
    }
    return ids;
  }
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    for (const [index, department] of setup.departments.entries()) {
      const [row] = await sql<{ id: string }[]>`
        insert into departments (name, description, icon, sort_order)
        values (${department.name}, ${department.description ?? null}, ${department.icon ?? null},
                ${department.sortOrder ?? index})
        returning id`;
      ids.set(department.name, row!.id);
    }
    if (Object.keys(setup.widgetSettings).length) {
      await sql`
        insert into settings (key, value) values ('widget', ${sql.json(setup.widgetSettings as postgres.JSONValue)})
        on conflict (key) do update set value = excluded.value`;
    }
    if (setup.preChatFields?.length) {
      const value = { fields: setup.preChatFields } as postgres.JSONValue;
      await sql`
        insert into settings (key, value) values ('preChatFields', ${sql.json(value)})
        on conflict (key) do update set value = excluded.value`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return ids;
}

export const test = base.extend<{ widget: Widget }, { parleySetup: ParleySetup; parley: Parley }>({
  parleySetup: [
    { departments: [], widgetSettings: {} },
    { scope: 'worker', option: true },
  ],

  parley: [
    async ({ parleySetup }, use) => {
      // Its own database, migrated at boot; every origin may embed the widget.
      const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
      const departments = await seed(server.database, parleySetup);
      const site = await startHostSite(server.url);

      const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${server.url}/api/v1/admin${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${TEST_SERVICE_TOKEN}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
        return JSON.parse(text) as T;
      };

      await use({
        url: server.url,
        site,
        departments,
        stop: async () => {
          await server.stop();
        },
        start: () => server.restart(),
        admin,
        agentReply: async (id, text) => {
          await admin('POST', `/conversations/${id}/messages`, { text, agentEmail: AGENT_EMAIL });
        },
        closeConversation: async (id) => {
          await admin('POST', `/conversations/${id}/close`);
        },
        conversation: (id) => admin<AdminConversation>('GET', `/conversations/${id}`),
      });

      await site.close();
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],

  widget: async ({ page, parley }, use) => {
    await page.goto(parley.site.url);
    const widget = new Widget(page);
    await expect(widget.launcher).toBeVisible();
    await use(widget);
  },
});

export { expect };
