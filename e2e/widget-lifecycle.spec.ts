// How a conversation ends and a new one begins: an agent closes it and the visitor sees the
// note and can start over; a stored token the server no longer accepts starts a fresh
// conversation instead of failing forever.
import { expect, test } from './fixtures';

test('after an agent closes the conversation, the visitor starts a new one', async ({
  parley,
  widget,
}) => {
  await widget.open();
  await widget.send('Can I return worn boots?');
  const first = await widget.conversationId();
  await parley.agentReply(first, 'Yes, within 30 days.');
  await expect(widget.message('Yes, within 30 days.')).toBeVisible();

  await parley.closeConversation(first);
  await expect(widget.message('This conversation has been closed')).toBeVisible();
  await expect(widget.panel.getByText('Write a message to reopen it')).toBeVisible();
  const newConversation = widget.panel.getByRole('button', { name: 'Start a new conversation' });
  await newConversation.click();
  await expect(widget.composer).toBeFocused();
  await expect(widget.message('Can I return worn boots?')).toHaveCount(0);
  await widget.send('Another question about tents');
  await expect(widget.message('Another question about tents').locator('time')).toBeVisible();
  const second = await widget.conversationId();
  expect(second).not.toBe(first);
  expect((await parley.conversation(first)).conversation.status).toBe('closed');
  expect((await parley.conversation(second)).messages.map((m) => m.text)).toEqual([
    'Another question about tents',
  ]);
});

test('writing into a closed conversation reopens it', async ({ parley, widget }) => {
  await widget.open();
  await widget.send('One more thing');
  const id = await widget.conversationId();
  await parley.closeConversation(id);
  const note = widget.panel.getByText('Write a message to reopen it');
  await expect(note).toBeVisible();

  await widget.send('Actually, I still need help');
  await expect(widget.message('Actually, I still need help').locator('time')).toBeVisible();
  await expect(note).toBeHidden();
  expect(await widget.conversationId()).toBe(id);
  await expect
    .poll(async () => (await parley.conversation(id)).conversation.status)
    .toBe('open_unclaimed');
});

test('a stored session the server rejects is replaced by a fresh conversation', async ({
  page,
  parley,
  widget,
}) => {
  await page.evaluate(() =>
    localStorage.setItem(
      'parley.session',
      JSON.stringify({
        conversationId: '00000000-0000-4000-8000-000000000000',
        token: 'not-a-valid-token',
      }),
    ),
  );
  await page.reload();
  await widget.open();
  await expect(widget.composer).toBeVisible();
  await expect.poll(() => widget.session()).toBeNull();

  await widget.send('Starting over');
  await expect(widget.message('Starting over').locator('time')).toBeVisible();
  const id = await widget.conversationId();
  expect(id).not.toBe('00000000-0000-4000-8000-000000000000');
  expect((await parley.conversation(id)).messages.map((m) => m.text)).toEqual(['Starting over']);
});

test('where localStorage is blocked, a first-party cookie keeps the conversation across reloads', async ({
  page,
  widget,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Storage is disabled', 'SecurityError');
      },
    });
  });
  await page.reload();
  await widget.open();
  await widget.send('Storage is blocked on my browser');
  await expect(widget.message('Storage is blocked on my browser').locator('time')).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).toContain('parley.session=');

  await page.reload();
  await expect(widget.panel).toBeVisible();
  await expect(widget.message('Storage is blocked on my browser')).toBeVisible();
});
