// On a phone the panel takes the whole screen, the launcher steps aside while it is open,
// and the close button brings the visitor back to the page.
import { expect, test } from './fixtures';

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

test('on a narrow screen the chat is full-screen and closes back to the page', async ({
  page,
  widget,
}) => {
  const launcher = await widget.launcher.boundingBox();
  expect(launcher).not.toBeNull();
  expect(launcher!.x + launcher!.width).toBeLessThanOrEqual(375);
  expect(launcher!.y + launcher!.height).toBeLessThanOrEqual(667);

  await widget.launcher.tap();
  await expect(widget.panel).toBeVisible();
  // Polled: the panel slides in.
  await expect
    .poll(async () => {
      const box = await widget.panel.boundingBox();
      return box && [box.x, box.y, box.width, box.height].map(Math.round);
    })
    .toEqual([0, 0, 375, 667]);
  await expect(widget.launcher).toBeHidden();

  await widget.send('Writing from my phone');
  await expect(widget.message('Writing from my phone').locator('time')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  expect(overflow).toBe(false);

  await widget.panel.getByRole('button', { name: 'Close chat' }).tap();
  await expect(widget.panel).toBeHidden();
  await expect(widget.launcher).toBeVisible();
});
