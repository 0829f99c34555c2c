'use client';
// The Telegram connection as it runs: healthy or degraded (with the reason and its fix),
// the bot, the group, the mode, where the configuration comes from; "Disconnect" and
// "Change setup" when it was made in the console, a read-only note when set by environment.
import { useState } from 'react';
import type { TelegramStateDto } from '@/lib/contracts/telegram';
import { Alert, Button } from '../ui';
import { Card } from './form';
import { StatusBadge } from './telegram-parts';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="w-32 shrink-0 text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

export function TelegramStateCard({
  state,
  onChange,
  onDisconnect,
  disconnecting,
}: {
  state: TelegramStateDto;
  onChange: () => void;
  onDisconnect: () => void;
  disconnecting: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const fromEnv = state.source === 'env';
  const checked = new Date(state.health.checkedAt).toLocaleString();
  return (
    <Card title="Connection">
      <div className="flex flex-wrap items-center gap-2" role="status" aria-label="Telegram status">
        <StatusBadge status={state.health.status} />
        <span className="text-sm text-slate-700 dark:text-slate-300">
          {state.health.status === 'ok'
            ? 'Conversations are mirrored into the group.'
            : state.health.state}
        </span>
      </div>
      {state.health.status === 'degraded' && state.health.fix ? (
        <Alert>
          <span className="font-semibold">Fix: </span>
          {state.health.fix}
        </Alert>
      ) : null}
      <dl className="flex flex-col gap-2 text-sm">
        <Row term="Bot">
          {state.bot ? `@${state.bot.username} (${state.bot.name})` : 'not reachable'}
          {state.botToken.set ? (
            <span className="text-slate-500 dark:text-slate-400">
              {' '}
              · token ending in {state.botToken.last4}
            </span>
          ) : null}
        </Row>
        <Row term="Group">
          {state.chat ? `${state.chat.title ?? 'unknown title'} (${state.chat.id})` : '—'}
        </Row>
        <Row term="Updates by">
          {state.mode === 'webhook' ? `Webhook at ${state.webhook.url}` : 'Long polling'}
        </Row>
        <Row term="Posts">{state.silent ? 'Silent (no notification sound)' : 'With sound'}</Row>
        <Row term="Set up in">
          {fromEnv ? 'Environment variables' : 'This console (saved in the database)'}
        </Row>
        <Row term="Last check">{checked}</Row>
      </dl>
      {fromEnv ? (
        <Alert tone="info">
          Telegram is set by TELEGRAM_BOT_TOKEN and TELEGRAM_SUPPORT_CHAT_ID in the server’s
          environment, which win over the console. Change them there (and restart), or remove them
          to set Telegram up here.
        </Alert>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button onClick={onChange}>Change setup</Button>
          {confirming ? (
            <>
              <Button variant="danger" onClick={onDisconnect} disabled={disconnecting}>
                {disconnecting ? 'Disconnecting…' : 'Yes, disconnect'}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Disconnect
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
