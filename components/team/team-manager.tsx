'use client';
// Admins manage the team: add agents (with a password or a one-time invite link),
// disable and re-enable them, and reset passwords.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { InviteLink, SessionAgent, TeamAgent } from '@/lib/contracts/agent';
import { apiFetch, errorMessage } from '../api';
import { keys } from '../inbox/cache';
import { ConfirmDialog, type ConfirmRequest } from '../inbox/confirm-dialog';
import { Alert, Button, Field } from '../ui';

export function TeamManager({ me }: { me: SessionAgent }) {
  const client = useQueryClient();
  const team = useQuery({
    queryKey: keys.team,
    queryFn: async () => (await apiFetch<{ agents: TeamAgent[] }>('/agents')).agents,
  });
  const [link, setLink] = useState<{ name: string; invite: InviteLink } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: keys.team });

  const add = useMutation({
    mutationFn: (body: Record<string, string>) =>
      apiFetch<{ agent: TeamAgent; invite: InviteLink | null }>('/agents', {
        method: 'POST',
        body,
      }),
    onSuccess: ({ agent, invite }) => {
      setLink(invite ? { name: agent.name, invite } : null);
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; active?: boolean; role?: string }) =>
      apiFetch(`/agents/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void refresh(),
  });
  const reset = useMutation({
    mutationFn: ({ id }: { id: string; name: string }) =>
      apiFetch<{ invite: InviteLink | null }>(`/agents/${id}/password`, { method: 'POST' }),
    onSuccess: ({ invite }, { name }) => setLink(invite ? { name, invite } : null),
  });
  const failure = add.error ?? update.error ?? reset.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = {
      name: String(form.get('name')),
      email: String(form.get('email')),
      role: String(form.get('role')),
    };
    const password = String(form.get('password') ?? '');
    if (password) body.password = password;
    add.mutate(body, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  };

  return (
    <section aria-label="Agents" className="flex flex-col gap-4">
      {failure ? <Alert>{errorMessage(failure)}</Alert> : null}
      {link ? (
        <Alert tone="info">
          One-time link for {link.name} (valid until{' '}
          {new Date(link.invite.expiresAt).toLocaleDateString()}):{' '}
          <code className="break-all font-mono">{link.invite.url}</code>
        </Alert>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {team.data?.map((agent) => (
            <tr key={agent.id} className="border-t border-slate-100">
              <td className="py-2">{agent.name}</td>
              <td>{agent.email ?? '—'}</td>
              <td>{agent.role}</td>
              <td>{agent.active ? 'Active' : 'Disabled'}</td>
              <td className="flex justify-end gap-1 py-1">
                {agent.id === me.id ? null : (
                  <>
                    <Button
                      variant="ghost"
                      aria-label={`${agent.active ? 'Disable' : 'Enable'} ${agent.name}`}
                      onClick={() =>
                        agent.active
                          ? setConfirm({
                              title: `Disable ${agent.name}?`,
                              description:
                                'They are signed out everywhere at once and cannot sign in until re-enabled.',
                              confirmLabel: 'Disable',
                              danger: true,
                              onConfirm: () => update.mutate({ id: agent.id, active: false }),
                            })
                          : update.mutate({ id: agent.id, active: true })
                      }
                    >
                      {agent.active ? 'Disable' : 'Enable'}
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={`Reset password of ${agent.name}`}
                      onClick={() =>
                        setConfirm({
                          title: `Reset the password of ${agent.name}?`,
                          description:
                            'Their password stops working; you get a one-time link to send them.',
                          confirmLabel: 'Reset password',
                          onConfirm: () => reset.mutate({ id: agent.id, name: agent.name }),
                        })
                      }
                    >
                      Reset password
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        onSubmit={submit}
        aria-label="Add an agent"
        className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 className="col-span-2 font-semibold">Add an agent</h2>
        <Field label="Name" name="name" required maxLength={64} />
        <Field label="Email" name="email" type="email" required />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Role</span>
          <select
            name="role"
            className="rounded-md border border-slate-300 px-3 py-2"
            defaultValue="agent"
          >
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <Field
          label="Initial password"
          name="password"
          type="password"
          minLength={10}
          autoComplete="new-password"
          hint="Leave empty to get a one-time invite link instead."
        />
        <Button
          type="submit"
          variant="primary"
          className="col-span-2 justify-self-start"
          disabled={add.isPending}
        >
          Add agent
        </Button>
      </form>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
