// An agent quotes a customer's message, then corrects and finally deletes her own reply in
// the inbox; the customer's side (the socket and the catch-up) sees each step.
import type { Message } from '../lib/contracts';
import { CustomerClient } from '../test/customer-client';
import { expect, test } from './fixtures';
import { ADMIN, signIn, transcript } from './inbox-fixtures';

test('an agent quotes, edits and deletes a reply, and the customer sees each change', async ({
  page,
  parley,
}) => {
  const base = parley.url;
  const customer = await CustomerClient.start(base, { name: 'Maria' });
  await customer.connect();
  const question = (await customer.send('Can I change the delivery address?')).message as Message;
  await customer.send('It is for order A-77');

  await signIn(page, base, ADMIN.email, ADMIN.password);
  await page.getByRole('button', { name: /Maria/ }).first().click();
  const log = transcript(page);
  const asked = log.getByRole('article', { name: 'Message from Maria' }).first();
  await expect(asked).toContainText('Can I change the delivery address?');
  const composer = page.getByRole('textbox', { name: 'Reply to the customer' });

  await test.step('Ann quotes the question, cancels with Esc, quotes it again and replies', async () => {
    await asked.hover();
    await asked.getByRole('button', { name: 'Reply to this message' }).click();
    const quoting = page.getByRole('status', { name: 'Replying to a message' });
    await expect(quoting).toContainText('Replying to Maria');
    await expect(quoting).toContainText('Can I change the delivery address?');
    await composer.press('Escape');
    await expect(quoting).toHaveCount(0);

    // Keyboard only: the actions appear on focus.
    await asked.getByRole('button', { name: 'Reply to this message' }).focus();
    await page.keyboard.press('Enter');
    await expect(quoting).toBeVisible();
    await composer.fill('Yes, whcih address?');
    await composer.press('Enter');
    await expect(quoting).toHaveCount(0);
    await expect
      .poll(() => customer.received.find((m) => m.text === 'Yes, whcih address?')?.replyTo?.id)
      .toBe(question.id);
  });

  const mine = log.getByRole('article', { name: 'Message from ann' });
  await test.step('the transcript shows the quote, and clicking it finds the original', async () => {
    await expect(mine).toContainText('Yes, whcih address?');
    const quote = mine.getByRole('button', { name: /Quoted message from Maria/ });
    await expect(quote).toContainText('Can I change the delivery address?');
    await quote.click();
    await expect(asked).toBeInViewport();
  });

  await test.step('Ann corrects her typo in the composer', async () => {
    await mine.hover();
    await mine.getByRole('button', { name: 'Edit this message' }).click();
    const box = page.getByRole('textbox', { name: 'Edit your message' });
    await expect(box).toHaveValue('Yes, whcih address?');
    await box.fill('Yes, which address?');
    await box.press('Enter');
    await expect(mine).toContainText('Yes, which address?');
    await expect(mine).toContainText('edited');
    await expect
      .poll(() => customer.updated.find((m) => m.text === 'Yes, which address?')?.editedAt)
      .toBeTruthy();
  });

  await test.step('Ann deletes it after confirming; the customer sees it deleted', async () => {
    await mine.hover();
    await mine.getByRole('button', { name: 'Delete this message' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this message?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    const deleted = log.getByRole('article', { name: 'Message from ann, deleted' });
    await expect(deleted).toContainText('Message deleted');
    await expect(deleted.getByRole('button')).toHaveCount(0);
    await expect.poll(() => customer.updated.some((m) => Boolean(m.deletedAt))).toBe(true);
    const { body } = await customer.history();
    const gone = body.messages.find((m) => m.author === 'agent');
    expect(gone).toMatchObject({ text: '', attachments: [] });
    expect(gone?.deletedAt).toBeTruthy();
  });
  customer.close();
});
