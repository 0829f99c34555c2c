'use client';
// "Block visitor" from a conversation row: how long and why, then the block is made from the
// conversation (its visitor id and the address it was started from).
import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { VisitorBlock } from '@/lib/contracts/admin';
import type { AgentConversation } from '@/lib/contracts/dto';
import { adminFetch, errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { Select } from './form';

const DURATIONS = [
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
  { value: '2592000', label: '30 days' },
  { value: '', label: 'Until lifted' },
] as const;

export function BlockVisitorDialog({
  conversation,
  onClose,
  onBlocked,
}: {
  conversation: AgentConversation | null;
  onClose: () => void;
  onBlocked: (block: VisitorBlock) => void;
}) {
  const queryClient = useQueryClient();
  const [duration, setDuration] = useState('604800');
  const [reason, setReason] = useState('');
  const block = useMutation({
    mutationFn: (target: AgentConversation) =>
      adminFetch<{ block: VisitorBlock }>('/blocks', {
        method: 'POST',
        body: {
          conversationId: target.id,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(duration ? { durationSeconds: Number(duration) } : {}),
        },
      }),
    onSuccess: ({ block: made }) => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'blocks'] });
      onBlocked(made);
      close();
    },
  });
  const close = () => {
    block.reset();
    setReason('');
    onClose();
  };
  const who = conversation?.name ?? conversation?.codename ?? '';
  return (
    <Dialog.Root open={conversation !== null} onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/3 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
          <Dialog.Title className="text-lg font-semibold">Block the visitor of {who}?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            They cannot start a new conversation from the same browser or address until the block
            ends. This conversation stays as it is.
          </Dialog.Description>
          <div className="mt-4 flex flex-col gap-3">
            <Select
              label="For"
              value={duration}
              onChange={(event) => setDuration(event.target.value)}
              options={DURATIONS}
            />
            <Field
              label="Reason (optional)"
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
            {block.error ? <Alert>{errorMessage(block.error)}</Alert> : null}
          </div>
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button>Cancel</Button>
            </Dialog.Close>
            <Button
              variant="danger"
              disabled={block.isPending}
              onClick={() => conversation && block.mutate(conversation)}
            >
              {block.isPending ? 'Blocking…' : 'Block visitor'}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
