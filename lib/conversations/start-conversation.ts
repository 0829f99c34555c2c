// Starts a conversation for a visitor and hands back the token that binds them to it.
import { and, eq } from 'drizzle-orm';
import { customerActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { StartConversationInput } from '../contracts/customer';
import type { CustomerConversation } from '../contracts/dto';
import { customerNameSchema } from '../contracts/text';
import { signCustomerToken } from '../customer-token';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { type ConversationRow, conversations, departments } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { limitConversationStarts } from '../rate-limit';
import { getSettings } from '../settings/settings';
import { isVisitorBlocked } from '../visitors/visitor-blocks';
import { generateCodename } from './codename';
import { checkPreChatAnswers } from './pre-chat-answers';
import { presentCustomerConversation } from './present';
import { emitSystemMessage } from './system-messages';

export interface StartConversationResult {
  conversation: ConversationRow;
  view: CustomerConversation;
  token: string;
}

const CODENAME_ATTEMPTS = 8;

/**
 * The pre-chat form's `name` field (the console's "Visitor's name" preset) is the visitor's
 * name unless one was given explicitly; an answer that is no valid name stays a field.
 */
function nameAndFields(input: StartConversationInput): {
  name: string | null;
  fields: Record<string, unknown>;
} {
  const fields = { ...input.fields };
  if (input.name) return { name: input.name, fields };
  const answer = customerNameSchema.safeParse(fields.name);
  if (!answer.success) return { name: null, fields };
  delete fields.name;
  return { name: answer.data, fields };
}

export async function startConversation(
  input: StartConversationInput,
  /** `ip`: the caller's address, rate-limited and checked against visitor blocks. */
  context: { userAgent?: string | null; ip?: string } = {},
): Promise<StartConversationResult> {
  // A blocked visitor is refused before the rate limit counts the attempt (DESIGN §8).
  if (await isVisitorBlocked(db(), { visitorId: input.visitorId, ip: context.ip })) {
    throw new AppError('blocked', 'You cannot start a new conversation');
  }
  checkPreChatAnswers((await getSettings(db(), 'preChatFields')).fields, input);
  if (context.ip) await limitConversationStarts(context.ip);
  for (let attempt = 1; ; attempt++) {
    try {
      const { name, fields } = nameAndFields(input);
      const row = await inTransaction(async (tx) => {
        if (input.departmentId) {
          const [department] = await tx
            .select({ id: departments.id })
            .from(departments)
            .where(and(eq(departments.id, input.departmentId), eq(departments.active, true)));
          if (!department) throw notFound('Department');
        }
        const [created] = await tx
          .insert(conversations)
          .values({
            codename: generateCodename(),
            departmentId: input.departmentId ?? null,
            customerName: name,
            visitorId: input.visitorId ?? null,
            clientIp: context.ip && context.ip !== 'unknown' ? context.ip : null,
            fields,
            pageUrl: input.page?.url || null,
            pageTitle: input.page?.title || null,
            referrer: input.page?.referrer || null,
            locale: input.locale ?? null,
            userAgent: context.userAgent?.slice(0, 512) ?? null,
          })
          .returning();
        const conversation = created!;
        await writeAudit(tx, customerActor, 'conversation.started', conversation.id);
        await recordEvent(tx, 'conversation.started', customerActor, conversation.id, {
          conversation: presentCustomerConversation(conversation, null),
        });
        return emitSystemMessage(tx, conversation, 'welcome_message', customerActor);
      });
      return {
        conversation: row,
        view: presentCustomerConversation(row, null),
        token: await signCustomerToken(row.id, row.tokenVersion),
      };
    } catch (error) {
      if (
        attempt < CODENAME_ATTEMPTS &&
        isUniqueViolation(error, 'conversations_codename_unique')
      ) {
        continue;
      }
      throw error;
    }
  }
}
