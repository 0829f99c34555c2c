// First run: before anyone exists, every agent page leads to /setup, which creates the
// first admin and signs them in; afterwards /setup is closed.
import { expect, test } from '@playwright/test';
import { type RunningServer, startServer } from '../test/server';

let server: RunningServer;

test.beforeAll(async () => {
  // No ADMIN_EMAIL: the server starts with nobody to sign in as.
  server = await startServer({ env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '', LOG_LEVEL: 'warn' } });
});

test.afterAll(async () => {
  await server?.dispose();
});

test('the first visitor creates the admin account, then setup is closed', async ({
  page,
  browser,
}) => {
  await test.step('the inbox, the team page and the login page all lead to setup', async () => {
    for (const path of ['/inbox', '/admin/team', '/login']) {
      await page.goto(`${server.url}${path}`);
      await expect(page).toHaveURL(`${server.url}/setup`);
    }
    await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
  });

  await test.step('creating the admin signs them in to an empty inbox', async () => {
    await page.getByLabel('Your name').fill('Ann Admin');
    await page.getByLabel('Email').fill('ann@example.org');
    await page.getByLabel('Password', { exact: true }).fill('a long enough secret');
    await page.getByLabel('Repeat password').fill('a long enough secret');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect(page).toHaveURL(/\/inbox/);
    await expect(page.getByText('Ann Admin')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Admin' })).toBeVisible();
  });

  await test.step('setup is closed for everyone else', async () => {
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${server.url}/setup`);
    await expect(other).toHaveURL(`${server.url}/login`);
    const again = await other.request.post(`${server.url}/api/v1/agent/setup`, {
      data: { name: 'Eve', email: 'eve@example.org', password: 'another long secret' },
    });
    expect(again.status()).toBe(409);
  });

  await test.step('signing out leads back to the login page', async () => {
    await page.locator('header summary').click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`${server.url}/inbox`);
    await expect(page).toHaveURL(`${server.url}/login`);
  });
});
