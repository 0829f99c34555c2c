// The queue keeps itself healthy: with thresholds shortened through the settings API, a
// customer message nobody answers is closed by the sweep, and the visitor sees why and how
// to come back.
import { expect, test } from './fixtures';

test('an unanswered conversation is auto-closed and the widget says how to reopen it', async ({
  parley,
  widget,
}) => {
  await parley.admin('POST', '/settings', {
    automation: { autoCloseNoAgentReplySeconds: 2, sweepIntervalSeconds: 1 },
  });

  await widget.open();
  await widget.send('Is anyone there?');
  const id = await widget.conversationId();

  await expect(widget.message('closed after a period of inactivity')).toBeVisible();
  await expect(widget.panel.getByText('Write a message to reopen it')).toBeVisible();
  const { conversation, messages } = await parley.conversation(id);
  expect(conversation.status).toBe('closed');
  expect(messages.map((m) => m.author)).toEqual(['customer', 'system']);

  await widget.send('Still need help');
  await expect
    .poll(async () => (await parley.conversation(id)).conversation.status)
    .toBe('open_unclaimed');
});
