// The team endpoints, once: the admin API (`/api/v1/admin/agents`, bearer tokens or an
// admin's session) and the console's session API (`/api/v1/agent/agents`) differ only in
// how the caller is authenticated, so both sets of routes are built from this.

import type { Actor } from '@/lib/actor';
import { deleteAgent } from '@/lib/agents/delete-agent';
import { getInviteLink, reissueInvite } from '@/lib/agents/invites';
import { findTeamAgent, listTeam } from '@/lib/agents/list-team';
import { setAgentDepartments } from '@/lib/agents/set-agent-departments';
import { addAgent, resetAgentPassword, updateAgent } from '@/lib/agents/team';
import { agentActor, authenticateAdminRequest } from '@/lib/auth/request-auth';
import {
  agentDepartmentsSchema,
  agentIdSchema,
  createAgentSchema,
  resetPasswordSchema,
  updateAgentSchema,
} from '@/lib/contracts/agent';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, readJson, route } from '@/lib/http/route';

type Authenticate = (request: Request) => Promise<Actor>;
type AgentParams = { id: string };

function teamHandlers(authenticate: Authenticate) {
  const withAgent = (
    handler: (request: Request, actor: Actor, agentId: string) => Promise<Response>,
  ) =>
    route<AgentParams>(async (request, params) => {
      const actor = await authenticate(request);
      return handler(request, actor, parse(agentIdSchema, params.id));
    });

  return {
    list: route(async (request) => {
      await authenticate(request);
      return json({ agents: await listTeam() });
    }),
    create: route(async (request) => {
      const actor = await authenticate(request);
      const input = await readJson(request, createAgentSchema);
      return json(await addAgent(input, actor), 201);
    }),
    get: withAgent(async (_request, _actor, id) => json({ agent: await findTeamAgent(id) })),
    update: withAgent(async (request, actor, id) => {
      const input = await readJson(request, updateAgentSchema);
      return json({ agent: await updateAgent(id, input, actor) });
    }),
    remove: withAgent(async (_request, actor, id) =>
      json({ deleted: true, ...(await deleteAgent(id, actor)) }),
    ),
    resetPassword: withAgent(async (request, actor, id) => {
      const { password } = await readJson(request, resetPasswordSchema, { optional: true });
      return json(await resetAgentPassword(id, password, actor));
    }),
    setDepartments: withAgent(async (request, actor, id) => {
      const { departmentIds } = await readJson(request, agentDepartmentsSchema);
      return json({ agent: await setAgentDepartments(id, departmentIds, actor) });
    }),
    getInvite: withAgent(async (_request, _actor, id) => json({ invite: await getInviteLink(id) })),
    reissueInvite: withAgent(async (_request, actor, id) =>
      json({ invite: await reissueInvite(id, actor) }, 201),
    ),
  };
}

/** `/api/v1/admin/agents…`: the SERVICE_TOKEN, an API token, or an admin's session. */
export const adminTeamRoutes = teamHandlers(authenticateAdmin);

/** `/api/v1/agent/agents…`: an admin's session only, as the rest of the agent API. */
export const sessionTeamRoutes = teamHandlers(async (request) =>
  agentActor(await authenticateAdminRequest(request)),
);
