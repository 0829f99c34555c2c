// Ann puts a photo on her profile: it shows on her profile, beside her replies in the
// transcript, on the conversations she holds in the list, on the team page, and reaches the
// customer with her reply and the widget with the team's faces.
import type { Locator } from '@playwright/test';
import { CustomerClient } from '../test/customer-client';
import * as files from '../test/files';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn, transcript } from './inbox-fixtures';

test.use({ parleySetup: { departments: [{ name: 'Faces' }], widgetSettings: {} } });

const AVATAR = /^http:\/\/localhost:\d+\/api\/v1\/avatars\/[0-9a-f]{32}\.webp$/;

/** The photo inside `scope`, once the browser has decoded it. */
async function photoIn(scope: Locator): Promise<string> {
  const image = scope.locator('img[src*="/api/v1/avatars/"]').first();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  return (await image.getAttribute('src')) ?? '';
}

test('an agent’s photo follows them through the inbox and to the customer', async ({
  page,
  parley,
}) => {
  const customer = await CustomerClient.start(parley.url, { name: 'Maria' });
  await customer.connect();
  await customer.send('Hello?');
  let avatarUrl = '';

  await test.step('Ann uploads a photo on her profile; her initials make way for it', async () => {
    await signIn(page, parley.url, ADMIN.email, ADMIN.password);
    await page.goto(`${parley.url}/profile`);
    await expect(page.getByRole('img', { name: 'Your initials, ann' })).toHaveText('A');
    await page
      .getByLabel('Profile photo')
      .setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: await files.jpegWithGps() });
    avatarUrl = await photoIn(page.getByRole('img', { name: 'Your photo' }));
    expect(avatarUrl).toMatch(AVATAR);
  });

  await test.step('her reply carries it, in the transcript and to the customer', async () => {
    await page.goto(`${parley.url}/inbox`);
    await conversationList(page).getByRole('button', { name: /Maria/ }).click();
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.fill('Hi Maria, Ann here.');
    await composer.press('Enter');
    const reply = transcript(page).getByRole('article', { name: 'Message from ann' });
    expect(await photoIn(reply)).toBe(avatarUrl);
    await expect
      .poll(() => customer.received.find((m) => m.author === 'agent')?.agentAvatarUrl)
      .toBe(avatarUrl);
  });

  await test.step('the list shows who holds the conversation by their face', async () => {
    await page.getByRole('tab', { name: /Mine/ }).click();
    expect(await photoIn(conversationList(page).getByRole('button', { name: /Maria/ }))).toBe(
      avatarUrl,
    );
  });

  await test.step('admins see it on the team page; the widget gets it with the team', async () => {
    await page.goto(`${parley.url}/admin/team`);
    expect(await photoIn(page.getByRole('row', { name: 'ann' }))).toBe(avatarUrl);
    const config = await (await page.request.get(`${parley.url}/api/v1/widget/config`)).json();
    expect(config.agents).toContainEqual({ name: 'ann', avatarUrl });
  });
  customer.close();
});
