'use client';
// The team as a table on wide screens and as cards on phones, with the same controls in
// both: role, departments, status (pending invitations included) and the agent's actions.
import type { AgentRole, Department, TeamAgent } from '@/lib/contracts/agent';
import { controlClass } from '../admin/form';
import { Avatar } from '../avatar';
import { Button } from '../ui';

export interface AgentHandlers {
  onRole: (agent: TeamAgent, role: AgentRole) => void;
  onToggleActive: (agent: TeamAgent) => void;
  onDepartments: (agent: TeamAgent) => void;
  onResetPassword: (agent: TeamAgent) => void;
  onDelete: (agent: TeamAgent) => void;
  onShowLink: (agent: TeamAgent) => void;
  onReissueLink: (agent: TeamAgent) => void;
}

interface ListProps extends AgentHandlers {
  agents: TeamAgent[];
  departments: Department[];
  meId: string;
  busy: boolean;
}

type Tone = 'green' | 'indigo' | 'amber' | 'slate';

const TONES: Record<Tone, string> = {
  green:
    'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900',
  indigo:
    'bg-indigo-50 text-indigo-800 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-900',
  amber:
    'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900',
  slate:
    'bg-slate-100 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700',
};

/** What the status column says; an agent who signed in before got a reset link, not an invite. */
export function agentStatus(agent: TeamAgent): { label: string; tone: Tone } {
  if (!agent.active) return { label: 'Disabled', tone: 'slate' };
  if (agent.pending) {
    const invited = agent.lastSeenAt === null;
    if (agent.invite?.expired) {
      return { label: invited ? 'Invite expired' : 'Reset link expired', tone: 'amber' };
    }
    return { label: invited ? 'Invited — pending' : 'Reset link pending', tone: 'indigo' };
  }
  return { label: 'Active', tone: 'green' };
}

function StatusBadge({ agent }: { agent: TeamAgent }) {
  const { label, tone } = agentStatus(agent);
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {label}
    </span>
  );
}

function Identity({ agent, isMe }: { agent: TeamAgent; isMe: boolean }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <Avatar name={agent.name} url={agent.avatarUrl} />
      <div className="min-w-0">
        <div className="font-medium text-slate-900 dark:text-slate-100">
          {agent.name}
          {isMe ? (
            <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">
              (you)
            </span>
          ) : null}
        </div>
        <div className="truncate text-xs text-slate-600 dark:text-slate-400">
          {agent.email ?? 'No email (Telegram only)'}
        </div>
      </div>
    </div>
  );
}

function RoleSelect({
  agent,
  isMe,
  busy,
  onRole,
}: {
  agent: TeamAgent;
  isMe: boolean;
  busy: boolean;
  onRole: AgentHandlers['onRole'];
}) {
  return (
    <select
      aria-label={`Role of ${agent.name}`}
      title={isMe ? 'You cannot change your own role' : undefined}
      value={agent.role}
      disabled={isMe || busy}
      onChange={(event) => onRole(agent, event.target.value as AgentRole)}
      className={`${controlClass} py-1`}
    >
      <option value="agent">Agent</option>
      <option value="admin">Admin</option>
    </select>
  );
}

function DepartmentChips({
  agent,
  departments,
  onDepartments,
}: {
  agent: TeamAgent;
  departments: Department[];
  onDepartments: AgentHandlers['onDepartments'];
}) {
  const names = departments.filter((d) => agent.departmentIds.includes(d.id)).map((d) => d.name);
  return (
    <div className="flex flex-wrap items-center gap-1">
      {names.length === 0 ? (
        <span className="text-xs text-slate-500 dark:text-slate-400">None</span>
      ) : (
        names.map((name) => (
          <span
            key={name}
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          >
            {name}
          </span>
        ))
      )}
      <Button
        variant="ghost"
        className="px-2 py-0.5 text-xs"
        aria-label={`Edit departments of ${agent.name}`}
        onClick={() => onDepartments(agent)}
      >
        Edit
      </Button>
    </div>
  );
}

