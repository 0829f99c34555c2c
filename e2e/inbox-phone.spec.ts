// An agent on a phone (390×844): the list fills the screen, a conversation opens over it,
// the customer's details are a sheet away, the reply box stays in sight when the keyboard
// takes half the screen, and back returns to the list. No page is wider than the phone.
import { CustomerClient } from '../test/customer-client';
import { ADMIN_SECTIONS } from './accessibility';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn, transcript } from './inbox-fixtures';

const PHONE = { width: 390, height: 844 };

test.use({
  parleySetup: { departments: [{ name: 'Pocket' }], widgetSettings: {} },
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
});

const pageWidth = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth);

test('an agent on a phone goes from the list to a reply and back', async ({ page, parley }) => {
  const customer = await CustomerClient.start(parley.url, { name: 'Maria' });
  await customer.connect();
  await customer.send('Where is my parcel?');
  const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
  const back = page.getByRole('button', { name: 'Back to conversations' });

  await test.step('the list fills the screen, nothing wider than the phone', async () => {
    await signIn(page, parley.url, ADMIN.email, ADMIN.password);
    await expect(conversationList(page).getByRole('button', { name: /Maria/ })).toBeVisible();
    await expect(transcript(page)).toHaveCount(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  await test.step('a conversation takes the screen, with the reply box in sight', async () => {
    await conversationList(page).getByRole('button', { name: /Maria/ }).click();
    await expect(transcript(page).getByText('Where is my parcel?')).toBeVisible();
    await expect(conversationList(page)).toBeHidden();
    await expect(composer).toBeInViewport({ ratio: 1 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  await test.step('the customer’s details open as a sheet and close again', async () => {
    await page.getByRole('button', { name: 'Customer', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Customer details' });
    await expect(sheet.getByRole('region', { name: 'Customer' })).toContainText('Maria');
    await sheet.getByRole('button', { name: 'Close customer details' }).click();
    await expect(sheet).toBeHidden();
  });

  await test.step('with the keyboard up (half the height left), the reply box stays above it', async () => {
    await page.setViewportSize({ width: PHONE.width, height: 420 });
    await composer.click();
    await expect(composer).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Send' })).toBeInViewport({ ratio: 1 });
    await composer.fill('It left our warehouse this morning.');
    await composer.press('Enter');
    await expect(transcript(page).getByText('It left our warehouse this morning.')).toBeVisible();
    await expect
      .poll(() => customer.received.map((m) => m.text))
      .toContain('It left our warehouse this morning.');
    await page.setViewportSize(PHONE);
  });

  await test.step('back leads to the list, and so does the browser’s back', async () => {
    await back.click();
    await expect(conversationList(page)).toBeVisible();
    await expect(page).toHaveURL(/\/inbox$/);
    await conversationList(page).getByRole('button', { name: /Maria/ }).click();
    await expect(back).toBeVisible();
    await page.goBack();
    await expect(conversationList(page)).toBeVisible();
    await expect(transcript(page)).toHaveCount(0);
  });

  await test.step('the profile and every console page fit the phone', async () => {
    const paths = [
      '/profile',
      '/admin',
      ...ADMIN_SECTIONS.flatMap((s) => (s.href ? [s.href] : [])),
    ];
    for (const path of paths) {
      await page.goto(`${parley.url}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect({ path, width: await pageWidth(page) }).toEqual({ path, width: PHONE.width });
    }
  });
  customer.close();
});
