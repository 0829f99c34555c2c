'use client';
// The departments screen: the list in the order visitors see it, with moving, editing,
// deactivating and deleting, and the form for a new one. Everything goes through
// /api/v1/admin/departments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminDepartment } from '@/lib/contracts/departments';
import { adminFetch, errorMessage } from '../api';
import { keys } from '../inbox/cache';
import { ConfirmDialog, type ConfirmRequest } from '../inbox/confirm-dialog';
import { Alert, Button } from '../ui';
import { type DepartmentDraft, DepartmentForm } from './departments-form';
import { DepartmentRow } from './departments-row';

export const departmentsKey = ['admin', 'departments'] as const;

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

export function DepartmentsManager() {
  const client = useQueryClient();
  const departments = useQuery({
    queryKey: departmentsKey,
    queryFn: async () =>
      (await adminFetch<{ departments: AdminDepartment[] }>('/departments')).departments,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const refresh = (list?: AdminDepartment[]) => {
    if (list) client.setQueryData(departmentsKey, list);
    else void client.invalidateQueries({ queryKey: departmentsKey });
    // The inbox's filter reads them too.
    void client.invalidateQueries({ queryKey: keys.departments });
  };

  const save = useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: DepartmentDraft }) =>
      adminFetch<{ department: AdminDepartment }>(id ? `/departments/${id}` : '/departments', {
        method: id ? 'PATCH' : 'POST',
        body: draft,
      }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      adminFetch(`/departments/${id}`, { method: 'PATCH', body: { active } }),
    onSuccess: () => refresh(),
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) =>
      adminFetch<{ departments: AdminDepartment[] }>('/departments/order', {
        method: 'POST',
        body: { ids },
      }),
    onSuccess: ({ departments: list }) => refresh(list),
  });
  const remove = useMutation({
    mutationFn: (id: string) => adminFetch(`/departments/${id}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      if (editing?.kind === 'edit' && editing.id === id) setEditing(null);
      refresh();
    },
  });
  const failure = change.error ?? reorder.error ?? remove.error;

  const list = departments.data ?? [];
  const move = (index: number, by: -1 | 1) => {
    const ids = list.map((d) => d.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids);
  };
  const askDelete = (department: AdminDepartment) =>
    setConfirm({
      title: `Delete ${department.name}?`,
      description:
        department.openConversations > 0
          ? `Its ${department.openConversations} open conversation(s) stay, without a department. To hide it from visitors but keep it, deactivate it instead.`
          : 'Its conversations stay, without a department. To hide it from visitors but keep it, deactivate it instead.',
      confirmLabel: 'Delete department',
      danger: true,
      onConfirm: () => remove.mutate(department.id),
    });

  const form = (department: AdminDepartment | null) => (
    <DepartmentForm
      key={department?.id ?? 'new'}
      department={department}
      pending={save.isPending}
      error={save.error}
      onSave={(draft) => save.mutate({ id: department?.id ?? null, draft })}
      onCancel={() => {
        save.reset();
        setEditing(null);
      }}
    />
  );

  return (
    <section aria-label="Departments" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Visitors pick one in the widget, in this order. Embed with{' '}
          <code className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">
            data-department="&lt;id&gt;"
          </code>{' '}
          to skip the picker.
        </p>
        {editing?.kind !== 'new' ? (
          <Button
            variant="primary"
            onClick={() => {
              save.reset();
              setEditing({ kind: 'new' });
            }}
          >
            New department
          </Button>
        ) : null}
      </div>
      {failure ? <Alert>{errorMessage(failure)}</Alert> : null}
      {editing?.kind === 'new' ? form(null) : null}
      {departments.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>
      ) : departments.error ? (
        <Alert>{errorMessage(departments.error)}</Alert>
      ) : list.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No departments yet: every conversation goes to the whole team.
        </p>
      ) : (
        <ol aria-label="Departments in order" className="flex flex-col gap-3">
          {list.map((department, index) =>
            editing?.kind === 'edit' && editing.id === department.id ? (
              <li key={department.id}>{form(department)}</li>
            ) : (
              <DepartmentRow
                key={department.id}
                department={department}
                first={index === 0}
                last={index === list.length - 1}
                busy={reorder.isPending}
                onMove={(by) => move(index, by)}
                onEdit={() => {
                  save.reset();
                  setEditing({ kind: 'edit', id: department.id });
                }}
                onToggleActive={() =>
                  change.mutate({ id: department.id, active: !department.active })
                }
                onDelete={() => askDelete(department)}
              />
            ),
          )}
        </ol>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
