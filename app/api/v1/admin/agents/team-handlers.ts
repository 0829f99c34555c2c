// The team endpoints, once: the admin API (`/api/v1/admin/agents`, bearer tokens or an
// admin's session) and the console's session API (`/api/v1/agent/agents`) differ only in
// who may call them, so both sets of routes are built from this.
import { deleteAgent } from '@/lib/agents/delete-agent';
import { getInviteLink, reissueInvite } from '@/lib/agents/invites';
import { findTeamAgent, listTeam } from '@/lib/agents/list-team';
import { setAgentDepartments } from '@/lib/agents/set-agent-departments';
import { addAgent, resetAgentPassword, updateAgent } from '@/lib/agents/team';
import { ADMIN_API } from '@/lib/auth/callers';
import {
  agentDepartmentsSchema,
  createAgentSchema,
  resetPasswordSchema,
  updateAgentSchema,
} from '@/lib/contracts/agent';
import { idParams } from '@/lib/contracts/params';
import { json, type RouteAuth, readJson, route } from '@/lib/http/route';

function teamHandlers<K extends Exclude<RouteAuth, 'public' | 'customer'>>(auth: readonly K[]) {
  const one = { auth, params: idParams };
  return {
    list: route({ auth }, async () => json({ agents: await listTeam() })),
    create: route({ auth }, async ({ request, caller }) => {
      const input = await readJson(request, createAgentSchema);
      return json(await addAgent(input, caller.actor), 201);
    }),
    get: route(one, async ({ params }) => json({ agent: await findTeamAgent(params.id) })),
    update: route(one, async ({ request, params, caller }) => {
      const input = await readJson(request, updateAgentSchema);
      return json({ agent: await updateAgent(params.id, input, caller.actor) });
    }),
    remove: route(one, async ({ params, caller }) =>
      json({ deleted: true, ...(await deleteAgent(params.id, caller.actor)) }),
    ),
    resetPassword: route(one, async ({ request, params, caller }) => {
      const { password } = await readJson(request, resetPasswordSchema, { optional: true });
      return json(await resetAgentPassword(params.id, password, caller.actor));
    }),
    setDepartments: route(one, async ({ request, params, caller }) => {
      const { departmentIds } = await readJson(request, agentDepartmentsSchema);
      return json({ agent: await setAgentDepartments(params.id, departmentIds, caller.actor) });
    }),
    getInvite: route(one, async ({ params }) => json({ invite: await getInviteLink(params.id) })),
    reissueInvite: route(one, async ({ params, caller }) =>
      json({ invite: await reissueInvite(params.id, caller.actor) }, 201),
    ),
  };
}

/** `/api/v1/admin/agents…`: the SERVICE_TOKEN, an API token, or an admin's session. */
export const adminTeamRoutes = teamHandlers(ADMIN_API);

/** `/api/v1/agent/agents…`: an admin's session only, as the rest of the agent API. */
export const sessionTeamRoutes = teamHandlers(['admin'] as const);
