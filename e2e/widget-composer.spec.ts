// The message box's extras: the emoji picker, downloaded only when first opened, puts emoji
// where the caret is and closes with Escape; and the panel keeps still for visitors who ask
// for reduced motion.
import { expect, test } from './fixtures';

test('the emoji picker loads on first use and inserts at the caret', async ({ page, widget }) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    const match = /\/widget\/([a-z-]+)-[0-9a-f]+\.js$/.exec(new URL(request.url()).pathname);
    if (match) chunks.push(match[1]!);
  });
  await widget.open();
  await widget.composer.fill('Thanks !');
  expect(chunks).not.toContain('emoji');

  // The caret before the "!".
  await widget.composer.press('ArrowLeft');
  await widget.panel.getByRole('button', { name: 'Emoji' }).click();
  const picker = widget.panel.getByRole('group', { name: 'Emoji' });
  await expect(picker).toBeVisible();
  expect(chunks).toContain('emoji');
  await picker.getByRole('button', { name: 'Symbols' }).click();
  await picker.getByRole('button', { name: '❤️', exact: true }).click();
  await expect(widget.composer).toHaveValue('Thanks ❤️!');

  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(widget.panel).toBeVisible();
  await expect(widget.composer).toBeFocused();
});

test('with reduced motion the panel appears without animating', async ({ page, widget }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await widget.open();
  await expect(widget.panel).toHaveCSS('animation-name', 'none');
  await widget.launcher.click();
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await widget.open();
  await expect(widget.panel).toHaveCSS('animation-name', 'rise');
});
