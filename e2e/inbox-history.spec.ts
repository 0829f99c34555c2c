// A 10,000-message thread: the transcript opens at the newest message with only a window
// of it in the page, and scrolling up loads older history until the very first message.

import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { type RunningServer, startServer, TEST_ADMIN } from '../test/server';
import { signIn, transcript } from './inbox-fixtures';

const MESSAGES = 10_000;
let server: RunningServer;
let conversationId: string;

test.beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  test.skip(!server.database.url, 'seeding the long thread needs PostgreSQL');
  const sql = postgres(server.database.url!, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ id: string }[]>`
      insert into conversations (codename, status, customer_name, last_seq, last_activity_at)
      values ('Long Thread #0001', 'open_unclaimed', 'Olga', ${MESSAGES}, now())
      returning id`;
    conversationId = row!.id;
    await sql`
      insert into messages (conversation_id, seq, author, text, created_at)
      select ${conversationId}, g, case when g % 2 = 0 then 'agent' else 'customer' end,
             'History line ' || g, now() - ((${MESSAGES} - g) * interval '1 second')
      from generate_series(1, ${MESSAGES}) g`;
  } finally {
    await sql.end({ timeout: 5 });
  }
});

test.afterAll(async () => {
  await server?.dispose();
});

test('a 10,000-message thread opens at the end and scrolls back to the start', async ({ page }) => {
  await signIn(page, server.url, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.goto(`${server.url}/inbox?c=${conversationId}`);
  const log = transcript(page);
  await expect(log.getByText(`History line ${MESSAGES}`, { exact: true })).toBeVisible();
  // Virtualized: only a window of the thread is in the page.
  expect(await log.getByRole('article').count()).toBeLessThan(80);

  const first = log.getByText('History line 1', { exact: true });
  const started = Date.now();
  while (!(await first.isVisible())) {
    expect(Date.now() - started, 'scrolled back to the first message in time').toBeLessThan(60_000);
    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.waitForTimeout(100);
  }
  expect(await log.getByRole('article').count()).toBeLessThan(80);
});
