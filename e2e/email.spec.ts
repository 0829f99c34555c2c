// Email for visitors who leave: an admin sets up the SMTP server in the console and sends a
// test email; a visitor who closed the page gets the agent's reply by email, and its link
// opens the conversation again in the widget. A real SMTP server receives everything.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chatLinkOf, FakeSmtp } from './fake-smtp';
import { expect, type Parley, test } from './fixtures';
import { ADMIN, signIn } from './inbox-fixtures';
import { Widget } from './widget';

let smtp: FakeSmtp;

test.beforeAll(async () => {
  smtp = new FakeSmtp();
  await smtp.start();
});

test.afterAll(async () => {
  await smtp.stop();
});

/** Email on, through the fake server, with thresholds of seconds. */
async function turnEmailOn(parley: Parley) {
  await parley.admin('POST', '/settings', {
    email: {
      smtpUrl: smtp.url,
      from: 'Acme support <support@acme.test>',
      awaySeconds: 3,
      batchSeconds: 0,
      minIntervalSeconds: 0,
    },
  });
  await expect
    .poll(
      async () => (await parley.admin<{ email: { state: string } }>('GET', '/email')).email.state,
    )
    .toBe('ok');
}

async function expectNoSeriousViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(serious).toEqual([]);
}

test('an admin sets up email in the console and sends a test email', async ({ page, parley }) => {
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);
  await page.goto(`${parley.url}/admin/email`);
  const status = page.getByRole('status', { name: 'Email status' });
  await expect(status).toContainText('Off');

  await page.getByLabel('SMTP URL').fill(smtp.url);
  await page.getByLabel('From', { exact: true }).fill('Acme support <support@acme.test>');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(status).toContainText('Healthy');
  await expect(page.getByLabel('SMTP URL')).toHaveValue('');
  await expect(page.getByText(/Saved, ending in/).first()).toBeVisible();

  await page.getByLabel('Send a test email to').fill('ann@example.com');
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('Sent to ann@example.com.')).toBeVisible();
  await expect
    .poll(() => smtp.to('ann@example.com').map((m) => m.subject))
    .toEqual(['Parley test email']);
  await expectNoSeriousViolations(page, 'main');
});

test('a visitor who left gets the reply by email, and its link opens the conversation', async ({
  browser,
  parley,
}) => {
  await turnEmailOn(parley);
  const visitorContext = await browser.newContext();
  const page = await visitorContext.newPage();
  // The widget's email part arrives only after the visitor headed out: leaving right after
  // writing counts all the same (the admin signed in above, so the team shows online and
  // only leaving brings the card).
  let releaseEmailPart = () => {};
  const emailPartHeld = new Promise<void>((resolve) => {
    releaseEmailPart = resolve;
  });
  await page.route(/\/widget\/email-\w+\.js$/, async (route) => {
    await emailPartHeld;
    await route.continue();
  });
  await page.goto(parley.site.url);
  const widget = new Widget(page);
  await widget.open();
  await widget.send('Do you ship to Norway?');
  const conversationId = await widget.conversationId();
  // The visitor heads for the tab bar (the pointer leaves the page at the top): the widget
  // asks where the reply should go (at once when nobody is online).
  await page.evaluate(() =>
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null })),
  );
  releaseEmailPart();
  const card = widget.panel.getByRole('form', { name: 'Your email' });
  await expect(card).toContainText(/Leaving\? Get the reply by email|Nobody is online right now/);
  await card.getByRole('textbox', { name: 'Your email' }).fill('nora@example');
  await card.getByRole('button', { name: 'Notify me' }).click();
  await expect(card.getByRole('alert')).toHaveText('Please enter a valid email address.');
  await card.getByRole('textbox', { name: 'Your email' }).fill('nora@example.com');
  await card.getByRole('button', { name: 'Notify me' }).click();
  await expect(widget.panel.getByText('We will email replies to nora@example.com')).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await parley.admin<{ conversation: { email: string | null } }>(
            'GET',
            `/conversations/${conversationId}`,
          )
        ).conversation.email,
    )
    .toBe('nora@example.com');
  await expectNoSeriousViolations(page, 'parley-chat');
  // The visitor leaves the site before anybody answers.
  await visitorContext.close();

  await parley.agentReply(conversationId, 'Yes, in 3 to 5 days.');
  await expect.poll(() => smtp.to('nora@example.com').length, { timeout: 30_000 }).toBe(1);
  const link = chatLinkOf(smtp.to('nora@example.com')[0]!);
  expect(link).toContain('#parley-resume=');

  // Another day, another browser: the link opens the same conversation in the widget.
  const later = await browser.newContext();
  const laterPage = await later.newPage();
  await laterPage.goto(link!);
  const reopened = new Widget(laterPage);
  await expect(reopened.panel).toBeVisible();
  await expect(reopened.message('Yes, in 3 to 5 days.')).toBeVisible();
  await expect(reopened.message('Do you ship to Norway?')).toBeVisible();
  expect(await reopened.conversationId()).toBe(conversationId);
  expect(laterPage.url()).not.toContain('parley-resume');
  await later.close();
});

test('a visitor emails themselves the transcript once the conversation closed', async ({
  widget,
  parley,
}) => {
  await turnEmailOn(parley);
  // The page loaded before email was on: its widget config says so on the next load.
  await widget.page.reload();
  await widget.open();
  await widget.send('Is the Summit tent waterproof?');
  const conversationId = await widget.conversationId();
  await parley.agentReply(conversationId, 'Yes, up to 3000 mm.');
  await parley.closeConversation(conversationId);

  const card = widget.panel.getByRole('form', { name: 'Email me the transcript' });
  await card.getByRole('textbox', { name: 'Your email' }).fill('tom@example.com');
  await card.getByRole('button', { name: 'Email me the transcript' }).click();
  await expect(widget.panel.getByText('Sent to tom@example.com.')).toBeVisible();
  await expect.poll(() => smtp.to('tom@example.com').length).toBe(1);
  const [mail] = smtp.to('tom@example.com');
  expect(mail!.text).toContain('Is the Summit tent waterproof?');
  expect(mail!.text).toContain('Yes, up to 3000 mm.');
});
