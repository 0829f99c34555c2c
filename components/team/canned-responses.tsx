'use client';
// Admins keep the canned responses agents insert with `/shortcut`.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { CannedResponse } from '@/lib/contracts/agent';
import { apiFetch, errorMessage } from '../api';
import { keys } from '../inbox/cache';
import { Alert, Button, Field } from '../ui';

export function CannedResponses() {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: keys.canned,
    queryFn: async () =>
      (await apiFetch<{ cannedResponses: CannedResponse[] }>('/canned-responses')).cannedResponses,
  });
  const refresh = () => client.invalidateQueries({ queryKey: keys.canned });
  const add = useMutation({
    mutationFn: (body: { shortcut: string; text: string }) =>
      apiFetch('/canned-responses', { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/canned-responses/${id}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add.mutate(
      { shortcut: String(form.get('shortcut')), text: String(form.get('text')) },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  };

  return (
    <section aria-label="Canned responses" className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">Canned responses</h2>
      {add.error || remove.error ? <Alert>{errorMessage(add.error ?? remove.error)}</Alert> : null}
      <ul className="flex flex-col gap-2">
        {list.data?.map((response) => (
          <li
            key={response.id}
            className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm"
          >
            <code className="font-mono text-indigo-700">/{response.shortcut}</code>
            <span className="flex-1 whitespace-pre-wrap text-slate-700">{response.text}</span>
            <Button
              variant="ghost"
              aria-label={`Delete /${response.shortcut}`}
              onClick={() => remove.mutate(response.id)}
            >
              Delete
            </Button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={submit}
        aria-label="Add a canned response"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <Field
          label="Shortcut"
          name="shortcut"
          required
          pattern="[A-Za-z0-9][A-Za-z0-9_\-]{0,31}"
        />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Text</span>
          <textarea
            name="text"
            required
            rows={3}
            maxLength={4000}
            className="rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <Button type="submit" variant="primary" className="self-start" disabled={add.isPending}>
          Add canned response
        </Button>
      </form>
    </section>
  );
}
