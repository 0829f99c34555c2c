// Who did something: written to the audit log and to every event.

export type Actor =
  | { type: 'customer' }
  | { type: 'agent'; agentId: string }
  | { type: 'telegram'; userId: number; agentId?: string }
  | { type: 'system' }
  | { type: 'service' };

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'agent':
      return `agent:${actor.agentId}`;
    case 'telegram':
      return `telegram:${actor.userId}`;
    default:
      return actor.type;
  }
}

export const customerActor: Actor = { type: 'customer' };
export const systemActor: Actor = { type: 'system' };
export const serviceActor: Actor = { type: 'service' };
