'use client';
// The create/edit form of a department: its look in the widget, its greeting, its own
// Telegram supergroup (with a check of the saved group) and its member agents.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { TeamAgent } from '@/lib/contracts/agent';
import type { AdminDepartment } from '@/lib/contracts/departments';
import { apiFetch, errorMessage } from '../api';
import { keys } from '../inbox/cache';
import { Alert, Button, Field } from '../ui';
import { DepartmentTelegramCheckButton } from './departments-telegram-check';
import { Checkbox, controlClass, TextArea } from './form';

export interface DepartmentDraft {
  name: string;
  description: string | null;
  icon: string | null;
  color: string | null;
  greeting: string | null;
  telegramChatId: number | null;
  memberIds: string[];
}

const DEFAULT_COLOR = '#4f46e5';

export function DepartmentForm({
  department,
  pending,
  error,
  onSave,
  onCancel,
}: {
  department: AdminDepartment | null;
  pending: boolean;
  error: unknown;
  onSave: (draft: DepartmentDraft) => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const team = useQuery({
    queryKey: keys.team,
    queryFn: async () => (await apiFetch<{ agents: TeamAgent[] }>('/agents')).agents,
  });
  const [color, setColor] = useState<string | null>(department?.color ?? null);
  const [chatId, setChatId] = useState(department?.telegramChatId?.toString() ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(department?.memberIds ?? []);
  const [chatError, setChatError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const chat = chatId.trim();
    if (chat && !/^-\d+$/.test(chat)) {
      setChatError('A supergroup id is a negative number such as -1001234567890.');
      return;
    }
    setChatError(null);
    onSave({
      name: String(form.get('name') ?? '').trim(),
      description: text('description'),
      icon: text('icon'),
      color,
      greeting: text('greeting'),
      telegramChatId: chat ? Number(chat) : null,
      memberIds,
    });
  };

  const toggleMember = (id: string, checked: boolean) =>
    setMemberIds((current) => (checked ? [...current, id] : current.filter((m) => m !== id)));
  const chatChanged = chat(department?.telegramChatId) !== chatId.trim();

  return (
    <form
      onSubmit={submit}
      aria-label={department ? `Edit ${department.name}` : 'New department'}
      className="flex flex-col gap-4 rounded-lg border border-indigo-200 bg-white p-4 dark:border-indigo-900 dark:bg-slate-900"
    >
      <h2 className="font-semibold">{department ? `Edit ${department.name}` : 'New department'}</h2>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field
          label="Name"
          name="name"
          required
          maxLength={60}
          defaultValue={department?.name ?? ''}
        />
        <Field
          label="Icon"
          name="icon"
          maxLength={8}
          placeholder="💬"
          hint="An emoji or a few letters"
          defaultValue={department?.icon ?? ''}
        />
      </div>
      <Field
        label="Description"
        name="description"
        maxLength={200}
        hint="Shown under the name in the widget's picker"
        defaultValue={department?.description ?? ''}
      />
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${ids}-color`} className="font-medium text-slate-700 dark:text-slate-300">
          Colour
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={`${ids}-color`}
            type="color"
            value={color ?? DEFAULT_COLOR}
            onChange={(event) => setColor(event.target.value)}
            className="h-9 w-14 cursor-pointer rounded border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
          />
          <span className="font-mono text-xs text-slate-600 dark:text-slate-400">
            {color ?? 'none (the widget’s colour)'}
          </span>
          {color ? (
            <Button variant="ghost" onClick={() => setColor(null)}>
              No colour
            </Button>
          ) : null}
        </div>
      </div>
      <TextArea
        label="Greeting"
        name="greeting"
        maxLength={500}
        hint="Said once a visitor picks this department; empty uses the widget's greeting"
        defaultValue={department?.greeting ?? ''}
      />

      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium text-slate-700 dark:text-slate-300">
          Own Telegram supergroup
        </legend>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${ids}-chat`} className="font-medium text-slate-700 dark:text-slate-300">
            Supergroup id
          </label>
          <input
            id={`${ids}-chat`}
            inputMode="numeric"
            placeholder="-1001234567890"
            value={chatId}
            onChange={(event) => setChatId(event.target.value)}
            aria-describedby={`${ids}-chat-hint`}
            className={`${controlClass} font-mono`}
          />
          <span id={`${ids}-chat-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            Empty: topics open in the main support group. New conversations go to the group set
            here; existing ones stay in their topic.
          </span>
          {chatError ? <Alert>{chatError}</Alert> : null}
        </div>
        {department ? (
          <DepartmentTelegramCheckButton departmentId={department.id} unsaved={chatChanged} />
        ) : (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Save the department, then check its group.
          </p>
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium text-slate-700 dark:text-slate-300">
          Members
        </legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Members are alerted of new conversations here at once; other agents from the first
          unclaimed reminder on. Without members, everyone is alerted at once.
        </p>
        {team.isPending ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Loading the team…</p>
        ) : team.error ? (
          <Alert>{errorMessage(team.error)}</Alert>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {team.data.map((agent) => (
              <Checkbox
                key={agent.id}
                label={agent.active ? agent.name : `${agent.name} (disabled)`}
                hint={agent.email ?? 'Telegram only'}
                checked={memberIds.includes(agent.id)}
                onChange={(checked) => toggleMember(agent.id, checked)}
              />
            ))}
          </div>
        )}
      </fieldset>

      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : department ? 'Save department' : 'Create department'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

const chat = (id: number | null | undefined) => (id == null ? '' : String(id));
