'use client';
// `?` shows what the keyboard can do in the inbox.
import * as Dialog from '@radix-ui/react-dialog';
import { Button } from '../ui';

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next conversation'],
  ['k / ↑', 'Previous conversation'],
  ['Enter', 'Open the selected conversation'],
  ['c', 'Claim the open conversation'],
  ['e', 'Close the open conversation'],
  ['/', 'Canned responses in the composer'],
  ['Enter (in the composer)', 'Send'],
  ['Shift + Enter', 'New line'],
  ['?', 'This list'],
];

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/3 w-[min(26rem,90vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="sr-only">Keys that work in the inbox</Dialog.Description>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-950">
                    {keys}
                  </kbd>
                </dt>
                <dd className="text-slate-700 dark:text-slate-300">{what}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 flex justify-end">
            <Dialog.Close asChild>
              <Button>Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
