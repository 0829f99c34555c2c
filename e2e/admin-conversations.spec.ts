// Week one with the Conversations screen: a visitor chats; the admin finds the conversation
// by its text and date, exports it as CSV and JSON, blocks the visitor (whose next start is
// refused), deletes the conversation after confirming, and it is gone from the inbox.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn } from './inbox-fixtures';

// A server of its own (the department makes the worker distinct).
test.use({ parleySetup: { departments: [{ name: 'Shipping' }], widgetSettings: {} } });

const TEXT = 'My parcel, the "blue" one,\nnever arrived';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

/** Starts a conversation from the visitor's page, as the widget does, with its visitor id. */
async function startFromVisitorPage(page: Page, base: string) {
  return page.evaluate(async (url) => {
    const response = await fetch(`${url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId: localStorage.getItem('parley.visitor') }),
    });
    return { status: response.status, body: await response.json() };
  }, base);
}

test('an admin finds, exports, blocks and deletes a visitor’s conversation', async ({
  page,
  browser,
  parley,
  widget,
}) => {
  const base = parley.url;
  let conversationId = '';

  await test.step('a visitor writes in the widget', async () => {
    await widget.open();
    const department = widget.panel.getByRole('button', { name: /Shipping/ });
    if (await department.isVisible()) await department.click();
    await widget.send(TEXT);
    await expect(widget.message('never arrived')).toBeVisible();
    conversationId = await widget.conversationId();
  });

  const context = await browser.newContext({ acceptDownloads: true });
  const admin = await context.newPage();

  await test.step('the admin finds it in the console by text and creation date', async () => {
    await signIn(admin, base, ADMIN.email, ADMIN.password);
    await admin.goto(`${base}/admin/conversations`);
    await expect(admin.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
    const today = new Date().toISOString().slice(0, 10);
    await admin.getByLabel('Created from').fill('2020-01-01');
    await admin.getByLabel('Created until').fill('2020-12-31');
    await expect(admin.getByText('No conversation matches these filters.')).toBeVisible();
    await admin.getByLabel('Created from').fill(today);
    await admin.getByLabel('Created until').fill(today);
    await admin.getByRole('searchbox', { name: 'Search' }).fill('parcel, the "blue"');
    await expect(admin.locator(`tr[data-id="${conversationId}"]`)).toBeVisible();
    await expect(admin.locator('tbody tr')).toHaveCount(1);
    expect(await seriousViolations(admin)).toEqual([]);
  });

  const row = admin.locator(`tr[data-id="${conversationId}"]`);

  await test.step('it exports as CSV, with the message intact', async () => {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      row.getByRole('link', { name: /as CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parley-[a-z0-9-]+\.csv$/);
    const rows = parse(await readFile((await download.path())!), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.find((r) => r.kind === 'customer')).toMatchObject({ text: TEXT });
  });

  await test.step('and as JSON, with its messages and audit trail', async () => {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      row.getByRole('link', { name: /as JSON/ }).click(),
    ]);
    const body = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(body.conversation.id).toBe(conversationId);
    expect(body.messages.map((m: { text: string }) => m.text)).toContain(TEXT);
    expect(body.audit.map((a: { action: string }) => a.action)).toContain('conversation.started');
  });

  await test.step('the admin blocks the visitor; their next start is refused', async () => {
    await row.getByRole('button', { name: /Block visitor of/ }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog).toContainText('cannot start a new conversation');
    await dialog.getByLabel('For').selectOption({ label: 'Until lifted' });
    await dialog.getByLabel('Reason (optional)').fill('Test block');
    await dialog.getByRole('button', { name: 'Block visitor' }).click();
    await expect(dialog).toBeHidden();
    const blocks = admin.getByRole('region', { name: 'Blocked visitors' });
    await expect(blocks).toContainText('Test block');
    await expect(blocks).toContainText('Until lifted');

    const refused = await startFromVisitorPage(page, base);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'blocked' } } });
  });

  await test.step('lifting the block lets the visitor start again', async () => {
    const blocks = admin.getByRole('region', { name: 'Blocked visitors' });
    await blocks.getByRole('button', { name: /Lift the block/ }).click();
    await expect(blocks).toContainText('Nobody is blocked.');
    expect((await startFromVisitorPage(page, base)).status).toBe(201);
  });

  await test.step('the admin deletes the conversation after confirming the count', async () => {
    await row.getByRole('checkbox').check();
    await admin.getByRole('button', { name: 'Delete selected (1)' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Delete 1 conversation?');
    await dialog.getByRole('button', { name: 'Delete 1 conversation' }).click();
    await expect(
      admin.getByRole('status').filter({ hasText: 'Deleted 1 conversation.' }),
    ).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  await test.step('the audit log keeps the deletion and its count', async () => {
    const audit = await context.newPage();
    await audit.goto(`${base}/admin/audit?action=conversations.bulk_deleted`);
    const rows = audit.getByRole('region', { name: 'Audit entries' }).getByRole('row');
    await expect(rows).toHaveCount(2); // the header and one entry
    await expect(rows.nth(1)).toContainText('conversations.bulk_deleted');
    await expect(rows.nth(1)).toContainText('count: 1');
    await audit.close();
  });

  await test.step('the console is readable in dark mode too', async () => {
    await admin.emulateMedia({ colorScheme: 'dark' });
    await admin.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(admin.locator('tbody tr').first()).toBeVisible();
    expect(await seriousViolations(admin)).toEqual([]);
  });

  await test.step('it is gone from the inbox', async () => {
    await admin.goto(`${base}/inbox`);
    await admin.getByRole('tab', { name: /All/ }).click();
    await expect(conversationList(admin)).toBeVisible();
    await expect(conversationList(admin)).not.toContainText('never arrived');
    await admin.goto(`${base}/admin/conversations`);
    await expect(admin.locator(`tr[data-id="${conversationId}"]`)).toHaveCount(0);
  });

  await context.close();
});
