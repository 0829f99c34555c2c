// A visitor and an agent trade files. The visitor pastes a screenshot, sees it before
// sending and sends it; the agent finds it in the inbox, opens it in the lightbox and
// answers with a PDF, which the visitor downloads. The attachment UI is fetched only when
// the first file shows up; a file over the limit is explained before any upload; a refused
// file can be retried or deleted; and a reload in the middle of an upload keeps the file and
// sends the message once.

import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { svg } from '../test/files';
import { dropFiles, pasteFiles, pdf, png } from './files';
import { expect, test } from './fixtures';
import { ADMIN, agentPage, conversationList, transcript } from './inbox-fixtures';

test.use({ parleySetup: { departments: [{ name: 'Support' }], widgetSettings: {} } });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('parley-chat')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((node) => node.target).join(', ')}`);
}

const chunkRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\/widget\/files-[0-9a-f]+\.js$/.test(request.url())) seen.push(request.url());
  });
  return seen;
};

test('a visitor sends a pasted screenshot and downloads the PDF the agent answers with', async ({
  page,
  browser,
  parley,
  widget,
}) => {
  const chunk = chunkRequests(page);
  const tray = widget.panel.getByRole('list', { name: 'Files to send' });

  await test.step('the chat opens without the attachment UI; a paste brings it and a preview', async () => {
    await widget.open();
    await expect(widget.composer).toBeVisible();
    expect(chunk).toEqual([]);
    await pasteFiles(widget.composer, [await png('screenshot.png', 800, 500, '#22c55e')]);
    await expect(tray.getByRole('listitem')).toHaveCount(1);
    await expect(tray).toContainText('screenshot.png');
    await expect(tray.locator('img')).toBeVisible();
    expect(chunk).toHaveLength(1);
    await expect(widget.panel).toContainText('Up to 10 files, 10 MB each');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('a file over the limit is explained and never uploaded', async () => {
    await widget.panel.locator('input[type=file]').setInputFiles({
      name: 'holiday.mov',
      mimeType: 'video/quicktime',
      buffer: Buffer.alloc(11 * 1024 * 1024),
    });
    await expect(widget.panel).toContainText(
      'holiday.mov (11 MB) is over the 10 MB limit for files.',
    );
    await expect(tray.getByRole('listitem')).toHaveCount(1);
  });

  await test.step('a dropped file joins the tray and can be taken out again', async () => {
    await dropFiles(widget.composer, [pdf('notes.pdf')]);
    await expect(tray.getByRole('listitem')).toHaveCount(2);
    await widget.panel.getByRole('button', { name: 'Remove notes.pdf' }).click();
    await expect(tray.getByRole('listitem')).toHaveCount(1);
  });

  let conversationId = '';
  await test.step('the visitor sends it with a line of text; it is stored with the message', async () => {
    await widget.send('The checkout page shows this');
    const sent = widget.message('The checkout page shows this');
    await expect(sent.getByRole('button', { name: 'View screenshot.png full size' })).toBeVisible();
    await expect(sent.locator('time')).toBeVisible();
    await expect(tray).toBeHidden();
    conversationId = await widget.conversationId();
    const { messages } = await parley.conversation(conversationId);
    expect(messages.map((m) => [m.text, m.attachments.map((a) => a.name)])).toEqual([
      ['The checkout page shows this', ['screenshot.png']],
    ]);
  });

  const agent = await agentPage(browser, parley.url, ADMIN.email);
  const answer = pdf('refund-confirmation.pdf');
  await test.step('the agent opens it in the lightbox and answers with a PDF', async () => {
    await conversationList(agent)
      .getByRole('button', { name: /Sent files|The checkout page/ })
      .click();
    await transcript(agent).getByRole('button', { name: 'Open image screenshot.png' }).click();
    const lightbox = agent.getByRole('dialog', { name: 'screenshot.png' });
    await expect(lightbox.getByRole('img', { name: 'screenshot.png' })).toBeVisible();
    await agent.keyboard.press('Escape');
    await agent.locator('input[type=file]').setInputFiles({ ...answer });
    await expect(agent.getByRole('list', { name: 'Files to send' })).toContainText(/bytes/);
    await agent
      .getByRole('textbox', { name: 'Reply to the customer' })
      .fill('Here is your refund.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await expect(
      transcript(agent).getByRole('link', { name: /Download refund-confirmation\.pdf/ }),
    ).toBeVisible();
  });

  await test.step('the visitor downloads the PDF: the very bytes the agent sent', async () => {
    const reply = widget.message('Here is your refund.');
    const link = reply.getByRole('link', { name: /^Download refund-confirmation\.pdf/ });
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('refund-confirmation.pdf');
    expect(await readFile((await download.path())!)).toEqual(answer.buffer);
  });

  await test.step('the full-size view opens in the panel and closes back to the thumbnail', async () => {
    const thumbnail = widget.panel.getByRole('button', { name: 'View screenshot.png full size' });
    await thumbnail.click();
    const viewer = widget.panel.getByRole('dialog', { name: 'screenshot.png' });
    await expect(viewer.getByRole('img', { name: 'screenshot.png' })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Close' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
    await expect(widget.panel).toBeVisible();
    await expect(thumbnail).toBeFocused();
  });

  await agent.context().close();
});

test('a refused file can be deleted, and a reload in the middle of an upload sends the file once', async ({
  page,
  parley,
  widget,
}) => {
  await widget.open();
  await widget.send('Hello, I have two files for you');
  const conversationId = await widget.conversationId();

  await test.step('a file the server refuses says why, with Retry and Delete', async () => {
    await pasteFiles(widget.composer, [
      { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svg() },
    ]);
    await widget.send('Our logo');
    const refused = widget.message('Our logo');
    await expect(refused).toContainText('This type of file cannot be sent.');
    await expect(refused.getByRole('button', { name: 'Retry' })).toBeVisible();
    await refused.getByRole('button', { name: 'Delete' }).click();
    await expect(refused).toHaveCount(0);
  });

  await test.step('an upload held up by the network is still pending after a reload', async () => {
    // The upload never gets through while this route holds it.
    await page.route('**/attachments', () => undefined);
    await pasteFiles(widget.composer, [await png('receipt.png', 600, 900, '#e11d48')]);
    await widget.send('My receipt');
    const pending = widget.message('My receipt');
    await expect(pending.getByRole('progressbar', { name: 'Uploading receipt.png' })).toBeVisible();
    await page.unroute('**/attachments');
    await page.reload();
    await expect(widget.panel).toBeVisible();
  });

  await test.step('after the reload the file goes up and the message is sent exactly once', async () => {
    const sent = widget.message('My receipt');
    await expect(sent.getByRole('button', { name: 'View receipt.png full size' })).toBeVisible();
    await expect(sent.locator('time')).toBeVisible();
    await expect(sent).toHaveCount(1);
    await expect
      .poll(async () =>
        (await parley.conversation(conversationId)).messages.map((m) => [
          m.text,
          m.attachments.map((a) => a.name),
        ]),
      )
      .toEqual([
        ['Hello, I have two files for you', []],
        ['My receipt', ['receipt.png']],
      ]);
  });
});

test('a message sent while the attachment UI is still loading waits for its file', async ({
  page,
  widget,
}) => {
  // The files chunk arrives a second late: Enter is pressed well before it is in.
  await page.route(/\/widget\/files-[0-9a-f]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await widget.open();
  await pasteFiles(widget.composer, [await png('early.png', 120, 80, '#16a34a')]);
  await widget.send('Sent at once');
  const message = widget.message('Sent at once');
  await expect(message.getByRole('button', { name: /early\.png/ })).toBeVisible();
  await expect(widget.messages.filter({ hasText: 'Sent at once' })).toHaveCount(1);
});
