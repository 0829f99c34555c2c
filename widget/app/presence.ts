// The one line the header says about the team: online with the usual reply time, or away
// with when they are back (from the working hours) — and which of the server's banners still
// agree with it, so the panel never says "Away" and "an agent will be with you shortly" at once.
import type { Notice, WidgetConfig } from '../../lib/contracts/dto';
import type { Translate } from './i18n';

/** Banners that promise a quick answer: wrong while the team is away. */
const PROMISES_QUICK_REPLY = ['welcome_message', 'waiting_for_agent'];
/** Banners that say the team is away: wrong while it is online. */
const SAYS_AWAY = ['offline_message'];

const DAY_MS = 86_400_000;

/** "back at 9:00", "back tomorrow at 9:00", "back Monday at 9:00". */
function backAt(iso: string, t: Translate, locale: string, now: Date): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
  const startOfToday = new Date(now).setHours(0, 0, 0, 0);
  const days = Math.floor((at.getTime() - startOfToday) / DAY_MS);
  if (days <= 0) return t('backToday', { time });
  const day =
    days === 1
      ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(1, 'day')
      : new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(at);
  return t('backOn', { day, time });
}

export function presenceLine(
  config: WidgetConfig | null,
  t: Translate,
  locale: string,
  now = new Date(),
): { online: boolean; line: string } {
  const online = config?.online ?? true;
  if (online) return { online, line: `${t('online')} · ${config?.subtitle || t('replySoon')}` };
  const back = config?.nextOpenAt;
  return { online, line: back ? `${t('away')} · ${backAt(back, t, locale, now)}` : t('offline') };
}

/** The one banner to show: the latest notice that agrees with the team's presence. */
export function shownNotice(notices: Notice[], online: boolean): Notice | null {
  const contradicts = online ? SAYS_AWAY : PROMISES_QUICK_REPLY;
  return notices.filter((notice) => !contradicts.includes(notice.key)).at(-1) ?? null;
}
