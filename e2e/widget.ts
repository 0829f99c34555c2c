// The widget as a visitor sees it, for the specs: found by role and label, the way a
// screen-reader user or a keyboard user would find it (Playwright pierces the shadow root).
import { expect, type Locator, type Page } from '@playwright/test';

export class Widget {
  readonly launcher: Locator;
  readonly panel: Locator;
  readonly composer: Locator;
  readonly messages: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    // The launcher comes first in the shadow root; hidden ones count so that "hidden" can be checked.
    this.launcher = page
      .locator('parley-chat')
      .getByRole('button', { name: /chat|unread/i, includeHidden: true })
      .first();
    this.panel = page.getByRole('dialog');
    this.composer = this.panel.getByRole('textbox', { name: 'Write a message…' });
    this.messages = this.panel.getByRole('list', { name: 'Messages' }).getByRole('listitem');
    this.banner = this.panel.getByRole('status').first();
  }

  async open(): Promise<void> {
    await this.launcher.click();
    await expect(this.panel).toBeVisible();
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /** A message bubble, found by its text. */
  message(text: string): Locator {
    return this.messages.filter({ hasText: text });
  }

  /** The texts of the transcript's bubbles, in the order shown. */
  async transcript(): Promise<string[]> {
    return this.panel.locator('.message .bubble').allInnerTexts();
  }

  async session(): Promise<{ conversationId: string; token: string } | null> {
    const raw = await this.page.evaluate(() => localStorage.getItem('parley.session'));
    return raw ? JSON.parse(raw) : null;
  }

  async conversationId(): Promise<string> {
    await expect.poll(async () => (await this.session())?.conversationId).toBeTruthy();
    return (await this.session())!.conversationId;
  }
}
