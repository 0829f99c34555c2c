'use client';
// One department in the console's list: how it looks in the widget, who belongs to it,
// where its topics go, its id for `data-department`, and what an admin can do with it.
import { useQuery } from '@tanstack/react-query';
import type { TeamAgent } from '@/lib/contracts/agent';
import type { AdminDepartment } from '@/lib/contracts/departments';
import { apiFetch } from '../api';
import { keys } from '../inbox/cache';
import { Button } from '../ui';
import { CopyButton } from './form';

export function DepartmentRow({
  department,
  first,
  last,
  busy,
  onMove,
  onEdit,
  onToggleActive,
  onDelete,
}: {
  department: AdminDepartment;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onEdit: () => void;
  onToggleActive: () => void;
  onDelete: () => void;
}) {
  const team = useQuery({
    queryKey: keys.team,
    queryFn: async () => (await apiFetch<{ agents: TeamAgent[] }>('/agents')).agents,
  });
  const members = department.memberIds.map(
    (id) => team.data?.find((agent) => agent.id === id)?.name ?? '…',
  );
  const { name } = department;
  const icon = department.icon ?? name.slice(0, 1).toUpperCase();

  return (
    <li
      aria-label={name}
      className={`flex flex-col gap-3 rounded-lg border bg-white p-4 dark:bg-slate-900 ${
        department.active
          ? 'border-slate-200 dark:border-slate-800'
          : 'border-dashed border-slate-300 opacity-80 dark:border-slate-700'
      }`}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={`flex size-10 shrink-0 items-center justify-center overflow-hidden rounded-full border-2 bg-slate-50 dark:bg-slate-800 ${
            [...icon].length > 2 ? 'text-[0.6rem] font-semibold' : 'text-lg'
          }`}
          style={{ borderColor: department.color ?? 'transparent' }}
        >
          {icon}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">{name}</h3>
            {department.active ? null : (
              <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                Inactive
              </span>
            )}
          </div>
          {department.description ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{department.description}</p>
          ) : null}
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <dt className="font-medium text-slate-700 dark:text-slate-300">Open conversations</dt>
            <dd>{department.openConversations}</dd>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Members</dt>
            <dd>{members.length ? members.join(', ') : 'none: the whole team is alerted'}</dd>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Telegram</dt>
            <dd>
              {department.telegramChatId === null
                ? 'main support group'
                : `own group ${department.telegramChatId}`}
            </dd>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Id</dt>
            <dd className="flex min-w-0 items-center gap-2">
              <code className="truncate font-mono">{department.id}</code>
            </dd>
          </dl>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() => onMove(-1)}
          disabled={first || busy}
          aria-label={`Move ${name} up`}
          title="Move up"
        >
          ↑
        </Button>
        <Button
          onClick={() => onMove(1)}
          disabled={last || busy}
          aria-label={`Move ${name} down`}
          title="Move down"
        >
          ↓
        </Button>
        <Button onClick={onEdit} aria-label={`Edit ${name}`}>
          Edit
        </Button>
        <Button
          onClick={onToggleActive}
          aria-label={`${department.active ? 'Deactivate' : 'Activate'} ${name}`}
        >
          {department.active ? 'Deactivate' : 'Activate'}
        </Button>
        <CopyButton text={department.id} label="Copy id" />
        <Button onClick={onDelete} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      </div>
    </li>
  );
}
