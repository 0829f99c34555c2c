// The server goes away mid-conversation (a real process stop, so every socket drops): the
// visitor is told, keeps typing, and once Parley is back everything arrives exactly once and
// in order — what the visitor typed meanwhile and what the agent wrote meanwhile.
import { expect, test } from './fixtures';

test('messages typed while the server is down are delivered once, in order, after it returns', async ({
  page,
  parley,
  widget,
}) => {
  await widget.open();
  await widget.send('Before the restart');
  const conversationId = await widget.conversationId();
  await expect(widget.message('Before the restart').locator('time')).toBeVisible();

  await test.step('the server stops: the visitor sees that the connection is lost', async () => {
    await parley.stop();
    await expect(widget.panel.getByText('Connection lost. Reconnecting…')).toBeVisible();
  });

  await test.step('the visitor keeps writing; the messages wait, marked as such', async () => {
    await widget.send('Typed while down, first');
    await widget.send('Typed while down, second');
    await expect(widget.message('Typed while down, first')).toContainText('Waiting for connection');
    await expect(widget.message('Typed while down, second')).toContainText(
      'Waiting for connection',
    );
  });

  await test.step('Parley comes back while this visitor is still cut off, and an agent writes', async () => {
    // Offline emulation only keeps the widget from reconnecting before the agent has written,
    // so that the agent's message can only reach it through the catch-up.
    await page.context().setOffline(true);
    await parley.start();
    await parley.agentReply(conversationId, 'Agent reply while you were away');
  });

  await test.step('the visitor is back: one transcript, each message once, ordered by seq', async () => {
    await page.context().setOffline(false);
    await expect(widget.message('Agent reply while you were away')).toBeVisible();
    await expect(widget.message('Typed while down, second').locator('time')).toBeVisible();
    await expect(widget.panel.getByText('Connection lost. Reconnecting…')).toBeHidden();
    const expected = [
      'Before the restart',
      'Agent reply while you were away',
      'Typed while down, first',
      'Typed while down, second',
    ];
    await expect
      .poll(async () => (await parley.conversation(conversationId)).messages.map((m) => m.text))
      .toEqual(expected);
    expect((await widget.transcript()).slice(1)).toEqual(expected);
  });

  await test.step('the live link works again', async () => {
    await parley.agentReply(conversationId, 'Glad to have you back');
    await expect(widget.message('Glad to have you back')).toBeVisible();
    await widget.send('Thanks!');
    await expect(widget.message('Thanks!').locator('time')).toBeVisible();
    expect((await widget.transcript()).slice(1)).toEqual([
      'Before the restart',
      'Agent reply while you were away',
      'Typed while down, first',
      'Typed while down, second',
      'Glad to have you back',
      'Thanks!',
    ]);
  });
});
