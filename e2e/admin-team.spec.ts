// Week one with a new teammate: the admin invites Nora from the console and copies the link,
// Nora opens it in her own browser, chooses a password and lands in the inbox. The admin
// sees her active, makes her an admin, and deletes Gil, who left: his open conversation goes
// back to the unclaimed queue with his reply still in the history, and his inbox is closed.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CustomerClient } from '../test/customer-client';
import { expect, test } from './fixtures';
import { ADMIN, addAgent, agentPage, conversationList, signIn } from './inbox-fixtures';

test.use({
  parleySetup: { departments: [{ name: 'Sales' }, { name: 'Support' }], widgetSettings: {} },
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
}

test('the admin invites, promotes and removes agents from the Team screen', async ({
  page,
  browser,
  parley,
}) => {
  const base = parley.url;
  const agents = page.getByRole('region', { name: 'Agents' });
  const row = (name: string) => agents.getByRole('row', { name });

  // Gil has been answering a customer this morning.
  const gilEmail = await addAgent(base, 'Gil');
  const customer = await CustomerClient.start(base, { name: 'Rita' });
  await customer.connect();
  await customer.send('Where is my parcel?');
  const conversationId = customer.conversationId;
  await parley.admin('POST', `/conversations/${conversationId}/claim`, { agentEmail: gilEmail });
  await parley.admin('POST', `/conversations/${conversationId}/messages`, {
    text: 'Let me check with the courier.',
    agentEmail: gilEmail,
  });
  const gil = await agentPage(browser, base, gilEmail);

  await test.step('the admin opens Team in the console; it passes axe in light and dark', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Team' })
      .click();
    await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
    await expect(row('Gil')).toContainText('Active');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  let link = '';
  const noraEmail = `nora-${Date.now()}@example.com`;
  await test.step('the admin invites Nora to Support and copies the one-time link', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const form = page.getByRole('form', { name: 'Add an agent' });
    await form.getByLabel('Name').fill('Nora');
    await form.getByLabel('Email').fill(noraEmail);
    await form.getByLabel('Support').check();
    await form.getByRole('button', { name: 'Invite agent' }).click();

    const panel = page.getByRole('region', { name: 'Link for Nora' });
    await expect(panel).toContainText('It works once');
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${base}/invite/[\\w-]{20,}$`));
    await expect(panel.getByRole('textbox', { name: 'One-time link for Nora' })).toHaveValue(link);
    await expect(row('Nora')).toContainText('Invited — pending');
    await expect(row('Nora')).toContainText('Support');

    // Later the same day the admin can copy the very same link again.
    await panel.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await row('Nora').getByRole('button', { name: 'Show link for Nora' }).click();
    await expect(
      page.getByRole('region', { name: 'Link for Nora' }).getByRole('textbox'),
    ).toHaveValue(link);
  });

  await test.step('Nora opens the link in her own browser, sets a password and sees the inbox', async () => {
    const context = await browser.newContext();
    const nora = await context.newPage();
    await nora.goto(link);
    await expect(nora.getByRole('heading', { name: 'Welcome, Nora' })).toBeVisible();
    await nora.getByLabel('New password').fill('noras own long password');
    await nora.getByRole('button', { name: 'Save and sign in' }).click();
    await expect(nora).toHaveURL(/\/inbox/);
    await expect(nora.getByText('Live', { exact: true })).toBeVisible();

    // The link worked once.
    const again = await browser.newContext();
    const stranger = await again.newPage();
    await stranger.goto(link);
    await expect(stranger.getByText(/This link is not valid any more/)).toBeVisible();
    await again.close();
    await context.close();
  });

  await test.step('the admin sees Nora active and makes her an admin', async () => {
    await page.reload();
    await expect(row('Nora')).toContainText('Active');
    await row('Nora').getByRole('combobox', { name: 'Role of Nora' }).selectOption('admin');
    await page.reload();
    await expect(row('Nora').getByRole('combobox', { name: 'Role of Nora' })).toHaveValue('admin');
  });

  await test.step('the admin deletes Gil after confirming; his conversation is unclaimed again', async () => {
    await row('Gil').getByRole('button', { name: 'Delete Gil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Gil?' });
    await expect(dialog).toContainText('back to the unclaimed queue');
    await dialog.getByRole('button', { name: 'Delete agent' }).click();
    await expect(agents).toContainText(
      'Gil was deleted. 1 open conversation went back to the unclaimed queue.',
    );
    await expect(row('Gil')).toHaveCount(0);

    // Gil's open inbox is closed by the server at once.
    await expect(gil).toHaveURL(`${base}/login`);

    const { conversation, messages } = await parley.conversation(conversationId);
    expect(conversation.status).toBe('open_unclaimed');
    expect(messages.map((m) => m.text)).toContain('Let me check with the courier.');

    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('tab', { name: /Unclaimed/ }).click();
    await expect(conversationList(page).getByRole('button', { name: /Rita/ })).toBeVisible();
  });

  await test.step('on a phone the team is a list of cards with every action at hand', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin/team`);
    const card = page.getByRole('listitem', { name: 'Nora' });
    await expect(card).toContainText('Active');
    await expect(card.getByRole('button', { name: 'Delete Nora' })).toBeVisible();
    const main = page.getByRole('main');
    expect(await main.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  customer.close();
  await gil.context().close();
});
