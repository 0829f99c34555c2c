// What only a conversation needs (its live link, the messages with their times, quotes and
// Reply buttons) comes with the visitor's first message, not with the app. Should that part
// not load, the visitor still sends, reads their messages as text and is told the connection
// is down; once it loads, the conversation goes on live.
import { expect, test } from './fixtures';

const CHUNK = '**/widget/conversation-*.js';

test('a first message brings the conversation part; without it the visitor still sends, and it goes on live once it loads', async ({
  page,
  parley,
  widget,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (/\/widget\/conversation-/.test(request.url())) requested.push(request.url());
  });

  await test.step('a first-time visitor opens the chat without the conversation part', async () => {
    await widget.open();
    await expect(widget.composer).toBeVisible();
    expect(requested).toEqual([]);
  });

  await test.step('where it cannot load, the message is still sent and shown as its text', async () => {
    await page.route(CHUNK, (route) => route.abort());
    await widget.send('Sent before the rest arrived');
    const conversationId = await widget.conversationId();
    await expect
      .poll(async () => (await parley.conversation(conversationId)).messages.map((m) => m.text))
      .toEqual(['Sent before the rest arrived']);
    await expect(widget.message('Sent before the rest arrived')).toBeVisible();
    await expect(widget.message('Sent before the rest arrived').locator('time')).toHaveCount(0);
    await expect(widget.banner).toHaveText('Connection lost. Reconnecting…');
    expect(requested.length).toBeGreaterThan(0);
  });

  await test.step('once it loads, times show and an agent’s answer arrives live', async () => {
    await page.unroute(CHUNK);
    await expect(widget.message('Sent before the rest arrived').locator('time')).toBeVisible();
    await expect(widget.panel.getByText('Connection lost. Reconnecting…')).toHaveCount(0);
    await parley.agentReply(await widget.conversationId(), 'Here we are, live');
    await expect(widget.message('Here we are, live')).toBeVisible();
    await expect(
      widget.message('Here we are, live').getByRole('button', { name: /Reply to/ }),
    ).toHaveCount(1);
  });
});
