'use client';
// The customer panel on screens too narrow for a third column: a sheet from the right,
// opened from the conversation's header.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { Button } from '../ui';

export function CustomerDrawer({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40 dark:bg-black/60" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-40 flex w-[min(22rem,100%)] flex-col bg-white shadow-xl dark:bg-slate-900">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
            <Dialog.Title className="text-base font-semibold">Customer details</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="ghost" aria-label="Close customer details">
                Done
              </Button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">
            Who the customer is, and the files of this conversation.
          </Dialog.Description>
          <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
