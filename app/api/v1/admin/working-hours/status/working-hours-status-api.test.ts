// "Right now: open or closed" for the console, judged on the server by the stored schedule.
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { getWorkingHoursStatus } from '@/lib/settings/get-working-hours-status';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as settingsRoute from '../../settings/route';
import * as statusRoute from './route';

const SERVICE = { token: env().serviceToken! };

const status = async () =>
  (await (await statusRoute.GET(apiRequest('GET', '/admin/working-hours/status', SERVICE))).json())
    .status;
const saveHours = (workingHours: unknown) =>
  settingsRoute.POST(apiRequest('POST', '/admin/settings', { ...SERVICE, body: { workingHours } }));

describe('GET /api/v1/admin/working-hours/status', () => {
  it('is open while working hours are off, closed when now falls outside them', async () => {
    expect(await status()).toMatchObject({
      open: true,
      enabled: false,
      timezone: 'UTC',
      reason: 'disabled',
      localTime: expect.stringMatching(/^\w{3} \d{4}-\d\d-\d\d \d\d:\d\d$/),
    });
    const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    await saveHours({ enabled: true, timezone: 'Asia/Tokyo', week });
    expect(await status()).toMatchObject({
      open: false,
      enabled: true,
      timezone: 'Asia/Tokyo',
      reason: 'hours',
    });
    const allDay = [{ from: '00:00', to: '24:00' }];
    await saveHours({
      week: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
    });
    expect(await status()).toMatchObject({ open: true, reason: 'open' });
  });

  it('names a holiday as the reason, judged in the schedule’s time zone', async () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const now = new Date('2026-12-24T23:30:00Z');
    await saveHours({
      enabled: true,
      timezone: 'Europe/Berlin',
      week: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
      holidays: ['2026-12-25'],
    });
    // 23:30 UTC on the 24th is already the 25th in Berlin.
    expect(await getWorkingHoursStatus(now)).toEqual({
      open: false,
      enabled: true,
      timezone: 'Europe/Berlin',
      localTime: 'Fri 2026-12-25 00:30',
      reason: 'holiday',
    });
  });

  it('is for admins: 401 without credentials, 403 for an agent session', async () => {
    await expectError(
      await statusRoute.GET(apiRequest('GET', '/admin/working-hours/status')),
      401,
      'unauthorized',
    );
    const agent = await createAgent({ role: 'agent' });
    await expectError(
      await statusRoute.GET(
        apiRequest('GET', '/admin/working-hours/status', {
          headers: { cookie: await sessionCookie(agent.id) },
        }),
      ),
      403,
      'forbidden',
    );
  });
});