function Actions({
  agent,
  isMe,
  busy,
  layout,
  ...on
}: AgentHandlers & {
  agent: TeamAgent;
  isMe: boolean;
  busy: boolean;
  layout: 'row' | 'card';
}) {
  const small = 'px-2 py-1 text-xs';
  return (
    <div
      className={`flex gap-1 ${layout === 'row' ? 'flex-wrap justify-end' : 'flex-wrap border-t border-slate-100 pt-2 dark:border-slate-800'}`}
    >
      {agent.pending && agent.active ? (
        agent.invite?.expired ? (
          <Button
            className={small}
            disabled={busy}
            aria-label={`Re-issue link for ${agent.name}`}
            onClick={() => on.onReissueLink(agent)}
          >
            Re-issue link
          </Button>
        ) : (
          <Button
            className={small}
            disabled={busy}
            aria-label={`Show link for ${agent.name}`}
            onClick={() => on.onShowLink(agent)}
          >
            Show link
          </Button>
        )
      ) : null}
      {isMe ? null : (
        <>
          <Button
            variant="ghost"
            className={small}
            disabled={busy}
            aria-label={`${agent.active ? 'Disable' : 'Enable'} ${agent.name}`}
            onClick={() => on.onToggleActive(agent)}
          >
            {agent.active ? 'Disable' : 'Enable'}
          </Button>
          <Button
            variant="ghost"
            className={small}
            disabled={busy}
            aria-label={`Reset password of ${agent.name}`}
            onClick={() => on.onResetPassword(agent)}
          >
            Reset password
          </Button>
          <Button
            variant="ghost"
            className={`${small} text-red-700! hover:bg-red-50 dark:text-red-300! dark:hover:bg-red-950`}
            disabled={busy}
            aria-label={`Delete ${agent.name}`}
            onClick={() => on.onDelete(agent)}
          >
            Delete
          </Button>
        </>
      )}
    </div>
  );
}

export function AgentList({ agents, departments, meId, busy, ...handlers }: ListProps) {
  const th = 'px-3 py-2 text-xs font-medium uppercase tracking-wide';
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table">
        <caption className="sr-only">Agents</caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className={th}>
              Agent
            </th>
            <th scope="col" className={th}>
              Role
            </th>
            <th scope="col" className={th}>
              Departments
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {agents.map((agent) => {
            const isMe = agent.id === meId;
            return (
              <tr key={agent.id} aria-label={agent.name} className="align-middle">
                <td className="max-w-60 px-3 py-2">
                  <Identity agent={agent} isMe={isMe} />
                </td>
                <td className="px-3 py-2">
                  <RoleSelect agent={agent} isMe={isMe} busy={busy} onRole={handlers.onRole} />
                </td>
                <td className="px-3 py-2">
                  <DepartmentChips
                    agent={agent}
                    departments={departments}
                    onDepartments={handlers.onDepartments}
                  />
                </td>
                <td className="px-3 py-2">
                  <StatusBadge agent={agent} />
                </td>
                <td className="px-3 py-2">
                  <Actions agent={agent} isMe={isMe} busy={busy} layout="row" {...handlers} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul aria-label="Agents" className="flex flex-col gap-3 md:hidden">
        {agents.map((agent) => {
          const isMe = agent.id === meId;
          return (
            <li
              key={agent.id}
              aria-label={agent.name}
              className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-800"
            >
              <div className="flex items-start justify-between gap-2">
                <Identity agent={agent} isMe={isMe} />
                <StatusBadge agent={agent} />
              </div>
              <div className="flex items-center gap-2 text-sm">
                <span className="w-24 shrink-0 text-xs text-slate-600 dark:text-slate-400">
                  Role
                </span>
                <RoleSelect agent={agent} isMe={isMe} busy={busy} onRole={handlers.onRole} />
              </div>
              <div className="flex items-start gap-2 text-sm">
                <span className="w-24 shrink-0 pt-0.5 text-xs text-slate-600 dark:text-slate-400">
                  Departments
                </span>
                <DepartmentChips
                  agent={agent}
                  departments={departments}
                  onDepartments={handlers.onDepartments}
                />
              </div>
              {isMe && !agent.pending ? null : (
                <Actions agent={agent} isMe={isMe} busy={busy} layout="card" {...handlers} />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
