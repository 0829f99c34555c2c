// The launcher button belongs to the loader (widget/loader.ts); the app keeps its state in
// step with the panel: open or closed, the unread badge, and a label that says both.
import type { Host } from '../host';
import type { Translate } from './i18n';
import type { ChatState } from './state';

export function showLauncher(host: Host, t: Translate, { open, unread }: ChatState): void {
  const label = open ? t('close') : unread ? t('unread', { n: unread }) : t('open');
  host.setOpen(open, label);
  host.setBadge(unread, label);
}
