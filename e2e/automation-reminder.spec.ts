// Nobody claims a conversation: with the reminder thresholds shortened through the settings
// API, the inbox marks it as waiting, then as still waiting, and the marks go once an agent
// claims it. The customer never sees a reminder.
import { CustomerClient } from '../test/customer-client';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn } from './inbox-fixtures';

// A server of its own, so the sweep settings below touch no other spec.
test.use({ parleySetup: { departments: [{ name: 'Reminders' }], widgetSettings: {} } });

test('an unclaimed conversation is brought to the agents’ attention, twice', async ({
  page,
  parley,
}) => {
  await parley.admin('POST', '/settings', {
    automation: { firstReminderSeconds: 2, secondReminderSeconds: 5, sweepIntervalSeconds: 1 },
  });
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);
  await page.getByRole('tab', { name: /Unclaimed/ }).click();

  const customer = await CustomerClient.start(parley.url, { name: 'Olga' });
  await customer.connect();
  await customer.send('Hello, is anybody there?');
  const item = conversationList(page).getByRole('listitem').filter({ hasText: 'Olga' });
  await expect(item).toBeVisible();

  await expect(item.getByText('Waiting for a claim', { exact: true })).toBeVisible();
  await expect(item.getByText('Still waiting for a claim')).toBeVisible();

  await parley.admin('POST', `/conversations/${customer.conversationId}/claim`, {
    agentEmail: ADMIN.email,
  });
  await page.getByRole('tab', { name: /All open/ }).click();
  const claimed = conversationList(page).getByRole('listitem').filter({ hasText: 'Olga' });
  await expect(claimed).toBeVisible();
  await expect(claimed.getByText(/waiting for a claim/i)).toHaveCount(0);

  const { body } = await customer.history();
  expect(body.messages.map((m) => m.author)).toEqual(['customer']);
  customer.close();
});
