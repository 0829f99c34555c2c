// Some networks (proxies, strict firewalls) block WebSockets. The widget then chats over the
// same HTTP API: sends by POST and receives by polling. A send that fails stays in the outbox,
// even across a reload, and goes out exactly once when the network lets it.
import { expect, test } from './fixtures';

test('without WebSockets the visitor still chats over HTTP, and nothing is lost or doubled', async ({
  page,
  parley,
  widget,
}) => {
  // Every WebSocket the page opens to Parley is refused, as a blocking proxy would.
  await page.routeWebSocket(/\/socket\.io\//, (socket) => socket.close());
  await page.reload();
  await widget.open();

  await test.step('sending works by POST', async () => {
    await widget.send('Hello over plain HTTP');
    await expect(widget.message('Hello over plain HTTP').locator('time')).toBeVisible();
  });

  const conversationId = await widget.conversationId();
  await test.step('an agent answer arrives by polling', async () => {
    await parley.agentReply(conversationId, 'Polling works too');
    await expect(widget.message('Polling works too')).toBeVisible();
  });

  await test.step('a send the network drops waits in the outbox, also across a reload', async () => {
    await page.route('**/api/v1/conversations/*/messages', (route) => route.abort());
    await widget.send('Kept until it can be sent');
    await expect(widget.message('Kept until it can be sent')).not.toContainText(/\d:\d\d/);
    await page.reload();
    // The panel was open in this tab, so it opens again by itself.
    await expect(widget.panel).toBeVisible();
    await expect(widget.message('Kept until it can be sent')).toBeVisible();
  });

  await test.step('once the network allows it, the message is delivered exactly once', async () => {
    await page.unroute('**/api/v1/conversations/*/messages');
    await expect(widget.message('Kept until it can be sent').locator('time')).toBeVisible();
    await expect(widget.message('Kept until it can be sent')).toHaveCount(1);
    await expect
      .poll(async () => (await parley.conversation(conversationId)).messages.map((m) => m.text))
      .toEqual(['Hello over plain HTTP', 'Polling works too', 'Kept until it can be sent']);
  });
});
