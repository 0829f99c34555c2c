'use client';
// The visitor blocks in force, with their expiry, and "Lift" to end one at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VisitorBlock } from '@/lib/contracts/admin';
import { adminFetch, errorMessage } from '../api';
import { Alert, Button } from '../ui';
import { Card } from './form';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function target(block: VisitorBlock): string {
  return [block.visitorId && `Visitor ${block.visitorId}`, block.ip && `IP ${block.ip}`]
    .filter(Boolean)
    .join(' · ');
}

export function BlocksCard() {
  const queryClient = useQueryClient();
  const blocks = useQuery({
    queryKey: ['admin', 'blocks'],
    queryFn: () => adminFetch<{ blocks: VisitorBlock[] }>('/blocks'),
  });
  const lift = useMutation({
    mutationFn: (id: string) => adminFetch(`/blocks/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'blocks'] }),
  });
  const list = blocks.data?.blocks ?? [];
  return (
    <Card
      title="Blocked visitors"
      description="Visitors who cannot start a new conversation until their block ends or is lifted."
    >
      {blocks.error ? <Alert>{errorMessage(blocks.error)}</Alert> : null}
      {lift.error ? <Alert>{errorMessage(lift.error)}</Alert> : null}
      {blocks.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nobody is blocked.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
          {list.map((block) => (
            <li
              key={block.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <div className="min-w-0">
                <div className="break-all font-medium">{target(block)}</div>
                <div className="text-xs text-slate-600 dark:text-slate-400">
                  {block.expiresAt ? `Until ${when(block.expiresAt)}` : 'Until lifted'}
                  {block.reason ? ` · ${block.reason}` : ''}
                </div>
              </div>
              <Button
                onClick={() => lift.mutate(block.id)}
                disabled={lift.isPending}
                aria-label={`Lift the block on ${target(block)}`}
              >
                Lift
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
