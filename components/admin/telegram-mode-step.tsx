'use client';
// Setup step 4: how Telegram's updates reach Parley — long polling (works anywhere) or a
// webhook (needs an https PUBLIC_URL in production), showing the address it would register.
import type { TelegramStateDto } from '@/lib/contracts/telegram';
import { TelegramStep } from './telegram-parts';

export function TelegramModeStep({
  number,
  disabled,
  mode,
  onMode,
  webhook,
}: {
  number: number;
  disabled: boolean;
  mode: 'polling' | 'webhook';
  onMode: (mode: 'polling' | 'webhook') => void;
  webhook: TelegramStateDto['webhook'];
}) {
  const option =
    'flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700';
  return (
    <TelegramStep
      number={number}
      title="Choose how updates arrive"
      done={!disabled}
      disabled={disabled}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">How updates arrive</legend>
        <label className={option}>
          <input
            type="radio"
            name="telegram-mode"
            checked={mode === 'polling'}
            onChange={() => onMode('polling')}
            className="mt-0.5 accent-indigo-600"
          />
          <span>
            <span className="font-medium">Long polling</span>
            <span className="block text-slate-600 dark:text-slate-400">
              Parley asks Telegram for updates. Works on a laptop or a server without a domain.
            </span>
          </span>
        </label>
        <label className={option}>
          <input
            type="radio"
            name="telegram-mode"
            checked={mode === 'webhook'}
            disabled={!webhook.allowed}
            onChange={() => onMode('webhook')}
            className="mt-0.5 accent-indigo-600"
          />
          <span className="min-w-0">
            <span className="font-medium">Webhook</span>
            <span className="block break-all text-slate-600 dark:text-slate-400">
              Telegram calls {webhook.url} with a secret header (generated for you).
            </span>
            {webhook.reason ? (
              <span className="block text-amber-800 dark:text-amber-300">{webhook.reason}</span>
            ) : null}
          </span>
        </label>
      </fieldset>
    </TelegramStep>
  );
}
