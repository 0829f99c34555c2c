// Week one with the API: the admin creates a token for a script, the script lists
// conversations with it, the admin revokes it and the script is refused at once; the
// audit log shows both steps, and the API reference documents the endpoints.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, signIn } from './inbox-fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(', ')}`);
}

test('an admin issues an API token, a script uses it, and revoking it locks the script out', async ({
  page,
  parley,
}) => {
  const base = parley.url;
  const listConversations = (token: string) =>
    fetch(`${base}/api/v1/admin/conversations?status=all`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  await signIn(page, base, ADMIN.email);

  let secret = '';
  await test.step('the admin creates a token and copies its secret, shown once', async () => {
    await page.goto(`${base}/admin/api-tokens`);
    await expect(page.getByText('No API tokens yet.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Nightly report');
    await page.getByRole('button', { name: 'Create token' }).click();
    const panel = page.getByRole('region', { name: 'New token secret' });
    await expect(panel).toContainText('You won’t see it again');
    secret = await panel.getByLabel('Token secret').inputValue();
    expect(secret).toMatch(/^pk_/);
    await panel.getByRole('button', { name: 'Copy token' }).click();
    await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const listed = page.getByRole('listitem', { name: 'Nightly report' });
    await expect(listed).toContainText(`pk_…${secret.slice(-4)}`);
    await expect(listed).toContainText('never used');
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Done' }).click();
    await expect(panel).toHaveCount(0);
  });

  await test.step('a script lists conversations with it', async () => {
    const response = await listConversations(secret);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ conversations: [], nextCursor: null });
    await page.reload();
    await expect(page.getByRole('listitem', { name: 'Nightly report' })).toContainText('last used');
    // The secret is never shown again.
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  await test.step('the admin revokes it after confirming, and the script gets 401', async () => {
    await page.getByRole('button', { name: 'Revoke Nightly report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Nightly report”?' });
    await expect(dialog).toContainText('401');
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(page.getByRole('listitem', { name: 'Nightly report' })).toContainText('Revoked');
    const response = await listConversations(secret);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
  });

  await test.step('the audit log shows the creation and the revocation', async () => {
    await page.goto(`${base}/admin/audit`);
    const entries = page.getByRole('region', { name: 'Audit entries' });
    await expect(entries.getByText('api_token.created')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Action').selectOption('api_token.revoked');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/action=api_token\.revoked/);
    const rows = entries.getByRole('row');
    await expect(rows).toHaveCount(2); // the header and one entry
    await expect(rows.nth(1)).toContainText('ann');
    await expect(rows.nth(1)).toContainText('name: Nightly report');
    await expect(entries.getByText('api_token.created')).toHaveCount(0);
    await rows.nth(1).getByText('name: Nightly report').click();
    await expect(rows.nth(1).locator('pre')).toContainText('"apiTokenId"');
  });

  await test.step('the API reference documents the endpoints and links the raw document', async () => {
    await page.goto(`${base}/admin/api`);
    await expect(page.getByRole('heading', { name: 'Admin: API tokens' })).toBeVisible();
    const revoke = page.locator('#deleteAdminApiTokensById');
    await revoke.locator('summary').click();
    await expect(revoke).toContainText('/api/v1/admin/api-tokens/{id}');
    await expect(revoke).toContainText('Service token or admin session');
    expect(await seriousViolations(page)).toEqual([]);
    const raw = await page.request.get(
      await page
        .getByRole('link', { name: 'OpenAPI 3.1 JSON' })
        .getAttribute('href')
        .then((h) => `${base}${h}`),
    );
    expect((await raw.json()).openapi).toBe('3.1.0');
  });
});
