// How the agent pages look and load: each has a title of its own and loads without a failed
// request (favicon included); the theme follows the system, light or dark, across the inbox,
// the console and the sign-in page; and axe finds nothing serious in either theme.
import type { Page } from '@playwright/test';
import { CustomerClient } from '../test/customer-client';
import { ADMIN_SECTIONS, seriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { ADMIN, conversationList, signIn, transcript } from './inbox-fixtures';

test.use({ parleySetup: { departments: [{ name: 'Looks' }], widgetSettings: {} } });

const CONSOLE = ['/admin', ...ADMIN_SECTIONS.flatMap((s) => (s.href ? [s.href] : []))];

/**
 * The relative luminance (0 black … 1 white) of an element's own background colour, or -1
 * when it has none (a transparent background shows what is behind, not a theme).
 */
function backgroundLuminance(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      // Colours compute as oklch(); a canvas turns any CSS colour into sRGB bytes.
      const context = document.createElement('canvas').getContext('2d')!;
      context.fillStyle = getComputedStyle(element).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      const pixel = context.getImageData(0, 0, 1, 1).data;
      if (pixel[3] === 0) return -1;
      const [r, g, b] = [...pixel.slice(0, 3)].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    });
}

async function openConversation(page: Page, base: string) {
  await page.goto(`${base}/inbox`);
  await conversationList(page).getByRole('button', { name: /Maria/ }).first().click();
  await expect(transcript(page).getByText('Is this thing on?')).toBeVisible();
}

test.beforeAll(async ({ parley }) => {
  const customer = await CustomerClient.start(parley.url, { name: 'Maria' });
  await customer.connect();
  await customer.send('Is this thing on?');
  customer.close();
});

test('every page has its own title and loads without a failed request', async ({
  page,
  parley,
}) => {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  const titles = new Map<string, string>();
  await page.goto(`${parley.url}/login`);
  titles.set('/login', await page.title());
  await signIn(page, parley.url, ADMIN.email, ADMIN.password);
  for (const path of ['/inbox', '/profile', ...CONSOLE]) {
    await page.goto(`${parley.url}${path}`);
    await expect(page.getByRole('heading').first()).toBeVisible();
    // The inbox counts unread conversations in its title: `(1) Inbox · Parley`.
    titles.set(path, (await page.title()).replace(/^\(\d+\) /, ''));
  }
  await openConversation(page, parley.url);

  expect(titles.get('/login')).toBe('Sign in · Parley');
  expect(titles.get('/inbox')).toBe('Inbox · Parley');
  expect(titles.get('/admin/team')).toBe('Team · Admin · Parley');
  for (const [path, title] of titles) expect(title, path).toMatch(/^\S.* · Parley$/);
  expect(new Set(titles.values()).size).toBe(titles.size);
  expect(failures).toEqual([]);

  for (const file of ['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png', '/robots.txt']) {
    const response = await page.request.get(`${parley.url}${file}`);
    expect(response.status(), file).toBe(200);
  }
  await expect(page.locator('link[rel="icon"][href^="/favicon.svg"]')).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    const isDark = colorScheme === 'dark';
    const expectTheme = async (page: Page, selectors: string[]) => {
      for (const selector of selectors) {
        const luminance = await backgroundLuminance(page, selector);
        expect(luminance, selector).toBeGreaterThanOrEqual(0);
        if (isDark) expect(luminance, selector).toBeLessThan(0.05);
        else expect(luminance, selector).toBeGreaterThan(0.85);
      }
    };

    test('the inbox, the console and sign-in follow it, with nothing serious for axe', async ({
      page,
      parley,
    }) => {
      await page.goto(`${parley.url}/login`);
      await expectTheme(page, ['body']);
      expect(await seriousViolations(page), '/login').toEqual([]);

      await signIn(page, parley.url, ADMIN.email, ADMIN.password);
      await openConversation(page, parley.url);
      await expectTheme(page, [
        'body',
        'header',
        'aside[aria-label="Inbox"]',
        '[role="log"]',
        '[data-composer]',
        'aside[aria-label="Customer details"]',
      ]);
      expect(await seriousViolations(page), '/inbox').toEqual([]);

      for (const path of ['/admin/team', '/admin/widget', '/admin/conversations', '/profile']) {
        await page.goto(`${parley.url}${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectTheme(page, ['body', 'header']);
        // The widget preview frame is the widget's own page, checked by its own specs.
        expect(await seriousViolations(page, 'main'), path).toEqual([]);
      }
    });
  });
}
