'use client';
// A confirmation before a destructive console action, stating exactly what will happen.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { Button } from '../ui';

export interface ConsoleConfirm {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Extra controls (a reason, a duration) shown above the buttons. */
  body?: ReactNode;
  onConfirm: () => void;
}

export function ConversationsConfirm({
  request,
  onClose,
}: {
  request: ConsoleConfirm | null;
  onClose: () => void;
}) {
  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/3 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
          <Dialog.Title className="text-lg font-semibold">{request?.title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              {request?.description}
            </div>
          </Dialog.Description>
          {request?.body ? <div className="mt-4 flex flex-col gap-3">{request.body}</div> : null}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button>Cancel</Button>
            </Dialog.Close>
            <Button
              variant="danger"
              onClick={() => {
                request?.onConfirm();
                onClose();
              }}
            >
              {request?.confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
