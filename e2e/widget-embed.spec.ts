// What a site owner gets from the one script tag: a light loader that pulls the chat only
// when needed, no globals but `Parley`, a command queue that works before the script has
// loaded, and the data-* attributes for language, color and side.
import { expect, test } from './fixtures';
import { Widget } from './widget';

test('the page loads only the small loader and the config until the visitor shows interest', async ({
  page,
  parley,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(parley.url)) requested.push(new URL(request.url()).pathname);
  });
  await page.goto(parley.site.url);
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual(['/widget.js', '/api/v1/widget/config']);

  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(requested.some((path) => /^\/widget\/app-[a-z]{2}-[0-9a-f]+\.js$/.test(path))).toBe(true);
});

test('the widget adds no global but Parley', async ({ page, parley }) => {
  const globals = () => page.evaluate(() => Object.keys(window).sort());
  await page.route(`${parley.url}/widget.js`, (route) => route.abort());
  await page.goto(parley.site.url);
  const without = await globals();
  await page.unroute(`${parley.url}/widget.js`);
  await page.reload();
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await globals()).toEqual(without);
  expect(without).toContain('Parley');
});

test('commands queued before the script loads are run, and identify names the visitor', async ({
  page,
  parley,
}) => {
  const commands = [
    ['identify', { name: 'Kim Lee', email: 'kim@example.com', plan: 'pro' }],
    ['open'],
  ];
  await page.goto(`${parley.site.url}/?commands=${encodeURIComponent(JSON.stringify(commands))}`);
  const widget = new Widget(page);
  await expect(widget.panel).toBeVisible();
  await widget.send('Hello from a known customer');
  const id = await widget.conversationId();
  await expect(widget.message('Hello from a known customer').locator('time')).toBeVisible();
  const { conversation } = await parley.conversation(id);
  expect(conversation.name).toBe('Kim Lee');
  expect(conversation.fields).toMatchObject({ email: 'kim@example.com', plan: 'pro' });
});

test('data attributes choose the language, the color and the side', async ({ page, parley }) => {
  await page.goto(`${parley.site.url}/?locale=de&color=%23ffcc00&position=left`);
  const launcher = page.getByRole('button', { name: 'Chat öffnen' });
  await expect(launcher).toBeVisible();
  expect((await launcher.boundingBox())!.x).toBeLessThan(100);
  await launcher.click();
  const panel = page.getByRole('dialog');
  await expect(panel.getByRole('textbox', { name: 'Nachricht schreiben…' })).toBeVisible();
  const header = panel.locator('header');
  await expect(header).toHaveCSS('background-color', 'rgb(255, 204, 0)');
  // A light brand color gets dark text, so the header stays readable.
  await expect(header).toHaveCSS('color', 'rgb(17, 17, 17)');
  await expect(page.getByRole('button', { name: 'Chat schließen' }).first()).toBeVisible();
});

test('the /demo page embeds the widget and its buttons drive the JavaScript API', async ({
  page,
  parley,
}) => {
  await page.goto(`${parley.url}/demo?color=%230f766e`);
  await page.getByRole('button', { name: "Parley('open')" }).click();
  const widget = new Widget(page);
  await expect(widget.panel).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^open$/ })).toBeVisible();
  await page.getByRole('button', { name: "Parley('close')" }).click();
  await expect(widget.panel).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: /^close$/ })).toBeVisible();
});

test('listeners a page registered before the loader hear the first open, config or not', async ({
  page,
  parley,
}) => {
  // The config answers late: the app (its language known from the browser) is in first.
  await page.route('**/api/v1/widget/config', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(`${parley.url}/demo`);
  await page.getByRole('button', { name: "Parley('open')" }).click();
  await expect(new Widget(page).panel).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^open$/ })).toBeVisible();
});
