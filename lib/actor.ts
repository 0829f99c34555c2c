// Who did something: written to the audit log and to every event.

export type Actor =
  | { type: 'customer' }
  | { type: 'agent'; agentId: string }
  | { type: 'telegram'; userId: number; agentId?: string }
  | { type: 'system' }
  /** The service token, or an API token (`apiTokenId`) acting with its rights. */
  | { type: 'service'; apiTokenId?: string };

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'agent':
      return `agent:${actor.agentId}`;
    case 'telegram':
      return `telegram:${actor.userId}`;
    case 'service':
      return actor.apiTokenId ? `api-token:${actor.apiTokenId}` : 'service';
    default:
      return actor.type;
  }
}

export const customerActor: Actor = { type: 'customer' };
export const systemActor: Actor = { type: 'system' };
export const serviceActor: Actor = { type: 'service' };
