// Customers writing to the bot in a private chat (DESIGN §7, "Telegram as a customer
// channel"). `/start` offers the departments as buttons (`/start <department>` picks one)
// and creates nothing; the first real message starts an ordinary conversation (topic,
// inbox, lifecycle) through the same services the widget uses, and later messages go to
// it — a closed one reopens, a blocked one refuses, as postCustomerMessage decides. What
// the customer should see comes back through the outbox (./customer-mirror.ts), paced per
// chat. `/start <code>` from the widget's "Continue in Telegram" link attaches the chat to
// the widget's conversation instead. Stickers, service messages and other commands do
// nothing at all.
import { asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Telegram } from 'telegraf';
import type { CallbackQuery, Message, User } from 'telegraf/types';
import { z } from 'zod';
import { customerActor, systemActor } from '../actor';
import { isOpen } from '../contracts/conversation-state';
import { messageTextSchema } from '../contracts/message-content';
import { customerNameSchema } from '../contracts/text';
import { attachTelegramChat, isChatLinkCode } from '../conversations/continue-in-telegram';
import { deleteConversationBatch } from '../conversations/delete-conversations';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { startConversation } from '../conversations/start-conversation';
import { db } from '../db/client';
import {
  conversations,
  type DepartmentRow,
  departments,
  type TelegramReplyMarkup,
  telegramCustomerChats,
} from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { logger } from '../log';
import { limitMessages } from '../rate-limit';
import { getSettings } from '../settings/settings';
import { parseCommand } from './commands';
import { customerClientId, quotedInCustomerChat } from './customer-copies';
import { captionOf, incomingFile, receiveTelegramFile } from './incoming-media';
import { enqueueTelegram, wakeTelegramSender } from './outbox';

/** What the widget says when a blocked customer writes. */
export const BLOCKED_TEXT = 'You can no longer send messages here.';
/** A blocked customer hears it once a day at most, however much they write. */
const BLOCKED_NOTICE_INTERVAL = sql`interval '1 day'`;

export const OPEN_CONVERSATION_TEXT =
  'Your conversation with us is still open: just write here and we will answer.';
export const WRITE_TEXT = 'Write your message and we will answer here.';
export const CHOOSE_TEXT = 'Choose who you would like to talk to, or just write your message.';
export const continuedText = (codename: string) =>
  `You are connected: this chat continues your conversation ${codename}. Our replies reach you here too; just write.`;
export const CUSTOMER_HELP =
  'Write your message here and the team will answer in this chat. /start to choose a department.';

const DEPARTMENT_BUTTON = 'department:';

/** The buttons under the `/start` answer: one department a row, in the widget's order. */
export function departmentButtons(list: Pick<DepartmentRow, 'id' | 'name'>[]): TelegramReplyMarkup {
  return {
    inline_keyboard: list.map((d) => [
      { text: d.name.slice(0, 64), callback_data: `${DEPARTMENT_BUTTON}${d.id}` },
    ]),
  };
}

/** `/start sales` names a department by id or by its name with `_` or `-` for spaces (deep
 * links allow only letters, digits, `_` and `-`). */
export function matchDepartment<T extends Pick<DepartmentRow, 'id' | 'name'>>(
  list: T[],
  arg: string,
): T | undefined {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_|_$/g, '');
  const wanted = slug(arg);
  return list.find((d) => d.id === arg.toLowerCase()) ?? list.find((d) => slug(d.name) === wanted);
}

/** The customer's name as Telegram shows it, when it makes a valid Parley name. */
export function telegramCustomerName(user: Pick<User, 'first_name' | 'last_name'>): string | null {
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ');
  const name = customerNameSchema.safeParse(full.slice(0, 32).trim());
  return name.success ? name.data : null;
}

/** Blocks by visitor id cover every conversation of the same Telegram user. */
export const telegramVisitorId = (user: Pick<User, 'id'>) => `telegram:${user.id}`;

