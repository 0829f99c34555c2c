// Presenters for agents as the team page and the profile page show them.
import { avatarUrl } from '../avatars/avatar-url';
import type { Profile, TeamAgent } from '../contracts/agent';
import type { AgentRow } from '../db/schema';

/** What the team list knows beside the row: the outstanding link and the memberships. */
export interface TeamExtras {
  inviteExpiresAt: Date | null;
  departmentIds: string[];
  now?: Date;
}

export function presentTeamAgent(row: AgentRow, extras: TeamExtras): TeamAgent {
  const { inviteExpiresAt, departmentIds, now = new Date() } = extras;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.active,
    pending: row.passwordHash === null && inviteExpiresAt !== null,
    invite: inviteExpiresAt
      ? {
          expiresAt: inviteExpiresAt.toISOString(),
          expired: inviteExpiresAt.getTime() <= now.getTime(),
        }
      : null,
    departmentIds,
    lastSeenAt: row.lastSeenAt ? row.lastSeenAt.toISOString() : null,
    telegramLinked: row.telegramUserId !== null,
    avatarUrl: avatarUrl(row.avatarHash),
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
    avatarUrl: avatarUrl(row.avatarHash),
    shownInWidget: row.shownInWidget,
  };
}
