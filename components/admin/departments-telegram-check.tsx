'use client';
// Checks a department's saved Telegram supergroup and shows what is wrong and how to fix it.
import { useMutation } from '@tanstack/react-query';
import type { DepartmentTelegramCheck } from '@/lib/contracts/departments';
import { adminFetch, errorMessage } from '../api';
import { Alert, Button } from '../ui';

export function DepartmentTelegramCheckButton({
  departmentId,
  unsaved,
}: {
  departmentId: string;
  /** The id in the form differs from the saved one: the check looks at the saved one. */
  unsaved: boolean;
}) {
  const check = useMutation({
    mutationFn: async () =>
      (
        await adminFetch<{ check: DepartmentTelegramCheck }>(
          `/departments/${departmentId}/telegram-check`,
          { method: 'POST' },
        )
      ).check,
  });
  const result = check.data;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => check.mutate()} disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check'}
        </Button>
        {unsaved ? (
          <span className="text-xs text-amber-700 dark:text-amber-400">
            Checks the saved group: save first to check the new id.
          </span>
        ) : null}
      </div>
      {check.error ? <Alert>{errorMessage(check.error)}</Alert> : null}
      {result ? (
        <div
          role="status"
          className={`rounded-md border p-3 text-sm ${
            result.ok
              ? 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
              : 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200'
          }`}
        >
          <p className="font-medium">
            {result.ok
              ? `Ready: @${result.botUsername} manages topics in ${
                  result.usesMainChat ? 'the main support group' : `group ${result.chatId}`
                }.`
              : result.state}
          </p>
          {result.fix ? <p className="mt-1">Fix: {result.fix}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
