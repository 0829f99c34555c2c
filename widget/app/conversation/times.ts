// Times as a person says them: "just now", "5 min ago", then the clock time, then the date.
// `useNow` re-renders once a minute so relative times keep true while the panel is open.
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n';

const MINUTE = 60_000;

export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function relativeTime(iso: string, now: number, locale: string, t: Translate): string {
  const date = new Date(iso);
  const minutes = Math.floor((now - date.getTime()) / MINUTE);
  if (minutes < 1) return t('justNow');
  if (minutes < 60) {
    return new Intl.RelativeTimeFormat(locale, { style: 'short' }).format(-minutes, 'minute');
  }
  const today = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(today ? {} : { month: 'short', day: 'numeric' }),
  }).format(date);
}
