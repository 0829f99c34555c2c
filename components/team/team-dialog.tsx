'use client';
// The team screen's dialogs (confirmations, departments, password resets): one Radix dialog
// shell with the console's look in light and dark.
import * as Dialog from '@radix-ui/react-dialog';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '../ui';

export function TeamDialog({
  open,
  onClose,
  title,
  description,
  children,
  submitLabel,
  danger = false,
  pending = false,
  canSubmit = true,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  submitLabel: string;
  danger?: boolean;
  pending?: boolean;
  /** False when there is nothing to submit (the dialog only explains). */
  canSubmit?: boolean;
  onSubmit: () => void;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 dark:bg-black/60" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(30rem,92vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
          <form onSubmit={submit} className="flex flex-col gap-4">
            <div>
              <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
              {description ? (
                <Dialog.Description asChild>
                  <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                    {description}
                  </div>
                </Dialog.Description>
              ) : (
                <Dialog.Description className="sr-only">{title}</Dialog.Description>
              )}
            </div>
            {children}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button>{canSubmit ? 'Cancel' : 'Close'}</Button>
              </Dialog.Close>
              {canSubmit ? (
                <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending}>
                  {submitLabel}
                </Button>
              ) : null}
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
