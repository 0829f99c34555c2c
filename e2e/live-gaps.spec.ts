// Live pushes are best effort: a push lost on the way (dropped here between the server and
// the page, on the real WebSocket) costs the widget and the inbox a fetch, never a message.
import type { Page, WebSocketRoute } from '@playwright/test';
import { CustomerClient } from '../test/customer-client';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn, transcript } from './inbox-fixtures';

/**
 * Relays the page's Socket.IO connections to the server, dropping every `message` push of
 * `namespace` whose text contains `lost`; returns how many it dropped so far.
 */
async function dropPushes(page: Page, namespace: string, lost: string): Promise<() => number> {
  let dropped = 0;
  await page.routeWebSocket(/\/socket\.io\//, (socket: WebSocketRoute) => {
    const server = socket.connectToServer();
    server.onMessage((frame) => {
      const text = typeof frame === 'string' ? frame : frame.toString();
      if (text.startsWith(`42${namespace},["message",`) && text.includes(lost)) {
        dropped++;
        return;
      }
      socket.send(frame);
    });
  });
  return () => dropped;
}

test('the widget fetches a message whose push was lost when the next one shows the gap', async ({
  page,
  parley,
  widget,
}) => {
  const dropped = await dropPushes(page, '/customer', 'never pushed');
  await page.reload();
  await widget.open();
  await widget.send('Is anyone there?');
  await expect(widget.message('Is anyone there?').locator('time')).toBeVisible();
  const conversationId = await widget.conversationId();

  await parley.agentReply(conversationId, 'This reply was never pushed');
  await expect.poll(dropped).toBe(1);
  await expect(widget.message('This reply was never pushed')).toHaveCount(0);

  await parley.agentReply(conversationId, 'And this one was');
  await expect(widget.message('And this one was')).toBeVisible();
  await expect(widget.message('This reply was never pushed')).toBeVisible();
  const texts = await widget.messages.allInnerTexts();
  const at = (text: string) => texts.findIndex((t) => t.includes(text));
  expect(at('never pushed')).toBeLessThan(at('And this one was'));
});

test('the inbox fetches a message whose push was lost', async ({ page, parley }) => {
  const dropped = await dropPushes(page, '/agent', 'never pushed');
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);
  const customer = await CustomerClient.start(parley.url, { name: 'Rosa' });
  await customer.connect();
  await customer.send('First question');
  await conversationList(page).getByRole('button', { name: /Rosa/ }).click();
  await expect(transcript(page)).toContainText('First question');

  // Nothing else is pushed about it but the conversation's new state, a moment later.
  const refetched = page.waitForRequest(/\/conversations\/[^/]+\/messages\?/);
  await customer.send('A follow-up that was never pushed');
  await expect.poll(dropped).toBe(1);
  await refetched;
  await expect(transcript(page)).toContainText('A follow-up that was never pushed');
  customer.close();
});
