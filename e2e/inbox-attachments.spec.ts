// An agent works with files in the inbox: a customer's screenshots show as thumbnails and
// open in the lightbox (arrow keys and swipes move between them, the download is the file);
// the agent attaches by button, paste and drop, sees each file before sending, is told about
// a file over the limit before any upload, retries a failed upload, sends a PDF the customer
// receives, keeps a file in a private note the customer never sees, and finds every file
// again in the customer panel, whose links are signed anew before they expire.

import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Attachment, Message } from '../lib/contracts';
import { CustomerClient } from '../test/customer-client';
import { dropFiles, pasteFiles, pdf, png, type TestFile } from './files';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn, transcript } from './inbox-fixtures';

// A server of its own, so the list holds only this story's conversation.
test.use({ parleySetup: { departments: [{ name: 'Returns' }], widgetSettings: {} } });

async function uploadAsCustomer(customer: CustomerClient, file: TestFile): Promise<Attachment> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  const response = await fetch(
    `${customer.base}/api/v1/conversations/${customer.conversationId}/attachments`,
    { method: 'POST', headers: { authorization: `Bearer ${customer.token}` }, body: form },
  );
  const body = (await response.json()) as { attachment: Attachment };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.attachment;
}

/** axe-core's serious findings inside `selector` (the part of the inbox this story adds). */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((node) => node.target).join(', ')}`);
}

test('an agent sees, opens, sends and finds files in a conversation', async ({ page, parley }) => {
  const base = parley.url;
  const customer = await CustomerClient.start(base, { name: 'Jonas' });
  await customer.connect();
  const received: Message[] = customer.received;

  await test.step('the customer sends two screenshots with a question', async () => {
    const first = await uploadAsCustomer(
      customer,
      await png('broken-box.png', 640, 400, '#f97316'),
    );
    const second = await uploadAsCustomer(customer, await png('label.png', 300, 500, '#0ea5e9'));
    const ack = await customer.socket!.emitWithAck('message:send', {
      clientId: 'screens-1',
      text: 'The box arrived like this',
      attachmentIds: [first.id, second.id],
    });
    expect(ack).toMatchObject({ ok: true });
  });

  const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
  await test.step('the agent sees both as thumbnails in the transcript', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await conversationList(page).getByRole('button', { name: /Jonas/ }).click();
    const message = transcript(page).getByRole('article', { name: 'Message from Jonas' });
    await expect(message).toContainText('The box arrived like this');
    await expect(message.getByRole('button', { name: 'Open image broken-box.png' })).toBeVisible();
    await expect(message.getByRole('button', { name: 'Open image label.png' })).toBeVisible();
  });

  await test.step('the lightbox opens, moves by key and swipe, downloads and closes', async () => {
    await transcript(page).getByRole('button', { name: 'Open image broken-box.png' }).click();
    const lightbox = page.getByRole('dialog', { name: 'broken-box.png' });
    await expect(lightbox).toContainText('Image 1 of 2');
    await expect(lightbox.getByRole('img', { name: 'broken-box.png' })).toBeVisible();
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

    await page.keyboard.press('ArrowRight');
    const second = page.getByRole('dialog', { name: 'label.png' });
    await expect(second).toContainText('Image 2 of 2');
    await expect(second.getByRole('button', { name: 'Next image' })).toBeDisabled();

    // A swipe to the right goes back to the first picture.
    const box = (await second.getByRole('img', { name: 'label.png' }).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByRole('dialog', { name: 'broken-box.png' })).toContainText(
      'Image 1 of 2',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download broken-box.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('broken-box.png');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const shown = (await customer.history()).body.messages.at(-1)!.attachments[0]!;
    expect(bytes.length).toBe(shown.size);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });

  const pending = page.getByRole('list', { name: 'Files to send' });
  const pane = page.getByRole('region', { name: 'Conversation with Jonas' });
  await test.step('a file over the limit is explained and never uploaded', async () => {
    let uploads = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/attachments') && request.method() === 'POST') uploads++;
    });
    await page.locator('input[type=file]').setInputFiles({
      name: 'recording.mov',
      mimeType: 'video/quicktime',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 512 * 1024),
    });
    await expect(pane.getByRole('alert')).toContainText(
      'recording.mov (10.5 MB) is over the 10 MB limit for files.',
    );
    await expect(pending).toBeHidden();
    expect(uploads).toBe(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(pane.getByRole('alert')).toBeHidden();
  });

  await test.step('a failed upload is retried from its chip, with its progress shown', async () => {
    // The first attempt breaks; the second is held until the progress bar has been seen.
    let attempts = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/attachments', async (route) => {
      if (++attempts === 1) return route.abort('connectionreset');
      await held;
      await route.continue();
    });
    await page.locator('input[type=file]').setInputFiles({ ...pdf('returns-form.pdf') });
    await expect(pending).toContainText('The upload was interrupted');
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await page.getByRole('button', { name: 'Retry uploading returns-form.pdf' }).click();
    await expect(
      pending.getByRole('progressbar', { name: 'Uploading returns-form.pdf' }),
    ).toBeVisible();
    await expect(pending).toContainText(/Uploading… \d+%/);
    release();
    await expect(pending.getByText(/^\d+(\.\d)? (bytes|KB)$/)).toBeVisible();
    await expect(pending.getByRole('progressbar')).toHaveCount(0);
    await page.unroute('**/attachments');
  });

  await test.step('a pasted screenshot and a dropped file join it, each with a preview', async () => {
    await pasteFiles(composer, [await png('screenshot.png', 800, 500, '#22c55e')]);
    await expect(pending.getByRole('img', { name: 'Preview of screenshot.png' })).toBeVisible();
    await dropFiles(composer, [pdf('label-template.pdf')]);
    await expect(pending.getByRole('listitem')).toHaveCount(3);
    await expect(pending).toContainText('label-template.pdf');
    expect(await seriousViolations(page, '[data-composer]')).toEqual([]);
    await page.getByRole('button', { name: 'Remove label-template.pdf' }).click();
    await expect(pending.getByRole('listitem')).toHaveCount(2);
  });

  await test.step('the reply goes out with its files; the customer receives them', async () => {
    await composer.fill('Please print this form and put it in the box.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(pending).toBeHidden();
    const reply = transcript(page).getByRole('article', { name: 'Message from ann' });
    await expect(reply.getByRole('link', { name: /Download returns-form\.pdf/ })).toBeVisible();
    await expect(reply.getByRole('button', { name: 'Open image screenshot.png' })).toBeVisible();
    await expect
      .poll(() => received.at(-1)?.attachments.map((a) => `${a.name} ${a.type}`))
      .toEqual(['returns-form.pdf application/pdf', 'screenshot.png image/png']);
    const form = received.at(-1)!.attachments[0]!;
    const file = await fetch(form.url);
    expect(file.status).toBe(200);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  await test.step('a private note keeps a file for the team only', async () => {
    const repliesBefore = received.length;
    await page.getByRole('button', { name: 'Private note' }).click();
    await page.locator('input[type=file]').setInputFiles({ ...pdf('carrier-claim.pdf') });
    await expect(pending).toContainText('carrier-claim.pdf');
    await expect(pending.getByText(/^\d+(\.\d)? (bytes|KB)$/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Private note' }).fill('Claim filed with the carrier');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(pending).toBeHidden();
    const note = transcript(page).getByRole('article', { name: 'Private note by ann' });
    await expect(note).toContainText('Claim filed with the carrier');
    await expect(note.getByRole('link', { name: /Download carrier-claim\.pdf/ })).toBeVisible();
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const history = (await customer.history()).body.messages;
    expect(history.flatMap((m) => m.attachments.map((a) => a.name))).not.toContain(
      'carrier-claim.pdf',
    );
    expect(received.length).toBe(repliesBefore);
  });

  await test.step('the customer panel lists every file of the conversation', async () => {
    const files = page.getByRole('region', { name: 'Files in this conversation' });
    await expect(files.getByRole('listitem')).toHaveCount(5);
    await expect(files.getByRole('listitem').first()).toContainText('carrier-claim.pdf');
    await expect(files.getByRole('listitem').first()).toContainText('Private note · ann');
    await expect(files.getByRole('listitem').nth(1)).toContainText('screenshot.png');
    await expect(files).toContainText('Jonas');
    await files.getByRole('button', { name: /Open image label\.png/ }).click();
    await expect(page.getByRole('dialog', { name: 'label.png' })).toContainText('of 3');
    await page.keyboard.press('Escape');
  });

  customer.close();
});

test('a transcript left open is fetched again before its file links expire', async ({
  page,
  parley,
}) => {
  const customer = await CustomerClient.start(parley.url, { name: 'Nora' });
  const photo = await uploadAsCustomer(customer, await png('receipt.png', 200, 120, '#a855f7'));
  const sent = await fetch(
    `${parley.url}/api/v1/conversations/${customer.conversationId}/messages`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'receipt-1', text: 'Receipt', attachmentIds: [photo.id] }),
    },
  );
  expect(sent.status).toBe(201);

  await page.clock.install();
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);
  await conversationList(page).getByRole('button', { name: /Nora/ }).click();
  await expect(
    transcript(page).getByRole('button', { name: 'Open image receipt.png' }),
  ).toBeVisible();

  let fetched = 0;
  let reconnects = 0;
  page.on('websocket', () => reconnects++);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith(`/${customer.conversationId}/messages`)) fetched++;
  });
  // Half a day later (links work for a day at least), the page asks for fresh links.
  await page.clock.fastForward(12 * 3600 * 1000 + 1000);
  await expect.poll(() => fetched).toBeGreaterThan(0);
  // Not a reconnect's catch-up: the same socket stayed open.
  expect(reconnects).toBe(0);
  await expect(
    transcript(page).getByRole('button', { name: 'Open image receipt.png' }),
  ).toBeVisible();
});
