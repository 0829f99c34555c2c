// Week one with Parley: the admin makes the widget theirs in the console, watching the real
// widget change before saving; a first-time visitor on the shop sees the brand colour on the
// launcher before any click and the new greeting on opening. Then the admin asks visitors
// what their question is about, the visitor has to answer, and the agent sees the answer
// under its label.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type FrameLocator, type Page } from '@playwright/test';
import { test } from './fixtures';
import { ADMIN, conversationList, signIn } from './inbox-fixtures';
import { Widget } from './widget';

test.use({ parleySetup: { departments: [], widgetSettings: { title: 'Acme support' } } });

const TEAL = '#0f766e';
const TEAL_RGB = 'rgb(15, 118, 110)';
const GREETING = 'Welcome to Acme! Ask us anything about boots and tents.';

/** The launcher's background, read in the frame where the launcher first enters the page. */
const FIRST_PAINT = `
  window.__launcherColors = [];
  new MutationObserver((records, observer) => {
    const chat = document.querySelector('parley-chat');
    const launcher = chat && chat.shadowRoot && chat.shadowRoot.querySelector('button');
    if (!launcher) return;
    window.__launcherColors.push(getComputedStyle(launcher).backgroundColor);
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

async function freshVisitor(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(FIRST_PAINT);
  await page.goto(url);
  return page;
}

const launcherColor = (frame: FrameLocator | Page) =>
  frame
    .locator('parley-chat')
    .getByRole('button', { name: /chat/i, includeHidden: true })
    .first()
    .evaluate((button) => getComputedStyle(button).backgroundColor);

async function seriousViolations(page: Page): Promise<string[]> {
  // The page's own content; the frame is the widget, checked by the widget's own specs.
  const results = await new AxeBuilder({ page })
    .include('main')
    .exclude('iframe')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
}

test('the admin brands the widget and adds a question; visitors and agents see it', async ({
  page,
  browser,
  parley,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const preview = page.frameLocator('iframe[title="Widget preview"]');

  await test.step('the admin opens the Widget page and sees the real widget in the preview', async () => {
    await signIn(page, parley.url, ADMIN.email, ADMIN.password);
    await page.goto(`${parley.url}/admin/widget`);
    await expect(page.getByRole('heading', { name: 'Widget', level: 1 })).toBeVisible();
    await expect(
      preview.getByRole('dialog').getByRole('heading', { name: 'Acme support' }),
    ).toBeVisible();
  });

  await test.step('colour and greeting change in the preview before anything is saved', async () => {
    await page.getByLabel('Colour', { exact: true }).fill(TEAL);
    await page.getByLabel('Greeting').fill(GREETING);
    await page.getByLabel('Team name').fill('The Acme trail crew');
    await expect.poll(() => launcherColor(preview)).toBe(TEAL_RGB);
    await expect(preview.getByRole('dialog').getByText(GREETING)).toBeVisible();
    // In the header, and signing the greeting.
    const dialog = preview.getByRole('dialog');
    await expect(dialog.locator('header').getByText('The Acme trail crew')).toBeVisible();
    await expect(dialog.locator('.message', { hasText: GREETING })).toContainText(
      'The Acme trail crew',
    );

    const live = await (await fetch(`${parley.url}/api/v1/widget/config`)).json();
    expect(live.color).not.toBe(TEAL);
    expect(live.greeting).not.toBe(GREETING);
  });

  await test.step('saving makes it the widget every visitor gets', async () => {
    await page.getByRole('button', { name: 'Save widget' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    const live = await (await fetch(`${parley.url}/api/v1/widget/config`)).json();
    expect(live).toMatchObject({
      color: TEAL,
      greeting: GREETING,
      teamName: 'The Acme trail crew',
    });
  });

  await test.step('the embed code names this server, and copies', async () => {
    await expect(page.getByTestId('embed-code')).toContainText(
      `<script async src="${parley.url}/widget.js"></script>`,
    );
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      `${parley.url}/widget.js`,
    );
  });

  await test.step('a first-time visitor sees the colour before any click, the greeting on opening', async () => {
    const visitor = await freshVisitor(browser, parley.site.url);
    const widget = new Widget(visitor);
    await expect(widget.launcher).toBeVisible();
    expect(
      await visitor.evaluate(
        () => (window as never as { __launcherColors: string[] }).__launcherColors,
      ),
    ).toEqual([TEAL_RGB]);
    await widget.open();
    await expect(widget.panel.getByText(GREETING)).toBeVisible();
    await visitor.context().close();
  });

  await test.step('the admin adds a required choice to the pre-chat form', async () => {
    await page.goto(`${parley.url}/admin/pre-chat`);
    await page.getByRole('button', { name: 'Add field' }).click();
    const field = page.getByRole('listitem', { name: 'Field 1' });
    await field.getByLabel('Label').fill('What is it about?');
    const question = page.getByRole('listitem', { name: 'What is it about?' });
    await expect(question.getByLabel('Id')).toHaveValue('what_is_it_about');
    await question.getByLabel('Type').selectOption({ label: 'Choice (select)' });
    await question.getByLabel('Options').fill('Billing\nBoots\nTents');
    await question.getByLabel('Required').check();
    const formPreview = page.frameLocator('iframe[title="Pre-chat form preview"]');
    await expect(formPreview.getByRole('combobox', { name: 'What is it about? *' })).toBeVisible();
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  });

  await test.step('a visitor has to answer it before chatting', async () => {
    const visitor = await freshVisitor(browser, parley.site.url);
    const widget = new Widget(visitor);
    await widget.open();
    await widget.panel.getByRole('button', { name: 'Start chat' }).click();
    await expect(widget.panel.getByText('This field is required')).toBeVisible();
    await widget.panel.getByRole('combobox', { name: 'What is it about? *' }).selectOption('Boots');
    await widget.panel.getByRole('button', { name: 'Start chat' }).click();
    await widget.send('My boots squeak');
    await widget.conversationId();
    await visitor.context().close();
  });

  await test.step('the agent sees the answer under its label', async () => {
    await page.goto(`${parley.url}/inbox`);
    await conversationList(page)
      .getByRole('button', { name: /My boots squeak/ })
      .click();
    const panel = page.getByRole('region', { name: 'Customer' });
    await expect(panel.getByRole('definition').filter({ hasText: 'Boots' })).toBeVisible();
    await expect(panel.getByRole('term').filter({ hasText: 'What is it about?' })).toBeVisible();
    await expect(panel).not.toContainText('what_is_it_about');
  });
});

test('the Widget and Pre-chat pages have no serious accessibility problems', async ({
  page,
  parley,
}) => {
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);
  for (const path of ['/admin/widget', '/admin/pre-chat']) {
    await page.goto(`${parley.url}${path}`);
    await expect(page.locator('iframe')).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
