// Helpers for the inbox specs, on top of the shared server fixture (e2e/fixtures.ts): sign
// in through the login page, add teammates through the Team API, and open the inbox.
import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Page } from '@playwright/test';
import { signInOverHttp } from '../test/agent-session';
import { TEST_ADMIN } from '../test/server';

export const ADMIN = { ...TEST_ADMIN, name: 'ann' };
export const PASSWORD = 'correct horse battery';

export async function signIn(page: Page, base: string, email: string, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/inbox/);
  // Exact: a codename such as "Olive Fox" contains the word too.
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
}

/** Adds an agent (as the admin, over the API) and returns their email. */
export async function addAgent(base: string, name: string, role: 'agent' | 'admin' = 'agent') {
  const cookie = await signInOverHttp(base, ADMIN.email, ADMIN.password);
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com`;
  const response = await fetch(`${base}/api/v1/agent/agents`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name, email, role, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`adding ${name} failed: ${response.status}`);
  return email;
}

/** A second signed-in agent in a browser context of their own. */
export async function agentPage(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, base, email);
  return page;
}

export const conversationList = (page: Page) => page.getByRole('list', { name: 'Conversations' });
export const transcript = (page: Page) => page.getByRole('log', { name: 'Transcript' });
