'use client';
// The team screen's dialogs about one agent: disable, delete, departments, password reset.
import { useState } from 'react';
import type { Department, TeamAgent } from '@/lib/contracts/agent';
import { Checkbox } from '../admin/form';
import { Field } from '../ui';
import { TeamDialog } from './team-dialog';

export type AgentDialogKind = 'disable' | 'delete' | 'departments' | 'password';
export interface AgentDialogRequest {
  kind: AgentDialogKind;
  agent: TeamAgent;
}

export interface AgentDialogHandlers {
  onDisable: (agent: TeamAgent) => void;
  onDelete: (agent: TeamAgent) => void;
  onDepartments: (agent: TeamAgent, departmentIds: string[]) => void;
  onResetPassword: (agent: TeamAgent, password?: string) => void;
}

export function AgentDialogs({
  request,
  departments,
  onClose,
  ...on
}: AgentDialogHandlers & {
  request: AgentDialogRequest | null;
  departments: Department[];
  onClose: () => void;
}) {
  const agent = request?.agent;
  const is = (kind: AgentDialogKind) => request?.kind === kind;
  const act = (run: () => void) => () => {
    run();
    onClose();
  };
  return (
    <>
      <TeamDialog
        open={is('disable')}
        onClose={onClose}
        title={`Disable ${agent?.name}?`}
        description="They are signed out everywhere at once and cannot sign in until you enable them again."
        submitLabel="Disable"
        danger
        onSubmit={act(() => agent && on.onDisable(agent))}
      />
      <TeamDialog
        open={is('delete')}
        onClose={onClose}
        title={`Delete ${agent?.name}?`}
        description={
          <>
            <p>
              {agent?.name} leaves the team and is signed out at once. Their open conversations go
              back to the unclaimed queue.
            </p>
            <p className="mt-2">
              The history stays: their messages and notes keep showing their name. This cannot be
              undone — to keep the account, disable it instead.
            </p>
          </>
        }
        submitLabel="Delete agent"
        danger
        onSubmit={act(() => agent && on.onDelete(agent))}
      />
      {agent && is('departments') ? (
        <DepartmentsDialog
          key={agent.id}
          agent={agent}
          departments={departments}
          onClose={onClose}
          onSave={(ids) => {
            on.onDepartments(agent, ids);
            onClose();
          }}
        />
      ) : null}
      {agent && is('password') ? (
        <PasswordDialog
          key={agent.id}
          agent={agent}
          onClose={onClose}
          onReset={(password) => {
            on.onResetPassword(agent, password);
            onClose();
          }}
        />
      ) : null}
    </>
  );
}

function DepartmentsDialog({
  agent,
  departments,
  onClose,
  onSave,
}: {
  agent: TeamAgent;
  departments: Department[];
  onClose: () => void;
  onSave: (departmentIds: string[]) => void;
}) {
  const [ids, setIds] = useState(agent.departmentIds);
  return (
    <TeamDialog
      open
      onClose={onClose}
      title={`Departments of ${agent.name}`}
      description="They see and are notified of these departments' conversations first."
      submitLabel="Save departments"
      canSubmit={departments.length > 0}
      onSubmit={() => onSave(ids)}
    >
      {departments.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          There are no departments yet.{' '}
          <a href="/admin/departments" className="text-indigo-700 underline dark:text-indigo-300">
            Create one
          </a>{' '}
          first.
        </p>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">Departments</legend>
          {departments.map((department) => (
            <Checkbox
              key={department.id}
              label={department.name}
              checked={ids.includes(department.id)}
              onChange={(checked) =>
                setIds((current) =>
                  checked
                    ? [...current, department.id]
                    : current.filter((id) => id !== department.id),
                )
              }
            />
          ))}
        </fieldset>
      )}
    </TeamDialog>
  );
}

function PasswordDialog({
  agent,
  onClose,
  onReset,
}: {
  agent: TeamAgent;
  onClose: () => void;
  onReset: (password?: string) => void;
}) {
  const [mode, setMode] = useState<'link' | 'password'>('link');
  const [password, setPassword] = useState('');
  const option = (value: 'link' | 'password', label: string) => (
    <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
      <input
        type="radio"
        name="reset-mode"
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
        className="accent-indigo-600"
      />
      {label}
    </label>
  );
  return (
    <TeamDialog
      open
      onClose={onClose}
      title={`Reset the password of ${agent.name}?`}
      description="Their current password stops working."
      submitLabel="Reset password"
      onSubmit={() => onReset(mode === 'password' ? password : undefined)}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">How to reset</legend>
        {option('link', 'Give me a one-time link for them')}
        {option('password', 'Set a new password myself')}
      </fieldset>
      {mode === 'password' ? (
        <Field
          label="New password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      ) : null}
    </TeamDialog>
  );
}
