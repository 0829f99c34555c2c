// An agent corrects or withdraws what they wrote: the visitor's widget shows the new text
// with an "edited" mark, or "Message deleted" in its place, live and after a reload.
import { AGENT_EMAIL, expect, test } from './fixtures';

interface Posted {
  id: string;
  text: string;
}

test('an agent’s edit and deletion reach the widget live, and stay after a reload', async ({
  page,
  parley,
  widget,
}) => {
  await widget.open();
  await widget.send('Which sizes do the Trail boots come in?');
  const id = await widget.conversationId();
  await parley.agentReply(id, 'From 38 to 46.');
  await parley.agentReply(id, 'Ignore my colleague, we are out of stock.');
  await expect(widget.message('we are out of stock')).toBeVisible();
  const { messages } = await parley.conversation(id);
  const [sizes, stock] = messages.filter((m) => m.author === 'agent') as unknown as Posted[];

  await test.step('an edit changes the text in place and marks it edited', async () => {
    await parley.admin('PATCH', `/conversations/${id}/messages/${sizes!.id}`, {
      text: 'From 38 to 47.',
      agentEmail: AGENT_EMAIL,
    });
    const edited = widget.message('From 38 to 47.');
    await expect(edited).toContainText('edited');
    await expect(widget.message('From 38 to 46.')).toHaveCount(0);
  });

  await test.step('a deletion leaves "Message deleted" in its place, with no Reply', async () => {
    await parley.admin('DELETE', `/conversations/${id}/messages/${stock!.id}`);
    await expect(widget.message('we are out of stock')).toHaveCount(0);
    const deleted = widget.message('Message deleted');
    await expect(deleted).toBeVisible();
    await expect(deleted.getByRole('button', { name: /^Reply to:/ })).toHaveCount(0);
  });

  await test.step('after a reload the transcript shows the same', async () => {
    await page.reload();
    // The panel was open in this tab, so it opens again by itself.
    await expect(widget.panel).toBeVisible();
    await expect(widget.message('From 38 to 47.')).toContainText('edited');
    await expect(widget.message('Message deleted')).toBeVisible();
    await expect(widget.message('we are out of stock')).toHaveCount(0);
  });
});

test('an edit made while the visitor was away reaches them on the catch-up', async ({
  page,
  parley,
  widget,
}) => {
  await widget.open();
  await widget.send('Do you ship to Iceland?');
  const id = await widget.conversationId();
  await parley.agentReply(id, 'Yes, in 5 days.');
  await expect(widget.message('Yes, in 5 days.')).toBeVisible();
  const { messages } = await parley.conversation(id);
  const answer = messages.find((m) => m.author === 'agent') as unknown as Posted;

  // The visitor's network drops; the agent corrects the answer meanwhile.
  await page.context().setOffline(true);
  await parley.admin('PATCH', `/conversations/${id}/messages/${answer.id}`, {
    text: 'Yes, in 7 days.',
    agentEmail: AGENT_EMAIL,
  });
  await page.context().setOffline(false);
  await expect(widget.message('Yes, in 7 days.')).toContainText('edited');
});
