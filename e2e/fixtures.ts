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
  /** The server's PostgreSQL database; unset on embedded PGlite. */
  databaseUrl?: string;
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
  messages: {
    seq: number;
    author: string;
    text: string;
    clientId?: string;
    attachments: { id: string; name: string; type: string; size: number }[];
  }[];
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

/**
 * Snapshots the settings table; the function returned puts it back and announces every key,
 * as a change through the admin API would. One spec's thresholds never leak into the next.
 */
async function keepSettings(databaseUrl: string): Promise<() => Promise<void>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const before = await sql<{ key: string; value: postgres.JSONValue }[]>`
    select key, value from settings`;
  return async () => {
    try {
      await sql.begin(async (tx) => {
        const changed = await tx<{ key: string }[]>`delete from settings returning key`;
        for (const row of before) {
          await tx`insert into settings (key, value) values (${row.key}, ${tx.json(row.value)})`;
        }
        const keys = new Set([...changed.map((row) => row.key), ...before.map((row) => row.key)]);
        for (const key of keys) await tx`select pg_notify('parley_settings', ${key})`;
      });
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
}

export const test = base.extend<
  { widget: Widget; settingsKept: undefined },
  { parleySetup: ParleySetup; parley: Parley }
>({
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
        databaseUrl: server.database.url,
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

  settingsKept: [
    async ({ parley }, use) => {
      const restore = parley.databaseUrl ? await keepSettings(parley.databaseUrl) : undefined;
      await use(undefined);
      await restore?.();
    },
    { auto: true },
  ],

  widget: async ({ page, parley }, use) => {
    await page.goto(parley.site.url);
    const widget = new Widget(page);
    await expect(widget.launcher).toBeVisible();
    await use(widget);
  },
});

export { expect };
