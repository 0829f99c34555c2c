// The header says one thing about the team — online with the usual reply time, or away with
// when they are back — and the one banner under it never contradicts it, never stacks, and
// never pushes the greeting out of view.
import postgres from 'postgres';
import { expect, test } from './fixtures';

test.use({
  timezoneId: 'UTC',
  parleySetup: {
    departments: [],
    widgetSettings: { title: 'Acme support', greeting: 'Hi! Ask us anything about your gear.' },
  },
});

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const nineToFive = [{ from: '09:00', to: '17:00' }];

test('outside working hours the visitor reads one line on when the team is back, and one banner', async ({
  page,
  parley,
  widget,
}) => {
  // Today and tomorrow are holidays, so the team is back the day after at 09:00 (UTC).
  await parley.admin('POST', '/settings', {
    workingHours: {
      enabled: true,
      timezone: 'UTC',
      week: {
        mon: nineToFive,
        tue: nineToFive,
        wed: nineToFive,
        thu: nineToFive,
        fri: nineToFive,
        sat: nineToFive,
        sun: nineToFive,
      },
      holidays: [day(0), day(1)],
    },
  });
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day(2)}T12:00:00Z`),
  );
  await page.reload();
  await widget.open();
  const header = widget.panel.locator('header');
  await expect(header).toContainText(`Away · back ${weekday} at 9:00 AM`);

  await widget.send('Do you ship to Norway?');
  await expect(widget.message('Do you ship to Norway?').locator('time')).toBeVisible();
  const banners = widget.panel.locator('.banner');
  await expect(banners).toHaveCount(1);
  await expect(banners.locator('p')).toHaveText(/We are offline right now/);
  // Nothing promises a quick answer while the header says the team is away.
  await expect(widget.panel).not.toContainText('few minutes');
  await expect(widget.panel).not.toContainText('with you shortly');
  await expect(widget.message('Ask us anything about your gear')).toBeInViewport();

  await banners.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banners).toHaveCount(0);
  await expect(header).toContainText(`Away · back ${weekday} at 9:00 AM`);
});

test('while an agent is online the line says so, and banners replace one another', async ({
  page,
  parley,
  widget,
}) => {
  const sql = postgres(parley.databaseUrl!, { max: 1, onnotice: () => {} });
  try {
    await sql`update agents set last_seen_at = now()`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  await page.reload();
  await widget.open();
  await expect(widget.panel.locator('header')).toContainText('Online · We reply in a few minutes');

  await widget.send('Hello there');
  // The welcome, then "an agent will be with you shortly": only the latest shows.
  const banners = widget.panel.locator('.banner');
  await expect(banners).toHaveCount(1);
  await expect(banners.locator('p')).toHaveText('Thanks! An agent will be with you shortly.');
  await expect(widget.panel).not.toContainText('offline');
  await expect(widget.message('Ask us anything about your gear')).toBeInViewport();
});