async function activeDepartments() {
  return db()
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

async function chatRow(chatId: number) {
  const [row] = await db()
    .select({
      departmentId: telegramCustomerChats.departmentId,
      conversationId: telegramCustomerChats.conversationId,
      status: conversations.status,
    })
    .from(telegramCustomerChats)
    .leftJoin(conversations, eq(conversations.id, telegramCustomerChats.conversationId))
    .where(eq(telegramCustomerChats.chatId, chatId));
  return row ?? null;
}

/**
 * Posts into the customer's chat, after what the outbox holds for it already. The bot's own
 * answers (menus, help, refusals) count against the chat's message rate, so a customer
 * repeating `/start` cannot queue more than the chat's pace can send.
 */
async function reply(chatId: number, text: string, replyMarkup?: TelegramReplyMarkup) {
  try {
    await limitMessages(`telegram:${chatId}`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return;
    throw error;
  }
  await enqueueTelegram(db(), [{ kind: 'customer_post', chatId, text, replyMarkup }]);
  wakeTelegramSender();
}

type Content = { text: string; file: ReturnType<typeof incomingFile> };

export class CustomerChats {
  /** Per chat, the update being handled: a chat's messages go one after another. */
  private readonly busy = new Map<number, Promise<void>>();

  constructor(
    private readonly telegram: Telegram,
    private readonly botName: () => string | undefined,
  ) {}

  /** A message in a private chat (edits are not passed on: the customer's copy is theirs). */
  onMessage(message: Message): Promise<void> {
    return this.inTurn(message.chat.id, () => this.handle(message));
  }

  private async handle(message: Message): Promise<void> {
    const chatId = message.chat.id;
    const user = message.from!;
    if ('text' in message) {
      if (message.text.startsWith('/')) {
        const command = parseCommand(message.text, this.botName());
        if (command?.name === 'start') return this.onStart(chatId, command.args);
        if (command?.name === 'help') return reply(chatId, CUSTOMER_HELP);
        return;
      }
      return this.write(chatId, user, message, { text: message.text, file: null });
    }
    const file = incomingFile(message);
    if (file) return this.write(chatId, user, message, { text: captionOf(message), file });
  }

  private async onStart(chatId: number, arg: string): Promise<void> {
    if (isChatLinkCode(arg)) return this.continueHere(chatId, arg);
    const chat = await chatRow(chatId);
    if (chat?.status === 'blocked') return this.tellBlocked(chatId);
    if (chat?.status && isOpen(chat.status)) return reply(chatId, OPEN_CONVERSATION_TEXT);
    const [{ greeting }, list] = await Promise.all([
      getSettings(db(), 'widget'),
      activeDepartments(),
    ]);
    const picked = arg ? matchDepartment(list, arg) : undefined;
    if (picked) {
      await this.choose(chatId, picked.id);
      return reply(chatId, `${greeting}\n\n${picked.name}: ${WRITE_TEXT}`);
    }
    if (list.length === 0) return reply(chatId, `${greeting}\n\n${WRITE_TEXT}`);
    return reply(chatId, `${greeting}\n\n${CHOOSE_TEXT}`, departmentButtons(list));
  }

  /** "Continue in Telegram": the widget's link attaches this chat to its conversation. */
  private async continueHere(chatId: number, code: string): Promise<void> {
    try {
      const conversation = await attachTelegramChat(code, chatId);
      await reply(chatId, continuedText(conversation.codename));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'blocked') return this.tellBlocked(chatId);
      await reply(chatId, `${error.message}.`);
    }
  }

  /** A department button under the `/start` answer. */
  async onButton(query: CallbackQuery): Promise<void> {
    const answer = (text: string) => this.telegram.answerCbQuery(query.id, text);
    const chatId = query.message!.chat.id;
    const data = 'data' in query ? query.data : '';
    const id = data.startsWith(DEPARTMENT_BUTTON) ? data.slice(DEPARTMENT_BUTTON.length) : '';
    const department = z.uuid().safeParse(id).success
      ? (await activeDepartments()).find((d) => d.id === id)
      : undefined;
    if (!department) {
      await answer('This choice is no longer available');
      return;
    }
    await this.inTurn(chatId, async () => {
      const chat = await chatRow(chatId);
      if (chat?.status === 'blocked') {
        await answer(BLOCKED_TEXT);
        return;
      }
      if (chat?.status && isOpen(chat.status)) {
        await answer(OPEN_CONVERSATION_TEXT);
        return;
      }
      await this.choose(chatId, department.id);
      await answer(department.name);
      await reply(chatId, `${department.name}: ${WRITE_TEXT}`);
    });
  }

  /** Keeps the department for the next conversation; an ended one is left behind. */
  private async choose(chatId: number, departmentId: string): Promise<void> {
    const now = new Date();
    await db()
      .insert(telegramCustomerChats)
      .values({ chatId, departmentId })
      .onConflictDoUpdate({
        target: telegramCustomerChats.chatId,
        set: { departmentId, conversationId: null, updatedAt: now },
      });
  }

  /** A real message: into the chat's conversation, started first if there is none. */
  private async write(chatId: number, user: User, message: Message, content: Content) {
    const text = messageTextSchema.safeParse(content.text);
    if (!text.success || (!content.file && text.data === '')) {
      if (!text.success) await reply(chatId, `Not sent: ${text.error.issues[0]!.message}.`);
      return;
    }
    try {
      const chat = await chatRow(chatId);
      const conversationId =
        chat?.conversationId ?? (await this.start(chatId, user, chat?.departmentId ?? null));
      const upload = content.file
        ? await receiveTelegramFile(this.telegram, conversationId, content.file, customerActor)
        : null;
      const replied = (message as { reply_to_message?: { message_id: number } }).reply_to_message;
      const replyToId = replied
        ? await quotedInCustomerChat(db(), conversationId, chatId, replied.message_id)
        : undefined;
      await postCustomerMessage(conversationId, {
        text: text.data,
        clientId: customerClientId(message.message_id),
        ...(upload ? { attachmentIds: [upload.id] } : {}),
        ...(replyToId ? { replyToId } : {}),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'blocked') return this.tellBlocked(chatId);
      // A customer over the message (or new conversation) rate hears nothing: answering
      // would feed the flood.
      if (error.code === 'rate_limited') return;
      logger().info({ code: error.code }, 'a Telegram customer message was refused');
      await reply(chatId, `Not sent: ${error.message}.`);
    }
  }

  private async start(chatId: number, user: User, departmentId: string | null): Promise<string> {
    const name = telegramCustomerName(user);
    const { conversation } = await startConversation(
      {
        ...(departmentId ? { departmentId } : {}),
        ...(name ? { name } : {}),
        visitorId: telegramVisitorId(user),
        ...(user.language_code ? { locale: user.language_code.slice(0, 35) } : {}),
      },
      { telegramChatId: chatId, userAgent: 'Telegram' },
    );
    // Another instance may have started one for this chat a moment ago: the first one wins.
    const [row] = await db()
      .insert(telegramCustomerChats)
      .values({ chatId, conversationId: conversation.id })
      .onConflictDoUpdate({
        target: telegramCustomerChats.chatId,
        set: { conversationId: conversation.id, departmentId: null, updatedAt: new Date() },
        setWhere: isNull(telegramCustomerChats.conversationId),
      })
      .returning({ conversationId: telegramCustomerChats.conversationId });
    if (row?.conversationId) return row.conversationId;
    // Ours is empty (no message, no topic): it goes, so the inbox shows just the one.
    await inTransaction((tx) =>
      deleteConversationBatch(tx, eq(conversations.id, conversation.id), systemActor),
    );
    return (await chatRow(chatId))!.conversationId!;
  }

  /** Tells a blocked customer what the widget would, once a day at most. */
  private async tellBlocked(chatId: number): Promise<void> {
    const due = await db()
      .insert(telegramCustomerChats)
      .values({ chatId, blockedNoticeAt: new Date() })
      .onConflictDoUpdate({
        target: telegramCustomerChats.chatId,
        set: { blockedNoticeAt: new Date() },
        setWhere: or(
          isNull(telegramCustomerChats.blockedNoticeAt),
          lt(telegramCustomerChats.blockedNoticeAt, sql`now() - ${BLOCKED_NOTICE_INTERVAL}`),
        ),
      })
      .returning({ chatId: telegramCustomerChats.chatId });
    if (due.length > 0) await reply(chatId, BLOCKED_TEXT);
  }

  private async inTurn(chatId: number, work: () => Promise<void>): Promise<void> {
    const before = this.busy.get(chatId) ?? Promise.resolve();
    const run = before.catch(() => {}).then(work);
    const settled = run.catch(() => {});
    this.busy.set(chatId, settled);
    void settled.then(() => {
      if (this.busy.get(chatId) === settled) this.busy.delete(chatId);
    });
    return run;
  }
}

/** Whether an update's chat is a private one, with a customer. */
export const isPrivateChatUpdate = (chat: { type: string } | undefined) => chat?.type === 'private';
