// A visitor who reads German gets the whole widget in German from its first frame: the
// strings arrive as a chunk of their own, and the panel waits for them rather than flash
// English; the start form's words come with the start form.
import { expect, test } from './fixtures';

test.use({
  parleySetup: {
    departments: [{ name: 'Verkauf' }, { name: 'Technik' }],
    widgetSettings: {},
    preChatFields: [{ id: 'name', label: 'Name', type: 'text', required: true }],
  },
});

test('a German visitor never sees an English word, from the launcher to the chat', async ({
  page,
  parley,
}) => {
  // Every frame's panel text, from the moment there is a panel.
  await page.addInitScript(() => {
    const texts: string[] = [];
    Object.assign(window, { panelTexts: texts });
    const sample = () => {
      const panel = document.querySelector('parley-chat')?.shadowRoot?.querySelector('.panel');
      if (panel) texts.push(panel.textContent ?? '');
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.goto(`${parley.site.url}/?locale=de&commands=${encodeURIComponent('[["open"]]')}`);
  const panel = page.getByRole('dialog');
  await expect(panel.getByText('Mit wem möchten Sie sprechen?')).toBeVisible();
  await panel.getByRole('button', { name: 'Technik' }).click();
  await expect(panel.getByRole('button', { name: 'Chat starten' })).toBeVisible();
  await panel.getByRole('button', { name: 'Chat starten' }).click();
  await expect(panel.getByText('Dieses Feld ist erforderlich')).toBeVisible();
  await panel.getByLabel('Name *').fill('Jonas');
  await panel.getByRole('button', { name: 'Chat starten' }).click();
  await expect(panel.getByRole('textbox', { name: 'Nachricht schreiben…' })).toBeVisible();

  const texts = await page.evaluate(
    () => (window as unknown as { panelTexts: string[] }).panelTexts,
  );
  expect(texts.length).toBeGreaterThan(0);
  const english =
    /Who would you like|Loading|Start chat|Write a message|This field is required|Away/;
  expect(texts.filter((text) => english.test(text))).toEqual([]);
});
