// A visitor on a customer's site chats with support: picks a department, answers the
// pre-chat form, writes, gets an agent's answer live, and finds the same conversation
// after a reload, with the unread badge telling what arrived while the panel was closed.
import { expect, test } from './fixtures';
import { Widget } from './widget';

type ParleyApi = (command: string, ...args: unknown[]) => void;

test.use({
  parleySetup: {
    departments: [
      { name: 'Sales', description: 'Orders and quotes', icon: '🛒' },
      { name: 'Billing', description: 'Invoices and refunds', icon: '💳' },
    ],
    widgetSettings: {
      title: 'Acme support',
      greeting: 'Hi! Ask us anything about your gear.',
    },
    preChatFields: [
      { id: 'name', label: 'Name', type: 'text', required: true },
      { id: 'email', label: 'Email', type: 'email', required: true },
      { id: 'order', label: 'Order number', type: 'text', required: false },
    ],
  },
});

test('a visitor picks a department, fills the form, chats with an agent and keeps the history', async ({
  page,
  parley,
  widget,
}) => {
  await test.step('the launcher opens the panel at the department choice', async () => {
    await widget.open();
    await expect(widget.panel.getByRole('heading', { name: 'Acme support' })).toBeVisible();
    await expect(widget.panel.getByText('Who would you like to talk to?')).toBeVisible();
  });

  await test.step('choosing Billing leads to the pre-chat form, which checks its fields', async () => {
    await widget.panel.getByRole('button', { name: /Billing/ }).click();
    await widget.panel.getByLabel('Name *').fill('Jane Walker');
    await widget.panel.getByLabel('Email *').fill('not-an-email');
    await widget.panel.getByRole('button', { name: 'Start chat' }).click();
    await expect(widget.panel.getByText('Enter a valid email address')).toBeVisible();
    await widget.panel.getByLabel('Email *').fill('jane@example.com');
    await widget.panel.getByRole('button', { name: 'Start chat' }).click();
    await expect(widget.message('Ask us anything about your gear')).toBeVisible();
  });

  let conversationId = '';
  await test.step('the visitor writes; the message is stored with the form answers', async () => {
    await widget.send('My boots arrived in the wrong size.');
    const bubble = widget.message('My boots arrived in the wrong size.');
    await expect(bubble.locator('time')).toBeVisible();
    await expect(bubble).not.toContainText('Sending');
    conversationId = await widget.conversationId();
    await expect
      .poll(async () => (await parley.conversation(conversationId)).messages.map((m) => m.text))
      .toEqual(['My boots arrived in the wrong size.']);
    const { conversation } = await parley.conversation(conversationId);
    expect(conversation.departmentId).toBe(parley.departments.get('Billing'));
    expect(conversation.name).toBe('Jane Walker');
    expect(conversation.fields).toMatchObject({ email: 'jane@example.com' });
  });

  await test.step('an agent answers and the visitor sees it live, with who joined', async () => {
    await page.evaluate(() => {
      const received: string[] = [];
      Object.assign(window, { received });
      const parleyApi = (window as unknown as { Parley: ParleyApi }).Parley;
      parleyApi('on', 'message', (message: { text: string }) => received.push(message.text));
    });
    await parley.agentReply(conversationId, 'Sorry about that! Which size do you need?');
    await expect(widget.message('Which size do you need?')).toContainText(/ann/i);
    await expect(widget.panel.getByText(/ann joined the conversation/i)).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { received: string[] }).received))
      .toEqual(['Sorry about that! Which size do you need?']);
  });

  await test.step('with the panel closed, a new answer shows as an unread badge', async () => {
    await widget.panel.getByRole('button', { name: 'Close chat' }).click();
    await expect(widget.panel).toBeHidden();
    await parley.agentReply(conversationId, 'We can ship size 42 today.');
    await expect(widget.launcher).toHaveAccessibleName('Open chat, 1 unread');
  });

  await test.step('after a reload the same conversation is there, in order, still unread', async () => {
    await page.reload();
    await expect(widget.launcher).toHaveAccessibleName('Open chat, 1 unread');
    await widget.open();
    await expect(widget.message('We can ship size 42 today.')).toBeVisible();
    expect(await widget.transcript()).toEqual([
      'Hi! Ask us anything about your gear.',
      'My boots arrived in the wrong size.',
      'Sorry about that! Which size do you need?',
      'We can ship size 42 today.',
    ]);
    await expect(widget.launcher).toHaveAccessibleName('Close chat');
    expect(await widget.conversationId()).toBe(conversationId);
  });

  await test.step('a second tab continues the same conversation', async () => {
    const second = new Widget(await page.context().newPage());
    await second.page.goto(parley.site.url);
    await second.open();
    await expect(second.message('We can ship size 42 today.')).toBeVisible();
    await second.send('Size 42 please.');
    await expect(widget.message('Size 42 please.')).toHaveCount(1);
    await second.page.close();
  });
});
