// The widget feels like talking to people: the team's greeting signed by the team, the agent
// who answers with their face in the header and on their messages, "ann joined", messages
// in runs with one face and one time, and the visitor quoting what they answer.
import { expect, test } from './fixtures';
import { ADMIN, agentPage, conversationList } from './inbox-fixtures';

test.use({
  parleySetup: {
    departments: [],
    widgetSettings: {
      title: 'Acme support',
      teamName: 'The Acme team',
      greeting: 'Hi! Ask us anything about your gear.',
    },
  },
});

test('the visitor sees who answers: faces, names, runs of messages and one time per run', async ({
  parley,
  widget,
}) => {
  await widget.open();
  await test.step('before the first message: a welcome, and the greeting signed by the team', async () => {
    await expect(widget.panel.getByText('Ask us anything', { exact: true })).toBeVisible();
    const greeting = widget.message('Ask us anything about your gear');
    await expect(greeting.locator('.author')).toHaveText('The Acme team');
    await expect(greeting.locator('.avatar')).toHaveText('AS');
  });

  await widget.send('My boots arrived in the wrong size.');
  await widget.send('Order #4411.');
  const id = await widget.conversationId();
  await expect(widget.message('Order #4411.').locator('time')).toHaveText('just now');
  await expect(widget.panel.getByText('Ask us anything', { exact: true })).toBeHidden();

  await parley.agentReply(id, 'Sorry about that! Let me check.');
  await parley.agentReply(id, 'Found it: size 44 goes out today.');

  await test.step('the agent joins, with their face in the header and on their first message', async () => {
    await expect(widget.panel.getByText('ann joined the conversation')).toBeVisible();
    await expect(widget.panel.locator('header .avatar')).toHaveText('A');
    const first = widget.message('Sorry about that!');
    await expect(first.locator('.author')).toHaveText('ann');
    await expect(first.locator('.avatar')).toHaveText('A');
  });

  await test.step('each run shows one face and one time, under its last message', async () => {
    const second = widget.message('Found it');
    await expect(second.locator('time')).toBeVisible();
    await expect(second.locator('.author, .avatar')).toHaveCount(0);
    await expect(widget.message('Sorry about that!').locator('time')).toHaveCount(0);
    await expect(widget.message('My boots arrived').locator('time')).toHaveCount(0);
    await expect(widget.message('Order #4411.').locator('time')).toBeVisible();
  });
});

test('the visitor answers one message with a quote of it', async ({ parley, widget }) => {
  await widget.open();
  await widget.send('Do you have these boots in 44?');
  const id = await widget.conversationId();
  await parley.agentReply(id, 'We do, in brown and in black.');
  const answer = widget.message('in brown and in black');
  await answer.hover();
  await answer.getByRole('button', { name: /^Reply to:/ }).click();
  await expect(widget.panel.getByText('Replying to ann')).toBeVisible();
  await expect(widget.composer).toBeFocused();
  await widget.send('Black, please.');

  const reply = widget.message('Black, please.');
  await expect(reply.locator('time')).toBeVisible();
  await expect(reply.locator('blockquote')).toContainText('ann');
  await expect(reply.locator('blockquote')).toContainText('We do, in brown and in black.');
  await expect(widget.panel.getByText('Replying to ann')).toBeHidden();
  await expect
    .poll(async () => {
      const { messages } = await parley.conversation(id);
      return (messages.find((m) => m.text === 'Black, please.') as { replyTo?: { text: string } })
        ?.replyTo?.text;
    })
    .toBe('We do, in brown and in black.');
});

test('the visitor sees the agent typing, with their face, until the answer arrives', async ({
  browser,
  parley,
  widget,
}) => {
  await widget.open();
  await widget.send('Is the Trail tent waterproof?');
  await widget.conversationId();
  const agent = await agentPage(browser, parley.url, ADMIN.email);
  await agent.getByRole('tab', { name: /All open/ }).click();
  await conversationList(agent)
    .getByRole('button', { name: /Trail tent/ })
    .click();
  const reply = agent.getByRole('textbox', { name: 'Reply to the customer' });
  await reply.pressSequentially('Yes, up to 3000 mm');

  const typing = widget.panel.locator('.typing');
  await expect(typing).toHaveText(/ann is typing…/);
  await expect(typing.locator('.avatar')).toHaveText('A');
  await reply.press('Enter');
  await expect(widget.message('up to 3000 mm')).toBeVisible();
  await expect(typing).toHaveCount(0);
  await agent.context().close();
});
