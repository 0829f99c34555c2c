// Week one for a new team's admin: the welcome text is rewritten in System messages, kept in
// the transcript, and the next visitor gets it; working hours close the team for now with a
// new offline text, and the next visitor sees the team away and gets that text; the first
// reminder is set in minutes and stored as seconds; a reset brings the built-in text back.
// axe-core checks each screen.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, type Parley, test } from './fixtures';
import { ADMIN, signIn } from './inbox-fixtures';
import { Widget } from './widget';

const WELCOME = 'Welcome to Acme! Tell us what you need and a human will answer.';
const OFFLINE = 'We are out on the trail until tomorrow morning. Leave us a note!';
const BUILT_IN_WELCOME = 'Hi there! Ask us anything, we usually reply within a few minutes.';

/** A visitor who has never been to the site, in a browser profile of their own. */
async function freshVisitor(browser: Browser, parley: Parley) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(parley.site.url);
  const widget = new Widget(page);
  await expect(widget.launcher).toBeVisible();
  await widget.open();
  return { widget, close: () => context.close() };
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(serious).toEqual([]);
}

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

test('an admin words the system messages, sets working hours and tunes automation', async ({
  page,
  browser,
  parley,
}) => {
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);

  await test.step('the admin rewrites the welcome message in System messages', async () => {
    await page.goto(`${parley.url}/admin/system-messages`);
    await expect(page.getByRole('heading', { name: 'System messages', level: 1 })).toBeVisible();
    const row = page.getByRole('form', { name: 'Welcome message, Default' });
    await expect(row.getByText('Built-in text')).toBeVisible();
    await row.getByLabel('Text').fill(WELCOME);
    // Kept in the transcript too: the banner alone gives way to "an agent will be with you
    // shortly" as soon as the visitor writes.
    await row.getByLabel('Bubble in the transcript').check();
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(row.getByRole('status')).toHaveText('Saved');
    await expect(row.getByText('Changed here')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  await test.step('a fresh visitor is greeted with the new text, the team shown online', async () => {
    const visitor = await freshVisitor(browser, parley);
    await expect(visitor.widget.panel.locator('.presence')).not.toContainText('Away');
    await visitor.widget.send('Do you ship to Norway?');
    await expect(visitor.widget.message(WELCOME)).toBeVisible();
    await visitor.close();
  });

  await test.step('the admin closes today in Working hours and rewrites the offline text', async () => {
    await page.getByRole('link', { name: 'Working hours' }).click();
    await expect(page.getByRole('status', { name: 'Right now' })).toContainText('Right now: open');
    await page.getByLabel('Use working hours').check();
    await page.getByLabel('Time zone').selectOption('UTC');
    const today = WEEKDAY_NAMES[new Date().getUTCDay()]!;
    const removeToday = page.getByRole('button', {
      name: new RegExp(`^Remove ${today}( \\d)? hours$`),
    });
    while ((await removeToday.count()) > 0) await removeToday.first().click();
    await expect(page.getByRole('group', { name: today, exact: true })).toContainText('Closed');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await expect(page.getByRole('status', { name: 'Right now' })).toContainText(
      'Right now: closed',
    );

    await page.getByLabel('Offline message').fill(OFFLINE);
    await page.getByRole('button', { name: 'Save offline message' }).click();
    await expect(
      page.getByRole('region', { name: 'What the widget shows when offline' }).getByText('Saved'),
    ).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  await test.step('a fresh visitor sees the team away and gets the offline text', async () => {
    const visitor = await freshVisitor(browser, parley);
    await expect(visitor.widget.panel.locator('.presence')).toContainText('Away');
    await visitor.widget.send('Is anyone there?');
    await expect(visitor.widget.panel.getByText(OFFLINE)).toBeVisible();
    await visitor.close();
  });

  await test.step('the admin sets the first reminder to 2 minutes in Automation', async () => {
    await page.getByRole('link', { name: 'Automation' }).click();
    const summary = page.getByRole('region', { name: 'In effect now' });
    await expect(summary).toContainText('Agents are reminded after 5 minutes');
    const first = page.getByRole('group', { name: 'First reminder' });
    await first.getByLabel('Amount').fill('2');
    await first.getByLabel('Unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(summary).toContainText('Agents are reminded after 2 minutes');
    const { settings } = await parley.admin<{
      settings: { automation: { firstReminderSeconds: number } };
    }>('GET', '/settings');
    expect(settings.automation.firstReminderSeconds).toBe(120);
  });

  await test.step('a value the API refuses is explained next to its field', async () => {
    const sweep = page.getByRole('group', { name: 'Check every' });
    await sweep.getByLabel('Unit').selectOption('minutes');
    await sweep.getByLabel('Amount').fill('90');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(sweep).toContainText('3600');
    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'Not saved: see “Check every” above.',
    );
    await sweep.getByLabel('Amount').fill('30');
    await sweep.getByLabel('Unit').selectOption('seconds');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('region', { name: 'In effect now' })).toContainText(
      'Each server checks every 30 seconds',
    );
    await expectNoSeriousViolations(page);
  });

  await test.step('resetting the welcome message restores the built-in text', async () => {
    await page.getByRole('link', { name: 'System messages' }).click();
    const row = page.getByRole('form', { name: 'Welcome message, Default' });
    await row.getByRole('button', { name: 'Reset to default' }).click();
    await expect(row.getByLabel('Text')).toHaveValue(BUILT_IN_WELCOME);
    await expect(row.getByText('Built-in text')).toBeVisible();
    const { templates } = await parley.admin<{
      templates: { key: string; locale: string; text: string; isDefault: boolean }[];
    }>('GET', '/message-templates');
    expect(templates.find((t) => t.key === 'welcome_message' && t.locale === '')).toMatchObject({
      text: BUILT_IN_WELCOME,
      isDefault: true,
    });
  });
});
