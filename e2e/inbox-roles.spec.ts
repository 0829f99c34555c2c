// Roles are enforced on the server: an agent cannot open admin pages and their session
// gets 403 `forbidden` on admin endpoints; disabling an agent signs them out at once.
import { CustomerClient } from '../test/customer-client';
import { expect, test } from './fixtures';
import {
  ADMIN,
  addAgent,
  agentPage,
  conversationList,
  PASSWORD,
  signIn,
  transcript,
} from './inbox-fixtures';

test('an agent cannot use admin pages or endpoints; a disabled agent is signed out', async ({
  page,
  browser,
  parley,
}) => {
  const base = parley.url;
  const email = await addAgent(base, 'Cleo');
  const cleo = await agentPage(browser, base, email);

  await test.step('the admin console is for admins only', async () => {
    await expect(cleo.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await cleo.goto(`${base}/admin/team`);
    await expect(cleo.getByRole('heading', { name: 'Admins only' })).toBeVisible();
    await expect(cleo.getByRole('button', { name: 'Add agent' })).toHaveCount(0);
  });

  await test.step("the agent's session gets 403 forbidden on admin endpoints", async () => {
    for (const path of [
      '/api/v1/admin/conversations',
      '/api/v1/agent/agents',
      '/api/v1/admin/settings',
    ]) {
      const response = await cleo.request.get(`${base}${path}`);
      expect(response.status(), path).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
    }
    const created = await cleo.request.post(`${base}/api/v1/agent/canned-responses`, {
      data: { shortcut: 'hello', text: 'Hello!' },
    });
    expect(created.status()).toBe(403);
  });

  await test.step('the admin manages canned responses the agent then uses with /', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/team`);
    const form = page.getByRole('form', { name: 'Add a canned response' });
    await form.getByLabel('Shortcut').fill('refund');
    await form.getByLabel('Text').fill('Refunds take 3–5 business days.');
    await form.getByRole('button', { name: 'Add canned response' }).click();
    await expect(page.getByRole('region', { name: 'Canned responses' })).toContainText('/refund');
  });

  await test.step('the agent gets a one-time code to link Telegram on their profile', async () => {
    await cleo.getByRole('link', { name: 'Profile' }).click();
    await cleo.getByRole('button', { name: 'Get a link code' }).click();
    await expect(
      cleo.getByText(/Send \/link [A-Z0-9]{4}-[A-Z0-9]{4} in the support group/),
    ).toBeVisible();
  });

  await test.step('with the keyboard, the admin opens a conversation and answers with /refund', async () => {
    const customer = await CustomerClient.start(base, { name: 'Rita' });
    await customer.connect();
    await customer.send('I want my money back');
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('tab', { name: /Unclaimed/ }).click();
    await expect(conversationList(page).getByRole('button', { name: /Rita/ })).toBeVisible();
    await page.keyboard.press('j');
    await expect(conversationList(page).getByRole('button', { name: /Rita/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(transcript(page).getByText('I want my money back')).toBeVisible();
    await page.getByRole('heading', { name: 'Rita' }).click();
    await page.keyboard.press('/');
    const picker = page.getByRole('listbox', { name: 'Canned responses' });
    await expect(picker.getByRole('option', { name: /\/refund/ })).toBeVisible();
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.press('Enter');
    await expect(composer).toHaveValue('Refunds take 3–5 business days.');
    await composer.press('Enter');
    await expect.poll(() => customer.received.at(-1)?.text).toBe('Refunds take 3–5 business days.');
    customer.close();
    await page.goto(`${base}/admin/team`);
  });

  await test.step('the admin disables the agent: signed out at once, and cannot sign in', async () => {
    await cleo.goto(`${base}/inbox`);
    await expect(cleo.getByText('Live', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Disable Cleo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByRole('row', { name: /Cleo/ })).toContainText('Disabled');
    // Her open inbox is dropped by the server, without her doing anything.
    await expect(cleo).toHaveURL(`${base}/login`);
    await cleo.getByLabel('Email').fill(email);
    await cleo.getByLabel('Password').fill(PASSWORD);
    await cleo.getByRole('button', { name: 'Sign in' }).click();
    // The same answer as for a wrong password: nobody learns which accounts exist.
    await expect(
      cleo.getByRole('alert').filter({ hasText: 'Wrong email or password.' }),
    ).toBeVisible();
  });

  await cleo.context().close();
});
