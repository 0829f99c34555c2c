// Two agents and a customer: a conversation arrives live, Ann claims and answers it, Ben
// sees it is Ann's and is refused until he takes over, a private note stays private, Ann
// closes with her own closing message, and the customer writing again reopens it.
import { CustomerClient } from '../test/customer-client';
import { expect, test } from './fixtures';
import { ADMIN, addAgent, agentPage, conversationList, signIn, transcript } from './inbox-fixtures';

// A server of its own (departments make the worker distinct), so the lists start empty.
test.use({
  parleySetup: { departments: [{ name: 'Orders' }, { name: 'Billing' }], widgetSettings: {} },
});

test('agents handle a conversation live, end to end', async ({ page, browser, parley }) => {
  const base = parley.url;
  const benEmail = await addAgent(base, 'Ben');
  let customer: CustomerClient;

  await test.step('Ann signs in; a new conversation appears live in Unclaimed', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('tab', { name: /Unclaimed/ }).click();
    await expect(conversationList(page)).toContainText('Nothing here');
    customer = await CustomerClient.start(base, {
      name: 'Maria',
      departmentId: parley.departments.get('Orders'),
      fields: { order: 'A-1001' },
      page: { url: 'https://shop.example/checkout' },
      locale: 'en-GB',
    });
    await customer.connect();
    await customer.send('My order is late');
    const item = conversationList(page).getByRole('button', {
      name: /Maria, unread: My order is late/,
    });
    await expect(item).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Unclaimed 1' })).toBeVisible();
    await expect(page).toHaveTitle(/^\(1\) Inbox/);
  });

  await test.step('the department filter and the search narrow the list', async () => {
    const department = page.getByRole('combobox', { name: 'Department' });
    await department.selectOption({ label: 'Billing' });
    await expect(conversationList(page)).toContainText('Nothing here');
    await department.selectOption({ label: 'Orders' });
    await expect(conversationList(page).getByRole('button', { name: /Maria/ })).toBeVisible();
    await department.selectOption({ label: 'All departments' });
    const search = page.getByRole('searchbox', { name: 'Search conversations' });
    await search.fill('parcel');
    await expect(conversationList(page)).toContainText('Nothing here');
    await search.fill('order is late');
    await expect(conversationList(page).getByRole('button', { name: /Maria/ })).toBeVisible();
    await search.fill('');
  });

  await test.step('Ann opens it, sees who the customer is, claims and replies', async () => {
    await conversationList(page).getByRole('button', { name: /Maria/ }).click();
    const panel = page.getByRole('region', { name: 'Customer' });
    await expect(panel).toContainText('https://shop.example/checkout');
    await expect(panel).toContainText('A-1001');
    await expect(panel).toContainText('en-GB');
    await expect(panel).toContainText('Orders');
    await expect(transcript(page).getByText('My order is late')).toBeVisible();
    await expect(page).toHaveTitle(/^Inbox/);

    await page.getByRole('button', { name: 'Claim' }).click();
    await expect(page.getByText('Assigned to you')).toBeVisible();
    await expect(conversationList(page)).toContainText('Nothing here');

    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.fill('Sorry Maria, let me check.');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('One moment.');
    await composer.press('Enter');
    await expect(transcript(page).getByText('One moment.')).toBeVisible();
    await expect
      .poll(() => customer.received.map((m) => m.text))
      .toContain('Sorry Maria, let me check.\nOne moment.');
    expect(customer.received.at(-1)).toMatchObject({ author: 'agent', agentName: 'ann' });
  });

  const ben = await agentPage(browser, base, benEmail);
  await test.step('Ben sees it is claimed by Ann and is refused when he replies', async () => {
    await ben.getByRole('tab', { name: /All open/ }).click();
    await conversationList(ben).getByRole('button', { name: /Maria/ }).click();
    await expect(ben.getByText('Claimed by ann — take over?')).toBeVisible();
    await expect(page.getByText('Also here: Ben')).toBeVisible();
    const composer = ben.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.fill('Ben here, can I help?');
    await composer.press('Enter');
    await expect(
      ben.getByRole('alert').filter({ hasText: 'Claimed by ann; take it over to reply' }),
    ).toBeVisible();
    await expect(composer).toHaveValue('Ben here, can I help?');
    expect(customer.received.map((m) => m.text)).not.toContain('Ben here, can I help?');
  });

  await test.step('typing shows on both sides', async () => {
    customer.socket!.emit('typing', { typing: true });
    await expect(page.getByText('Maria is typing…')).toBeVisible();
    const seen: { typing: boolean; name: string }[] = [];
    customer.socket!.on('typing', (payload: { typing: boolean; name: string }) =>
      seen.push(payload),
    );
    await page.getByRole('textbox', { name: 'Reply to the customer' }).pressSequentially('Still');
    await expect.poll(() => seen).toContainEqual({ typing: true, name: 'ann' });
    await expect(ben.getByText('ann is typing…')).toBeVisible();
    await page.getByRole('textbox', { name: 'Reply to the customer' }).fill('');
  });

  await test.step('a private note reaches agents only', async () => {
    await page.getByRole('button', { name: 'Private note' }).click();
    const note = page.getByRole('textbox', { name: 'Private note' });
    await note.fill('Order A-1001 is stuck at the warehouse');
    await note.press('Enter');
    await expect(
      transcript(page).getByRole('article', { name: 'Private note by ann' }),
    ).toContainText('stuck at the warehouse');
    await expect(transcript(ben).getByText('Order A-1001 is stuck at the warehouse')).toBeVisible();
    const { body } = await customer.history();
    expect(body.messages.map((m) => m.text).join('\n')).not.toContain('warehouse');
    expect(customer.received.map((m) => m.text).join('\n')).not.toContain('warehouse');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
  });

  await test.step('Ann sets her closing message and closes; the customer gets it', async () => {
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByLabel('Closing message').fill('Thanks for chatting, Maria. — Ann');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.goto(`${base}/inbox?c=${customer.conversationId}`);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this conversation?' });
    await dialog.getByRole('button', { name: 'Close conversation' }).click();
    await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await expect
      .poll(() => customer.received.at(-1)?.text)
      .toBe('Thanks for chatting, Maria. — Ann');
    await expect(ben.getByRole('button', { name: 'Reopen' })).toBeVisible();
  });

  await test.step('the customer writes again: it is back in Unclaimed, live', async () => {
    await page.getByRole('tab', { name: /Unclaimed/ }).click();
    await expect(conversationList(page)).toContainText('Nothing here');
    await customer.send('Actually, one more question');
    // Ann has it open, so it arrives already read for her.
    await expect(
      conversationList(page).getByRole('button', { name: /Maria: Actually, one more question/ }),
    ).toBeVisible();
    await expect(transcript(page).getByText('The conversation was reopened.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Claim' })).toBeVisible();
  });

  await test.step('the keyboard works: ? lists shortcuts, c claims', async () => {
    await page.getByRole('heading', { name: 'Maria' }).click();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toContainText('Claim the open conversation');
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();
    await page.keyboard.press('c');
    await expect(page.getByText('Assigned to you')).toBeVisible();
  });

  await test.step('after a server restart the inbox reconnects by itself and stays live', async () => {
    await parley.stop();
    await expect(page.getByText('Reconnecting…')).toBeVisible();
    await parley.start();
    await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => customer.socket!.connected, { timeout: 30_000 }).toBe(true);
    await customer.send('Are you still there?');
    await expect(transcript(page).getByText('Are you still there?')).toBeVisible();
    await expect(page).toHaveURL(/\/inbox/);
  });

  customer!.close();
  await ben.context().close();
});
