'use client';
// Admins keep the canned responses agents insert with `/shortcut`: add, edit in place, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CannedResponse } from '@/lib/contracts/agent';
import { Card, TextArea } from '../admin/form';
import { apiFetch, errorMessage } from '../api';
import { keys } from '../inbox/cache';
import { Alert, Button, Field } from '../ui';

type Draft = { shortcut: string; text: string };

const SHORTCUT_PATTERN = '[A-Za-z0-9][A-Za-z0-9_\\-]{0,31}';

function CannedFields({ initial }: { initial?: Draft }) {
  return (
    <>
      <Field
        label="Shortcut"
        name="shortcut"
        required
        pattern={SHORTCUT_PATTERN}
        defaultValue={initial?.shortcut}
        hint="Agents type /shortcut in the reply box. Letters, digits, _ or -."
      />
      <TextArea label="Text" name="text" required maxLength={4000} defaultValue={initial?.text} />
    </>
  );
}

const draftOf = (form: HTMLFormElement): Draft => {
  const data = new FormData(form);
  return { shortcut: String(data.get('shortcut')), text: String(data.get('text')) };
};

export function CannedResponses() {
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: keys.canned,
    queryFn: async () =>
      (await apiFetch<{ cannedResponses: CannedResponse[] }>('/canned-responses')).cannedResponses,
  });
  const refresh = () => client.invalidateQueries({ queryKey: keys.canned });
  const save = useMutation({
    mutationFn: ({ id, ...body }: Draft & { id?: string }) =>
      apiFetch(id ? `/canned-responses/${id}` : '/canned-responses', {
        method: id ? 'PATCH' : 'POST',
        body,
      }),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/canned-responses/${id}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
  });

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    remove.reset();
    save.mutate(draftOf(form), { onSuccess: () => form.reset() });
  };
  const update = (id: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    remove.reset();
    save.mutate({ id, ...draftOf(event.currentTarget) }, { onSuccess: () => setEditing(null) });
  };
  const failure = save.error ?? remove.error;

  return (
    <Card
      title="Canned responses"
      description="Ready-made replies every agent can insert with / in the reply box."
    >
      {failure ? <Alert>{errorMessage(failure)}</Alert> : null}
      {list.data?.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No canned responses yet.</p>
      ) : null}
      <ul aria-label="Canned responses" className="flex flex-col gap-2">
        {list.data?.map((response) =>
          editing === response.id ? (
            <li key={response.id}>
              <form
                onSubmit={update(response.id)}
                aria-label={`Edit /${response.shortcut}`}
                className="flex flex-col gap-3 rounded-md border border-indigo-300 p-3 dark:border-indigo-800"
              >
                <CannedFields initial={response} />
                <div className="flex gap-2">
                  <Button type="submit" variant="primary" disabled={save.isPending}>
                    Save
                  </Button>
                  <Button
                    onClick={() => {
                      save.reset();
                      setEditing(null);
                    }}
                  >
                    Cancel
                  </Button>
                </div>
              </form>
            </li>
          ) : (
            <li
              key={response.id}
              className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 text-sm sm:flex-row sm:items-start sm:gap-3 dark:border-slate-800"
            >
              <code className="shrink-0 font-mono text-indigo-700 dark:text-indigo-300">
                /{response.shortcut}
              </code>
              <span className="min-w-0 flex-1 whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
                {response.text}
              </span>
              <div className="flex shrink-0 gap-1 self-end sm:self-start">
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  aria-label={`Edit /${response.shortcut}`}
                  onClick={() => {
                    save.reset();
                    setEditing(response.id);
                  }}
                >
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs text-red-700! hover:bg-red-50 dark:text-red-300! dark:hover:bg-red-950"
                  aria-label={`Delete /${response.shortcut}`}
                  onClick={() => remove.mutate(response.id)}
                >
                  Delete
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
      <form
        onSubmit={add}
        aria-label="Add a canned response"
        className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800"
      >
        <CannedFields />
        <Button type="submit" variant="primary" className="self-start" disabled={save.isPending}>
          Add canned response
        </Button>
      </form>
    </Card>
  );
}
