'use client';
// Admins manage the team: invite or add agents, change roles and departments, disable,
// delete and reset passwords. Every change goes through the admin API.
import { useState } from 'react';
import type { SessionAgent, TeamAgent } from '@/lib/contracts/agent';
import { Card } from '../admin/form';
import { errorMessage } from '../api';
import { Alert } from '../ui';
import { AddAgentForm } from './add-agent-form';
import { type AgentDialogRequest, AgentDialogs } from './agent-dialogs';
import { AgentList } from './agent-list';
import { InviteLinkPanel, type ShownLink } from './invite-link-panel';
import { useDepartments, useTeam, useTeamActions } from './use-team';

export function TeamManager({ me }: { me: SessionAgent }) {
  const team = useTeam();
  const departments = useDepartments().data ?? [];
  const actions = useTeamActions();
  const [shown, setShown] = useState<ShownLink | null>(null);
  const [dialog, setDialog] = useState<AgentDialogRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const mutations = Object.values(actions);
  const failure = mutations.find((mutation) => mutation.error)?.error;
  const busy = mutations.some((mutation) => mutation.isPending);
  const open = (kind: AgentDialogRequest['kind']) => (agent: TeamAgent) =>
    setDialog({ kind, agent });
  const reset = () => {
    for (const mutation of mutations) mutation.reset();
    setNotice(null);
  };

  const reissue = (agent: Pick<TeamAgent, 'id' | 'name'>, kind: ShownLink['kind']) => {
    reset();
    actions.reissueLink.mutate(agent.id, {
      onSuccess: (link) => setShown({ agentId: agent.id, name: agent.name, kind, link }),
    });
  };
  const linkKind = (agent: TeamAgent) => (agent.lastSeenAt === null ? 'invite' : 'reset');

  return (
    <>
      <Card
        title="Agents"
        description="Everyone who answers conversations. Invited agents are pending until they choose a password."
      >
        {failure ? <Alert>{errorMessage(failure)}</Alert> : null}
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {shown ? (
          <InviteLinkPanel
            shown={shown}
            onReissue={() => reissue({ id: shown.agentId, name: shown.name }, shown.kind)}
            onDismiss={() => setShown(null)}
          />
        ) : null}
        {team.isPending ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Loading the team…</p>
        ) : team.error ? (
          <Alert>{errorMessage(team.error)}</Alert>
        ) : (
          <AgentList
            agents={team.data}
            departments={departments}
            meId={me.id}
            busy={busy}
            onRole={(agent, role) => {
              reset();
              actions.update.mutate({ id: agent.id, role });
            }}
            onToggleActive={(agent) => {
              reset();
              if (agent.active) open('disable')(agent);
              else actions.update.mutate({ id: agent.id, active: true });
            }}
            onDepartments={open('departments')}
            onResetPassword={open('password')}
            onDelete={open('delete')}
            onShowLink={(agent) => {
              reset();
              actions.showLink.mutate(agent.id, {
                onSuccess: (link) =>
                  setShown({ agentId: agent.id, name: agent.name, kind: linkKind(agent), link }),
              });
            }}
            onReissueLink={(agent) => reissue(agent, linkKind(agent))}
          />
        )}
      </Card>
      <AddAgentForm
        departments={departments}
        pending={actions.add.isPending}
        onAdd={(input, done) => {
          reset();
          actions.add.mutate(input, {
            onSuccess: ({ agent, invite }) => {
              done();
              if (invite)
                setShown({ agentId: agent.id, name: agent.name, kind: 'invite', link: invite });
              else setNotice(`${agent.name} can sign in now with the password you set.`);
            },
          });
        }}
      />
      <AgentDialogs
        request={dialog}
        departments={departments}
        onClose={() => setDialog(null)}
        onDisable={(agent) => actions.update.mutate({ id: agent.id, active: false })}
        onDelete={(agent) =>
          actions.remove.mutate(agent.id, {
            onSuccess: ({ unassignedConversations: count }) => {
              if (shown?.agentId === agent.id) setShown(null);
              setNotice(
                `${agent.name} was deleted.${
                  count > 0
                    ? ` ${count} open conversation${count === 1 ? '' : 's'} went back to the unclaimed queue.`
                    : ''
                }`,
              );
            },
          })
        }
        onDepartments={(agent, departmentIds) =>
          actions.setDepartments.mutate({ id: agent.id, departmentIds })
        }
        onResetPassword={(agent, password) =>
          actions.resetPassword.mutate(
            { id: agent.id, password },
            {
              onSuccess: ({ invite }) => {
                if (invite)
                  setShown({ agentId: agent.id, name: agent.name, kind: 'reset', link: invite });
                else setNotice(`The password of ${agent.name} was changed.`);
              },
            },
          )
        }
      />
    </>
  );
}
