// The team endpoints (DESIGN §12). The same handlers serve two doors, documented here once:
// the admin API (`/api/v1/admin/agents`: bearer tokens or an admin's session) and the
// console's session API (`/api/v1/agent/agents`: an admin's session only).
import { z } from 'zod';
import {
  agentDepartmentsSchema,
  createAgentSchema,
  resetPasswordSchema,
  updateAgentSchema,
} from '../../contracts/agent';
import {
  addedAgentSchema,
  deletedAgentSchema,
  pendingInviteSchema,
} from '../../contracts/console-responses';
import { inviteLinkSchema, teamAgentSchema } from '../../contracts/responses';
import { type ApiRoute, byId, defineRoute, type RouteAuth } from '../define-route';

const agent = z.object({ agent: teamAgentSchema });
const LAST_ADMIN =
  'The team keeps at least one active admin, and an admin cannot lock themselves out: such a change is a 409.';

function teamRoutes(base: string, auth: RouteAuth, tag: string): ApiRoute[] {
  const one = `${base}/{id}`;
  const setDepartments = (method: 'put' | 'patch') =>
    defineRoute({
      method,
      path: `${one}/departments`,
      summary: 'Set the departments an agent belongs to (the whole set)',
      description: 'An unknown department id is a 404 and changes nothing.',
      tag,
      auth,
      params: byId,
      body: agentDepartmentsSchema,
      responses: { 200: agent },
    });
  return [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'The team, by name, with pending invitations and departments',
      tag,
      auth,
      responses: { 200: z.object({ agents: z.array(teamAgentSchema) }) },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary: 'Add an agent, with a password or a one-time invitation link',
      description: 'Without a password the answer holds the link to send them.',
      tag,
      auth,
      body: createAgentSchema,
      responses: { 201: addedAgentSchema },
      errors: ['conflict', 'not_found'],
    }),
    defineRoute({
      method: 'get',
      path: one,
      summary: 'One agent as the team list shows them',
      tag,
      auth,
      params: byId,
      responses: { 200: agent },
    }),
    defineRoute({
      method: 'patch',
      path: one,
      summary: 'Rename, change the role of, disable or re-enable an agent',
      description: `Disabling signs the agent out everywhere at once. ${LAST_ADMIN}`,
      tag,
      auth,
      params: byId,
      body: updateAgentSchema,
      responses: { 200: agent },
      errors: ['conflict'],
    }),
    defineRoute({
      method: 'delete',
      path: one,
      summary: 'Delete an agent; their open conversations go back to the unclaimed queue',
      description: `The transcript keeps the names they wrote under. ${LAST_ADMIN}`,
      tag,
      auth,
      params: byId,
      responses: { 200: deletedAgentSchema },
      errors: ['conflict'],
    }),
    defineRoute({
      method: 'post',
      path: `${one}/password`,
      summary: 'Set a new password, or get a one-time link to choose one',
      description:
        'Without a password (or without a body) the password is cleared and the answer holds the link.',
      tag,
      auth,
      params: byId,
      body: resetPasswordSchema,
      bodyOptional: true,
      responses: { 200: z.object({ invite: inviteLinkSchema.nullable() }) },
    }),
    setDepartments('put'),
    setDepartments('patch'),
    defineRoute({
      method: 'get',
      path: `${one}/invite`,
      summary: 'The agent’s pending invitation link again, to copy',
      description:
        'Expired links are shown too (`expired: true`). 404 when the agent has no pending link.',
      tag,
      auth,
      params: byId,
      responses: { 200: z.object({ invite: pendingInviteSchema }) },
    }),
    defineRoute({
      method: 'post',
      path: `${one}/invite`,
      summary: 'Issue a fresh invitation link; the old one stops working',
      description: 'Only for an agent without a password: otherwise a 409 (reset the password).',
      tag,
      auth,
      params: byId,
      responses: { 201: z.object({ invite: inviteLinkSchema }) },
      errors: ['conflict'],
    }),
  ];
}

export const adminTeamRoutes = teamRoutes('/api/v1/admin/agents', 'admin', 'Admin: team');

export const sessionTeamRoutes = teamRoutes('/api/v1/agent/agents', 'admin-session', 'Agent: team');
