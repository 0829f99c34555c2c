// A first-time visitor sees the widget on brand from its first frame: the launcher in the
// admin's colour and corner before any click, the panel opening in that corner, and the
// host page never moving.
import { expect, test } from './fixtures';

test.use({
  parleySetup: {
    departments: [],
    widgetSettings: { title: 'Acme support', color: '#0f766e', position: 'left' },
  },
});

interface Frame {
  background: string;
  left: number;
  right: number;
}

test('a fresh visitor sees the configured colour and corner on every frame, and the page never shifts', async ({
  page,
  parley,
}) => {
  // Samples the launcher on every animation frame from the moment it exists, and every
  // layout shift of the page.
  await page.addInitScript(() => {
    const frames: Frame[] = [];
    const state = { frames, shift: 0 };
    Object.assign(window, { parleyFirstPaint: state });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.shift += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
    const sample = () => {
      const launcher = document
        .querySelector('parley-chat')
        ?.shadowRoot?.querySelector<HTMLElement>('.l');
      if (launcher?.isConnected) {
        // Layout boxes, not the hover's scale: where the launcher is placed.
        frames.push({
          background: getComputedStyle(launcher).backgroundColor,
          left: launcher.offsetLeft,
          right: innerWidth - launcher.offsetLeft - launcher.offsetWidth,
        });
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });

  const heading = page.getByRole('heading', { name: 'Acme Hiking Gear' });
  await page.goto(parley.site.url);
  const headingBox = await heading.boundingBox();
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeVisible();
  // A second's worth of frames after the launcher first showed.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { parleyFirstPaint: { frames: Frame[] } }).parleyFirstPaint.frames
            .length,
      ),
    )
    .toBeGreaterThan(30);

  const seen = await page.evaluate(() => {
    const { frames, shift } = (
      window as unknown as { parleyFirstPaint: { frames: Frame[]; shift: number } }
    ).parleyFirstPaint;
    return { looks: [...new Set(frames.map((f) => `${f.background} left ${f.left}`))], shift };
  });
  expect(seen.looks).toEqual(['rgb(15, 118, 110) left 20']);

  await test.step('the panel opens in the same corner, and the launcher stays put', async () => {
    const before = await launcher.boundingBox();
    await launcher.click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('textbox', { name: 'Write a message…' })).toBeVisible();
    expect((await panel.boundingBox())!.x).toBe(20);
    await expect(panel.locator('header')).toHaveCSS('background-color', 'rgb(15, 118, 110)');
    // Away from the pointer, whose hover enlarges it a little.
    await page.mouse.move(400, 100);
    const closeButton = page.getByRole('button', { name: 'Close chat' }).first();
    await expect.poll(() => closeButton.boundingBox()).toEqual(before);
    const looks = await page.evaluate(() => [
      ...new Set(
        (
          window as unknown as { parleyFirstPaint: { frames: Frame[] } }
        ).parleyFirstPaint.frames.map((f) => `${f.background} left ${f.left}`),
      ),
    ]);
    expect(looks).toEqual(['rgb(15, 118, 110) left 20']);
  });

  await test.step('nothing on the host page moved', async () => {
    expect(await heading.boundingBox()).toEqual(headingBox);
    const shift = await page.evaluate(
      () => (window as unknown as { parleyFirstPaint: { shift: number } }).parleyFirstPaint.shift,
    );
    expect(shift).toBe(0);
  });
});
