// The bytes behind a public avatar URL; 404 for a hash no agent has (any more).
import { eq } from 'drizzle-orm';
import { db } from '../db/client';
import { agentAvatars } from '../db/schema';
import { notFound } from '../errors';

export async function getAvatarImage(hash: string): Promise<{ data: Buffer; type: string }> {
  const [row] = await db()
    .select({ data: agentAvatars.data, type: agentAvatars.type })
    .from(agentAvatars)
    .where(eq(agentAvatars.hash, hash));
  if (!row) throw notFound('Avatar');
  return row;
}
