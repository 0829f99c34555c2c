// How times, statuses and names read in the inbox.
import type { ConversationStatus } from '@/lib/contracts/dto';

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open_unclaimed: 'Unclaimed',
  open_assigned: 'Open',
  awaiting_customer: 'Awaiting customer',
  closed: 'Closed',
  blocked: 'Blocked',
};

export function shortTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

export function fullTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function displayName(conversation: { name: string | null; codename: string }): string {
  return conversation.name ?? conversation.codename;
}
