'use client';
// Adding someone to the team: by default they get a one-time invitation link and choose
// their own password; an admin may also set a first password right away.
import { type FormEvent, useState } from 'react';
import type { AgentRole, Department } from '@/lib/contracts/agent';
import { Card, Checkbox, Select } from '../admin/form';
import { Button, Field } from '../ui';
import type { NewAgent } from './use-team';

const ROLES = [
  { value: 'agent', label: 'Agent — answers conversations' },
  { value: 'admin', label: 'Admin — also runs this console' },
] as const;

export function AddAgentForm({
  departments,
  pending,
  onAdd,
}: {
  departments: Department[];
  pending: boolean;
  onAdd: (agent: NewAgent, done: () => void) => void;
}) {
  const [mode, setMode] = useState<'invite' | 'password'>('invite');
  const [role, setRole] = useState<AgentRole>('agent');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    onAdd(
      {
        name: String(data.get('name')),
        email: String(data.get('email')),
        role,
        departmentIds,
        ...(mode === 'password' && password ? { password } : {}),
      },
      () => {
        form.reset();
        setDepartmentIds([]);
      },
    );
  };

  const radio = (value: 'invite' | 'password', label: string, hint: string) => (
    <label className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950">
      <input
        type="radio"
        name="access"
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
        className="mt-0.5 accent-indigo-600"
      />
      <span>
        <span className="block font-medium text-slate-800 dark:text-slate-200">{label}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">{hint}</span>
      </span>
    </label>
  );

  return (
    <Card
      title="Add an agent"
      description="They appear in the inbox and in Telegram under this name."
    >
      <form onSubmit={submit} aria-label="Add an agent" className="flex flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name" name="name" required maxLength={64} autoComplete="off" />
          <Field label="Email" name="email" type="email" required autoComplete="off" />
          <Select
            label="Role"
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value as AgentRole)}
            options={ROLES}
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">
            How they get in
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {radio(
              'invite',
              'Send an invitation link',
              'You copy a one-time link; they choose their password.',
            )}
            {radio('password', 'Set a password now', 'You tell them the first password.')}
          </div>
          {mode === 'password' ? (
            <Field
              label="First password"
              name="password"
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
              hint="At least 10 characters."
            />
          ) : null}
        </fieldset>
        {departments.length > 0 ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">
              Departments
            </legend>
            <div className="grid gap-2 sm:grid-cols-3">
              {departments.map((department) => (
                <Checkbox
                  key={department.id}
                  label={department.name}
                  checked={departmentIds.includes(department.id)}
                  onChange={(checked) =>
                    setDepartmentIds((ids) =>
                      checked ? [...ids, department.id] : ids.filter((id) => id !== department.id),
                    )
                  }
                />
              ))}
            </div>
          </fieldset>
        ) : null}
        <Button type="submit" variant="primary" className="self-start" disabled={pending}>
          {mode === 'invite' ? 'Invite agent' : 'Add agent'}
        </Button>
      </form>
    </Card>
  );
}
