// Starts a conversation for a visitor and hands back the token that binds them to it. A
// visitor with a verified identity who already has an open conversation gets that one back
// (with a fresh token), so the same signed-in user continues on another device.

import { and, desc, eq, inArray } from 'drizzle-orm';
import { customerActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { OPEN_STATUSES } from '../contracts/conversation-state';
import type { StartConversationInput } from '../contracts/customer';
import type { CustomerConversation } from '../contracts/dto';
import type { PreChatFieldSetting } from '../contracts/settings';
import { customerNameSchema } from '../contracts/text';
import { signCustomerToken } from '../customer-token';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  type ConversationRow,
  conversations,
  departments,
  type VerifiedIdentity,
} from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { limitConversationStarts } from '../rate-limit';
import { getSettings } from '../settings/settings';
import { verifyIdentityToken } from '../visitors/identity';
import { isVisitorBlocked } from '../visitors/visitor-blocks';
import { generateCodename } from './codename';
import { customerView } from './conversation-rows';
import { checkPreChatAnswers } from './pre-chat-answers';
import { presentCustomerConversation } from './present';
import { emitSystemMessage } from './system-messages';

export interface StartConversationResult {
  conversation: ConversationRow;
  view: CustomerConversation;
  token: string;
  /** True when a verified visitor got their open conversation back. */
  resumed?: boolean;
}

/** The identity a token proves, or null without one; 401 for a bad one or a required one. */
async function verifiedIdentityOf(input: StartConversationInput): Promise<VerifiedIdentity | null> {
  if (input.identityToken) return verifyIdentityToken(input.identityToken);
  const { required } = await getSettings(db(), 'identity');
  if (required) throw new AppError('unauthorized', 'Sign in on the site to chat with us');
  return null;
}

async function openConversationOf(sub: string): Promise<ConversationRow | undefined> {
  const [row] = await db()
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.identitySub, sub), inArray(conversations.status, [...OPEN_STATUSES])),
    )
    .orderBy(desc(conversations.lastActivityAt))
    .limit(1);
  return row;
}

const CODENAME_ATTEMPTS = 8;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address for replies: given outright, answered in the form, or the verified one. */
function customerEmailOf(
  input: StartConversationInput,
  form: readonly PreChatFieldSetting[],
  identity: VerifiedIdentity | null,
): string | null {
  if (input.email) return input.email;
  for (const field of form) {
    const answer = input.fields?.[field.id];
    if (field.type === 'email' && typeof answer === 'string' && EMAIL.test(answer.trim())) {
      return answer.trim();
    }
  }
  return identity?.email && EMAIL.test(identity.email) ? identity.email : null;
}

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

export interface StartContext {
  userAgent?: string | null;
  /** The caller's address, rate-limited and checked against visitor blocks. */
  ip?: string;
  /** A customer writing from a private chat with the bot: the chat that gets the replies. */
  telegramChatId?: number;
}

export async function startConversation(
  input: StartConversationInput,
  context: StartContext = {},
): Promise<StartConversationResult> {
  // A blocked visitor is refused before the rate limit counts the attempt (DESIGN §8).
  if (await isVisitorBlocked(db(), { visitorId: input.visitorId, ip: context.ip })) {
    throw new AppError('blocked', 'You cannot start a new conversation');
  }
  const form = (await getSettings(db(), 'preChatFields')).fields;
  // The pre-chat form is the widget's; a customer in Telegram starts by writing.
  if (context.telegramChatId === undefined) checkPreChatAnswers(form, input);
  const identity = await verifiedIdentityOf(input);
  if (identity) {
    const open = await openConversationOf(identity.sub);
    if (open) {
      return {
        conversation: open,
        view: await customerView(db(), open),
        token: await signCustomerToken(open.id, open.tokenVersion),
        resumed: true,
      };
    }
  }
  // A Telegram customer has no address: their chat is counted instead.
  const starter =
    context.ip ??
    (context.telegramChatId !== undefined ? `telegram:${context.telegramChatId}` : '');
  if (starter) await limitConversationStarts(starter);
  const customerEmail = customerEmailOf(input, form, identity);
  for (let attempt = 1; ; attempt++) {
    try {
      const { name: given, fields } = nameAndFields(input);
      const verifiedName = identity?.name ? customerNameSchema.safeParse(identity.name) : null;
      const name = given ?? (verifiedName?.success ? verifiedName.data : null);
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
            channel: context.telegramChatId === undefined ? 'widget' : 'telegram',
            customerTelegramChatId: context.telegramChatId ?? null,
            departmentId: input.departmentId ?? null,
            customerName: name,
            customerEmail,
            visitorId: input.visitorId ?? null,
            identitySub: identity?.sub ?? null,
            identity,
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
