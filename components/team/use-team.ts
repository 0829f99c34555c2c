'use client';
// The team screen's server state: the team and the departments, and every change an admin
// makes, all through the admin API (`/api/v1/admin/agents`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentRole, Department, InviteLink, TeamAgent } from '@/lib/contracts/agent';
import { adminFetch, apiFetch } from '../api';
import { keys } from '../inbox/cache';

export interface NewAgent {
  name: string;
  email: string;
  role: AgentRole;
  password?: string;
  departmentIds: string[];
}

export type PendingLink = InviteLink & { expired?: boolean };

export function useTeam() {
  return useQuery({
    queryKey: keys.team,
    queryFn: async () => (await adminFetch<{ agents: TeamAgent[] }>('/agents')).agents,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: keys.departments,
    queryFn: async () =>
      (await apiFetch<{ departments: Department[] }>('/departments')).departments,
    staleTime: 5 * 60_000,
  });
}

export function useTeamActions() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: keys.team });
  const agentPath = (id: string, rest = '') => `/agents/${id}${rest}`;
  return {
    add: useMutation({
      mutationFn: (body: NewAgent) =>
        adminFetch<{ agent: TeamAgent; invite: InviteLink | null }>('/agents', {
          method: 'POST',
          body,
        }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: string; active?: boolean; role?: AgentRole }) =>
        adminFetch<{ agent: TeamAgent }>(agentPath(id), { method: 'PATCH', body }),
      onSuccess: refresh,
    }),
    setDepartments: useMutation({
      mutationFn: ({ id, departmentIds }: { id: string; departmentIds: string[] }) =>
        adminFetch<{ agent: TeamAgent }>(agentPath(id, '/departments'), {
          method: 'PUT',
          body: { departmentIds },
        }),
      onSuccess: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password?: string }) =>
        adminFetch<{ invite: InviteLink | null }>(agentPath(id, '/password'), {
          method: 'POST',
          body: password ? { password } : {},
        }),
      onSuccess: refresh,
    }),
    showLink: useMutation({
      mutationFn: (id: string) =>
        adminFetch<{ invite: PendingLink }>(agentPath(id, '/invite')).then((r) => r.invite),
    }),
    reissueLink: useMutation({
      mutationFn: (id: string) =>
        adminFetch<{ invite: InviteLink }>(agentPath(id, '/invite'), { method: 'POST' }).then(
          (r) => r.invite,
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        adminFetch<{ unassignedConversations: number }>(agentPath(id), { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

export type TeamActions = ReturnType<typeof useTeamActions>;
