// Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD at boot, or brings an existing
// one up to date (role, active flag, password), so a forgotten password is one restart away.
import { eq } from 'drizzle-orm';
import { serviceActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { Database } from '../db/client';
import { agents } from '../db/schema';
import { getAgentByEmail } from './agents';
import { hashPassword, verifyPassword } from './password';

export async function ensureAdmin(
  database: Database,
  email: string,
  password: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  return database.transaction(async (tx) => {
    const existing = await getAgentByEmail(tx, email);
    if (!existing) {
      const [created] = await tx
        .insert(agents)
        .values({
          email,
          name: email.split('@')[0]!,
          role: 'admin',
          passwordHash: await hashPassword(password),
        })
        .returning({ id: agents.id });
      await writeAudit(tx, serviceActor, 'agent.created', null, {
        agentId: created!.id,
        role: 'admin',
      });
      return 'created';
    }
    const passwordMatches = await verifyPassword(password, existing.passwordHash);
    if (passwordMatches && existing.role === 'admin' && existing.active) return 'unchanged';
    await tx
      .update(agents)
      .set({
        role: 'admin',
        active: true,
        passwordHash: passwordMatches ? existing.passwordHash : await hashPassword(password),
        updatedAt: new Date(),
      })
      .where(eq(agents.id, existing.id));
    await writeAudit(tx, serviceActor, 'agent.updated', null, {
      agentId: existing.id,
      role: 'admin',
    });
    return 'updated';
  });
}
