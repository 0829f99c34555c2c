// Week one with departments: the admin sets up Sales and Billing in the console (members,
// greeting, their own Telegram group, the order visitors see), a visitor on the shop's site
// picks Sales in the widget, and the conversation arrives in the inbox under Sales, where
// the department filter finds it. Deactivating and deleting work from the console too.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, addAgent, conversationList, signIn } from './inbox-fixtures';
import { Widget } from './widget';

// Settings of its own make this spec's server distinct from the other specs' servers.
test.use({ parleySetup: { departments: [], widgetSettings: { title: 'Acme help' } } });

async function seriousViolations(page: Page): Promise<string[]> {
  // The console's own content; the shared top bar is checked by its own specs.
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

test('the admin creates departments, a visitor picks one, the inbox files it there', async ({
  page,
  browser,
  parley,
}) => {
  const base = parley.url;
  await addAgent(base, 'Ben');
  const departments = page.getByRole('list', { name: 'Departments in order' });
  const row = (name: string) => departments.getByRole('listitem', { name, exact: true });

  await test.step('the admin opens Departments in the console: none yet', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/departments`);
    await expect(page.getByRole('heading', { name: 'Departments', level: 1 })).toBeVisible();
    await expect(page.getByText('No departments yet')).toBeVisible();
  });

  await test.step('she creates Sales, with Ben as its member and a greeting', async () => {
    await page.getByRole('button', { name: 'New department' }).click();
    const form = page.getByRole('form', { name: 'New department' });
    await form.getByLabel('Name').fill('Sales');
    await form.getByLabel('Icon').fill('🛒');
    await form.getByLabel('Description').fill('Orders and quotes');
    await form.getByLabel('Colour').fill('#16a34a');
    await form.getByLabel('Greeting').fill('Hi! Sales here — what are you looking for?');
    await form.getByRole('checkbox', { name: 'Ben' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create department' }).click();
    await expect(form).toBeHidden();
    await expect(row('Sales')).toContainText('Orders and quotes');
    await expect(row('Sales')).toContainText('Ben');
  });

  await test.step('she creates Billing with its own Telegram group, and checks it', async () => {
    await page.getByRole('button', { name: 'New department' }).click();
    const form = page.getByRole('form', { name: 'New department' });
    await form.getByLabel('Name').fill('Billing');
    await form.getByLabel('Description').fill('Invoices and refunds');
    await form.getByLabel('Supergroup id').fill('12345');
    await form.getByRole('button', { name: 'Create department' }).click();
    await expect(form.getByText('negative number')).toBeVisible();
    await form.getByLabel('Supergroup id').fill('-1001234567891');
    await form.getByRole('button', { name: 'Create department' }).click();
    await expect(row('Billing')).toContainText('own group -1001234567891');

    await page.getByRole('button', { name: 'Edit Billing' }).click();
    const edit = page.getByRole('form', { name: 'Edit Billing' });
    await edit.getByRole('button', { name: 'Check' }).click();
    // This server runs without Telegram, and says so instead of failing.
    await expect(edit.getByRole('status')).toContainText('Telegram is off');
    await expect(edit.getByRole('status')).toContainText('Fix:');
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('she moves Billing up: visitors will see it first', async () => {
    await page.getByRole('button', { name: 'Move Billing up' }).click();
    await expect(departments.getByRole('heading', { level: 3 })).toHaveText(['Billing', 'Sales']);
    await page.reload();
    await expect(departments.getByRole('heading', { level: 3 })).toHaveText(['Billing', 'Sales']);
  });

  await test.step('the id for data-department is shown and copied', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const salesId = parleyIdOf(await row('Sales').locator('code').textContent());
    await row('Sales').getByRole('button', { name: 'Copy id' }).click();
    await expect(row('Sales').getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(salesId);
  });

  await test.step('the console passes axe in light and dark', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  let conversationId = '';
  await test.step('a visitor on the shop picks Sales in the widget and writes', async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(parley.site.url);
    const widget = new Widget(visitor);
    await widget.open();
    const choices = widget.panel.getByRole('list').first().getByRole('button');
    await expect(choices).toHaveCount(2);
    await expect(choices.nth(0)).toContainText('Billing');
    await expect(choices.nth(1)).toContainText('Sales');
    await widget.panel.getByRole('button', { name: /Sales/ }).click();
    await expect(widget.message('Hi! Sales here — what are you looking for?')).toBeVisible();
    await expect(widget.message('Hi! How can we help you today?')).toHaveCount(0);
    await widget.send('Do you ship to Norway?');
    await expect(widget.message('Do you ship to Norway?')).toBeVisible();
    conversationId = await widget.conversationId();
    const { conversation } = await parley.conversation(conversationId);
    const salesId = parleyIdOf(await row('Sales').locator('code').textContent());
    expect(conversation.departmentId).toBe(salesId);
    await visitor.context().close();
  });

  await test.step('the conversation is in the inbox under Sales; the filter finds it', async () => {
    await page.goto(`${base}/inbox`);
    const item = conversationList(page).getByRole('button', { name: /Do you ship to Norway/ });
    await expect(item).toBeVisible();
    await item.click();
    await expect(page.getByRole('region', { name: 'Customer' })).toContainText('Sales');

    const filter = page.getByRole('combobox', { name: 'Department' });
    await expect(filter.getByRole('option')).toHaveText(['All departments', 'Billing', 'Sales']);
    await filter.selectOption({ label: 'Billing' });
    await expect(conversationList(page)).toContainText('Nothing here');
    await filter.selectOption({ label: 'Sales' });
    await expect(conversationList(page).getByRole('button', { name: /Norway/ })).toBeVisible();
  });

  await test.step('Billing is deactivated: gone from the widget, still in the filter', async () => {
    await page.goto(`${base}/admin/departments`);
    await page.getByRole('button', { name: 'Deactivate Billing' }).click();
    await expect(row('Billing')).toContainText('Inactive');
    const config = await (await fetch(`${base}/api/v1/widget/config`)).json();
    expect(config.departments.map((d: { name: string }) => d.name)).toEqual(['Sales']);
    expect(config.departments[0].greeting).toBe('Hi! Sales here — what are you looking for?');

    await page.goto(`${base}/inbox`);
    const filter = page.getByRole('combobox', { name: 'Department' });
    await expect(filter.getByRole('option')).toHaveText([
      'All departments',
      'Sales',
      'Billing (inactive)',
    ]);
  });

  await test.step('deleting Sales asks first; its conversation stays, without a department', async () => {
    await page.goto(`${base}/admin/departments`);
    await page.getByRole('button', { name: 'Delete Sales' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Sales?' });
    await expect(dialog).toContainText('1 open conversation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row('Sales')).toBeVisible();
    await page.getByRole('button', { name: 'Delete Sales' }).click();
    await page.getByRole('button', { name: 'Delete department' }).click();
    await expect(row('Sales')).toBeHidden();
    await expect(departments.getByRole('heading', { level: 3 })).toHaveText(['Billing']);
    const { conversation } = await parley.conversation(conversationId);
    expect(conversation.departmentId).toBeNull();
  });
});

function parleyIdOf(text: string | null): string {
  const id = text?.trim() ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}
