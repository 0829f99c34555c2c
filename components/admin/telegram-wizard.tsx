'use client';
// The guided Telegram setup: token → bot, group detected, group checked with fixes, polling
// or webhook, a test topic, save. Each step shows its result; nothing runs until "Save".
// The token stays in this form (a password field) and is never sent back by the server.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  GroupCheckResult,
  GroupsResult,
  TelegramStateDto,
  TestTopicResult,
  TokenCheckResult,
} from '@/lib/contracts/telegram';
import { adminFetch, errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { Checkbox } from './form';
import { TelegramModeStep } from './telegram-mode-step';
import { CheckLine, TelegramStep } from './telegram-parts';

const post = <T,>(path: string, body: unknown) =>
  adminFetch<T>(`/telegram${path}`, { method: 'POST', body });

export function TelegramWizard({
  state,
  onSaved,
  onCancel,
}: {
  state: TelegramStateDto;
  onSaved: (state: TelegramStateDto) => void;
  onCancel?: () => void;
}) {
  const [token, setToken] = useState('');
  const [chatId, setChatId] = useState<number | null>(null);
  const [manualId, setManualId] = useState('');
  const [mode, setMode] = useState<'polling' | 'webhook'>(state.mode ?? 'polling');
  const [silent, setSilent] = useState(state.silent);

  const tokenCheck = useMutation({
    mutationFn: () => post<TokenCheckResult>('/token', { botToken: token.trim() }),
  });
  const groups = useMutation({
    mutationFn: () => post<GroupsResult>('/groups', { botToken: token.trim() }),
  });
  const groupCheck = useMutation({
    mutationFn: (id: number) =>
      post<GroupCheckResult>('/check', { botToken: token.trim(), chatId: id }),
  });
  const testTopic = useMutation({
    mutationFn: () => post<TestTopicResult>('/test-topic', { botToken: token.trim(), chatId }),
  });
  const save = useMutation({
    mutationFn: () =>
      post<{ telegram: TelegramStateDto }>('', {
        botToken: token.trim(),
        supportChatId: chatId,
        mode,
        silent,
      }),
    onSuccess: ({ telegram }) => onSaved(telegram),
  });

  const bot = tokenCheck.data?.ok ? tokenCheck.data.bot : null;
  const checked = groupCheck.data?.ok === true && groupCheck.variables === chatId;

  const changeToken = (value: string) => {
    setToken(value);
    for (const step of [tokenCheck, groups, groupCheck, testTopic]) step.reset();
    setChatId(null);
  };
  const choose = (id: number) => {
    setChatId(id);
    groupCheck.reset();
    testTopic.reset();
    groupCheck.mutate(id);
  };

  return (
    <ol className="flex flex-col gap-3" aria-label="Telegram setup">
      <TelegramStep number={1} title="Paste your bot’s token" done={Boolean(bot)}>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          In Telegram, talk to @BotFather: /newbot gives a new bot and its token (or /mybots → your
          bot → API Token).
        </p>
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            tokenCheck.mutate();
          }}
        >
          <div className="flex-1">
            <Field
              label="Bot token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="123456789:AAE…"
              value={token}
              onChange={(event) => changeToken(event.target.value)}
              hint={
                state.botToken.set
                  ? `A token ending in ${state.botToken.last4} is saved; paste it (or a new one) to change the setup.`
                  : undefined
              }
            />
          </div>
          <Button type="submit" variant="primary" disabled={!token.trim() || tokenCheck.isPending}>
            {tokenCheck.isPending ? 'Checking…' : 'Check token'}
          </Button>
        </form>
        {tokenCheck.error ? <Alert>{errorMessage(tokenCheck.error)}</Alert> : null}
        {tokenCheck.data && !tokenCheck.data.ok ? (
          <ul>
            <CheckLine
              ok={false}
              label="The bot token"
              problem={tokenCheck.data.problem}
              fix={tokenCheck.data.fix}
            />
          </ul>
        ) : null}
        {bot ? (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            ✓ This is <strong>@{bot.username}</strong> ({bot.name}). Not active yet.
          </p>
        ) : null}
      </TelegramStep>

      <TelegramStep
        number={2}
        title="Add the bot to your group"
        done={chatId !== null}
        disabled={!bot}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Add @{bot?.username} to the supergroup your team will answer in, then send /start there
          (or any message). Then look for it here.
        </p>
        <div>
          <Button onClick={() => groups.mutate()} disabled={groups.isPending}>
            {groups.isPending ? 'Looking…' : groups.data ? 'Look again' : 'Detect the group'}
          </Button>
        </div>
        {groups.error ? <Alert>{errorMessage(groups.error)}</Alert> : null}
        {groups.data && !groups.data.ok ? (
          <ul>
            <CheckLine
              ok={false}
              label="Reading the bot’s updates"
              problem={groups.data.problem}
              fix={groups.data.fix}
            />
          </ul>
        ) : null}
        {groups.data?.ok && groups.data.groups.length === 0 ? (
          <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
            No group yet. Add the bot, send /start in the group, and look again.
          </p>
        ) : null}
        {groups.data?.groups.length ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">
              Groups the bot was seen in
            </legend>
            {groups.data.groups.map((group) => (
              <label
                key={group.id}
                className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
              >
                <input
                  type="radio"
                  name="telegram-group"
                  checked={chatId === group.id}
                  onChange={() => choose(group.id)}
                  className="accent-indigo-600"
                />
                <span className="min-w-0 flex-1 break-words font-medium">{group.title}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">{group.id}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
            Enter the group id by hand
          </summary>
          <form
            className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end"
            onSubmit={(event) => {
              event.preventDefault();
              if (/^-?\d+$/.test(manualId.trim())) choose(Number(manualId.trim()));
            }}
          >
            <div className="flex-1">
              <Field
                label="Group id"
                inputMode="numeric"
                placeholder="-1001234567890"
                value={manualId}
                onChange={(event) => setManualId(event.target.value)}
              />
            </div>
            <Button type="submit">Use this id</Button>
          </form>
        </details>
      </TelegramStep>

      <TelegramStep number={3} title="Check the group" done={checked} disabled={chatId === null}>
        {groupCheck.isPending ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Checking…</p>
        ) : null}
        {groupCheck.error ? <Alert>{errorMessage(groupCheck.error)}</Alert> : null}
        {groupCheck.data ? (
          <ul className="flex flex-col gap-2" aria-label="Group checks">
            {groupCheck.data.steps.map((step) => (
              <CheckLine key={step.id} {...step} />
            ))}
          </ul>
        ) : null}
        <div>
          <Button
            onClick={() => chatId !== null && groupCheck.mutate(chatId)}
            disabled={groupCheck.isPending}
          >
            Check again
          </Button>
        </div>
      </TelegramStep>

      <TelegramModeStep
        number={4}
        disabled={!checked}
        mode={mode}
        onMode={setMode}
        webhook={state.webhook}
      />

      <TelegramStep
        number={5}
        title="Try it: a test topic"
        done={testTopic.data?.ok === true}
        disabled={!checked}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Opens a topic “Parley test” in the group, posts in it, and removes it again.
        </p>
        <div>
          <Button onClick={() => testTopic.mutate()} disabled={testTopic.isPending}>
            {testTopic.isPending ? 'Trying…' : 'Create a test topic'}
          </Button>
        </div>
        {testTopic.error ? <Alert>{errorMessage(testTopic.error)}</Alert> : null}
        {testTopic.data?.ok ? (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            ✓ The bot opened “{testTopic.data.title}”, posted in it and{' '}
            {testTopic.data.removed === 'kept' ? 'could not remove it' : testTopic.data.removed} it.
          </p>
        ) : null}
        {testTopic.data && !testTopic.data.ok ? (
          <ul>
            <CheckLine
              ok={false}
              label="The test topic"
              problem={testTopic.data.problem}
              fix={testTopic.data.fix}
            />
          </ul>
        ) : null}
      </TelegramStep>

      <TelegramStep number={6} title="Save and connect" done={save.isSuccess} disabled={!checked}>
        <Checkbox
          label="Silent posts"
          hint="Posts in the group make no notification sound."
          checked={silent}
          onChange={setSilent}
        />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Saved in the database and effective at once — no restart.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => save.mutate()} disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save and connect'}
          </Button>
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
        {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
      </TelegramStep>
    </ol>
  );
}
