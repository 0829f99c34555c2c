// Week one: the admin connects Telegram from the console while Parley runs. They paste the
// bot's token and see the bot, add it to the team's group and say /start there, the group
// is detected, its problems are fixed one by one, a test topic comes and goes, and after
// "Save" a visitor's first widget message opens a topic in the group — no restart.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type RunningServer, startServer } from '../test/server';
import { FAKE_TOKEN, FakeTelegram } from './fake-telegram/fake-telegram';
import { type HostSite, startHostSite } from './host-site';
import { ADMIN, signIn } from './inbox-fixtures';
import { Widget } from './widget';

const GROUP = -1004445556667;
const ann = { id: 5001, first_name: 'Ann' };

let fake: FakeTelegram;
let server: RunningServer;
let site: HostSite;

test.beforeAll(async () => {
  fake = new FakeTelegram();
  await fake.start();
  server = await startServer({ env: { TELEGRAM_API_ROOT: fake.url, LOG_LEVEL: 'warn' } });
  site = await startHostSite(server.url);
});

test.afterAll(async () => {
  await site?.close();
  await server?.dispose();
  await fake?.stop();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

test('an admin connects Telegram in the console and the next visitor gets a topic', async ({
  page,
  browser,
}) => {
  const pid = server.pid();
  const step = (n: number) => page.getByRole('listitem', { name: new RegExp(`^Step ${n}:`) });

  await test.step('the Telegram page offers the setup while Telegram is off', async () => {
    await signIn(page, server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${server.url}/admin/telegram`);
    await expect(page.getByRole('heading', { name: 'Telegram', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Telegram setup' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('a wrong token is refused with the fix; the right one names the bot', async () => {
    const token = page.getByLabel('Bot token');
    await expect(token).toHaveAttribute('type', 'password');
    await token.fill('123456:not-the-token');
    await page.getByRole('button', { name: 'Check token' }).click();
    await expect(step(1).getByText('Telegram rejected this token')).toBeVisible();
    await token.fill(FAKE_TOKEN);
    await page.getByRole('button', { name: 'Check token' }).click();
    await expect(step(1).getByText('@parley_test_bot')).toBeVisible();
  });

  await test.step('the group is detected after /start is sent there', async () => {
    await page.getByRole('button', { name: 'Detect the group' }).click();
    await expect(page.getByText('No group yet.')).toBeVisible();
    fake.addBotToGroup(ann, { id: GROUP, title: 'Acme helpdesk' });
    fake.write(ann, GROUP, null, '/start');
    await page.getByRole('button', { name: 'Look again' }).click();
    await page.getByRole('radio', { name: /Acme helpdesk/ }).check();
  });

  await test.step('each problem of the group shows its fix until it is ready', async () => {
    const checks = page.getByRole('list', { name: 'Group checks' });
    await expect(
      checks.getByText('Turn on Topics in the group settings', { exact: false }),
    ).toBeVisible();
    await expect(checks.getByText(/Administrators/)).toBeVisible();
    await page.screenshot({ path: 'test-results/admin-telegram-during-setup.png', fullPage: true });
    fake.changeGroup(GROUP, {
      is_forum: true,
      botStatus: 'administrator',
      botCanManageTopics: true,
    });
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(checks.getByText(/Fix:/)).toHaveCount(0);
    await expect(checks.getByText('Topics are enabled')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('polling is chosen, and a test topic comes and goes', async () => {
    await expect(page.getByRole('radio', { name: /Long polling/ })).toBeChecked();
    await page.getByRole('button', { name: 'Create a test topic' }).click();
    await expect(page.getByText(/opened “Parley test”, posted in it and deleted it/)).toBeVisible();
    expect(fake.topics(GROUP)).toEqual([
      expect.objectContaining({ name: 'Parley test', deleted: true }),
    ]);
  });

  await test.step('saving connects Telegram at once, and the token never comes back', async () => {
    const answers: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/api/v1/admin/'))
        answers.push(await response.text().catch(() => ''));
    });
    await page.getByRole('button', { name: 'Save and connect' }).click();
    const status = page.getByRole('status', { name: 'Telegram status' });
    await expect(status.getByText('Healthy')).toBeVisible();
    await expect(page.getByText('@parley_test_bot (Parley)')).toBeVisible();
    await expect(page.getByText(`Acme helpdesk (${GROUP})`)).toBeVisible();
    await expect(page.getByText(`token ending in ${FAKE_TOKEN.slice(-4)}`)).toBeVisible();
    await page.reload();
    await expect(status.getByText('Healthy')).toBeVisible();
    for (const text of answers) expect(text).not.toContain(FAKE_TOKEN);
    const ready = await (await fetch(`${server.url}/readyz`)).json();
    expect(ready.telegram).toBe('ok');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('a visitor’s first message opens a topic in the group', async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(site.url);
    const widget = new Widget(visitor);
    await widget.open();
    await widget.send('Hello, is anyone there?');
    await expect
      .poll(() => fake.topics(GROUP).filter((t) => !t.deleted).length, { timeout: 20_000 })
      .toBe(1);
    const topic = fake.topics(GROUP).find((t) => !t.deleted)!;
    await expect
      .poll(() =>
        fake
          .botMessages(GROUP, topic.thread_id)
          .map((m) => m.text)
          .join('\n'),
      )
      .toContain('Hello, is anyone there?');
    expect(server.pid()).toBe(pid);
  });
});
