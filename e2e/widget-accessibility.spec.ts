// The whole flow works from the keyboard alone, focus goes where a keyboard user expects,
// and axe-core finds no serious problem in light or dark mode.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({
  parleySetup: {
    departments: [
      { name: 'Sales', description: 'Orders and quotes' },
      { name: 'Support', description: 'Help with your gear' },
    ],
    widgetSettings: {},
    preChatFields: [{ id: 'name', label: 'Name', type: 'text', required: true }],
  },
});

async function seriousViolations(page: Page): Promise<string[]> {
  // Judge the settled panel, not a frame of its opening animation.
  await page.evaluate(() =>
    Promise.all(
      (document.querySelector('parley-chat')?.shadowRoot?.getAnimations() ?? []).map(
        (animation) => animation.finished,
      ),
    ),
  );
  const results = await new AxeBuilder({ page })
    .include('parley-chat')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
}

test('a keyboard-only visitor can start, write and leave a conversation', async ({
  page,
  widget,
}) => {
  await test.step('Tab reaches the launcher after the page content; Enter opens the panel', async () => {
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      if (await widget.launcher.evaluate((button) => button.matches(':focus'))) break;
    }
    await expect(widget.launcher).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.panel).toBeVisible();
    await expect(widget.panel.getByRole('button', { name: /Sales/ })).toBeFocused();
  });

  await test.step('a department and the form are chosen and filled with the keyboard', async () => {
    await page.keyboard.press('Tab');
    await expect(widget.panel.getByRole('button', { name: /Support/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.panel.getByLabel('Name *')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.panel.getByText('This field is required')).toBeVisible();
    await expect(widget.panel.getByLabel('Name *')).toBeFocused();
    await page.keyboard.type('Kim');
    await page.keyboard.press('Enter');
    await expect(widget.composer).toBeFocused();
  });

  await test.step('Enter sends, Shift+Enter starts a new line', async () => {
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Enter');
    await expect(widget.message('second line').locator('.bubble')).toHaveText(
      'First line\nsecond line',
    );
    await expect(widget.composer).toHaveValue('');
    await expect(widget.composer).toBeFocused();
  });

  await test.step('Escape closes the panel and returns focus to the launcher', async () => {
    await page.keyboard.press('Escape');
    await expect(widget.panel).toBeHidden();
    await expect(widget.launcher).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.composer).toBeFocused();
  });
});

test('axe-core finds no serious accessibility problem', async ({ page, widget }) => {
  expect(await seriousViolations(page)).toEqual([]);
  await widget.open();
  expect(await seriousViolations(page)).toEqual([]);
  await widget.panel.getByRole('button', { name: /Sales/ }).click();
  await widget.panel.getByLabel('Name *').fill('Kim');
  await widget.panel.getByRole('button', { name: 'Start chat' }).click();
  await widget.send('Is this accessible?');
  await expect(widget.message('Is this accessible?').locator('time')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('a conversation with faces, a quote being written and the emoji picker has no serious problem', async ({
  page,
  parley,
  widget,
}) => {
  await widget.open();
  await widget.panel.getByRole('button', { name: /Support/ }).click();
  await widget.panel.getByLabel('Name *').fill('Kim');
  await widget.panel.getByRole('button', { name: 'Start chat' }).click();
  await widget.send('Where is my order?');
  await parley.agentReply(await widget.conversationId(), 'On its way, it arrives tomorrow.');
  const answer = widget.message('arrives tomorrow');
  await answer.getByRole('button', { name: /^Reply to:/ }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.panel.getByText('Replying to ann')).toBeVisible();
  await widget.panel.getByRole('button', { name: 'Emoji' }).click();
  await expect(widget.panel.getByRole('group', { name: 'Emoji' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});
