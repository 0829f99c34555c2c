// Presenters for agents as the team page and the profile page show them.
import type { Profile, TeamAgent } from '../contracts/agent';
import type { AgentRow } from '../db/schema';

export function presentTeamAgent(row: AgentRow): TeamAgent {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.active,
    lastSeenAt: row.lastSeenAt ? row.lastSeenAt.toISOString() : null,
    telegramLinked: row.telegramUserId !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentProfile(row: AgentRow): Profile {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    closingMessage: row.closingMessage,
    telegramLinked: row.telegramUserId !== null,
  };
}
