// The Telegram edge: turns updates into service calls. Thin like every edge: parse the
// update, find the conversation (by topic) and the agent (by Telegram user), call one
// service, and present the outcome as a notice in the topic (through the outbox) or as a
// button's answer. `handleUpdate` is the one seam webhook, polling and tests all feed.
import { and, eq } from 'drizzle-orm';
import type { Telegraf } from 'telegraf';
import type { CallbackQuery, Message, Update } from 'telegraf/types';
import { z } from 'zod';
import { touchAgent } from '../agents/agents';
import { resolveTelegramAgent, type TelegramUser, telegramActor } from '../agents/telegram-agents';
import { messageTextSchema } from '../contracts/message-content';
import { textSchema } from '../contracts/text';
import { editMessage } from '../conversations/edit-message';
import { postAgentMessage } from '../conversations/post-agent-message';
import { db } from '../db/client';
import { type AgentRow, type ConversationRow, conversations, departments } from '../db/schema';
import { AppError } from '../errors';
import { isTopicAction, runTopicAction } from './actions';
import { createBot, type TelegramConfig } from './api';
import { runCommand } from './commands';
import { CustomerChats, isPrivateChatUpdate } from './customer-chat';
import { parseButton } from './format';
import { captionOf, type IncomingFile, incomingFile, receiveTelegramFile } from './incoming-media';
import { describeError, notify, type Place } from './notices';
import { quotedInTopic, writtenInTopic } from './topic-messages';

async function conversationInTopic(chatId: number, threadId: number | undefined) {
  if (!threadId) return null;
  const [row] = await db()
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.telegramChatId, chatId), eq(conversations.telegramThreadId, threadId)),
    );
  return row ?? null;
}

/** The conversation a header button names, if its topic lives in this chat. */
async function conversationInChat(conversationId: string, chatId: number) {
  if (!z.uuid().safeParse(conversationId).success) return null;
  const [row] = await db()
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.telegramChatId, chatId)));
  return row ?? null;
}

// What a refused reply can do next; a blocked conversation has no way forward from here.
const CONFLICT_HINTS: Partial<Record<ConversationRow['status'], string>> = {
  closed: ' Use /reopen first.',
  open_assigned: ' Use /claim to take it over.',
  awaiting_customer: ' Use /claim to take it over.',
};

const disabledNotice = (agent: AgentRow) =>
  `⚠️ ${agent.name}: you are disabled in Parley, so this was not sent. Ask an admin.`;

export class TelegramEdge {
  readonly bot: Telegraf;
  private chats: Set<number> | null = null;
  private readonly customers: CustomerChats;

  constructor(private readonly config: TelegramConfig) {
    this.bot = createBot(config);
    this.customers = new CustomerChats(this.bot.telegram, () => this.bot.botInfo?.username);
    this.bot.use(async (ctx) => this.route(ctx.update));
    // Errors reach the caller (the webhook answers 500 and Telegram delivers again).
    this.bot.catch((error) => {
      throw error;
    });
  }

  /** The support group and every department's own group. */
  private async allowedChats(): Promise<Set<number>> {
    if (!this.chats) {
      const rows = await db().select({ chatId: departments.telegramChatId }).from(departments);
      this.chats = new Set([this.config.supportChatId]);
      for (const { chatId } of rows) if (chatId) this.chats.add(chatId);
      setTimeout(() => {
        this.chats = null;
      }, 60_000).unref();
    }
    return this.chats;
  }

  /**
   * Whether Parley answers in this chat: the support group, a department's own group
   * (even one set a moment ago, maybe on another instance), or a group that still holds a
   * conversation's topic after its department moved to another group.
   */
  private async isOurChat(chatId: number, conversation: ConversationRow | null): Promise<boolean> {
    if (conversation || (await this.allowedChats()).has(chatId)) return true;
    const [department] = await db()
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.telegramChatId, chatId))
      .limit(1);
    if (department) this.chats?.add(chatId);
    return Boolean(department);
  }

  private async route(update: Update): Promise<void> {
    if ('callback_query' in update) {
      const query = update.callback_query;
      if (isPrivateChatUpdate(query.message?.chat)) return this.customers.onButton(query);
      return this.onButton(query);
    }
    const message =
      'message' in update
        ? update.message
        : 'edited_message' in update
          ? update.edited_message
          : null;
    if (!message?.from || message.from.is_bot) return;
    // A customer writing to the bot; their edits stay theirs.
    if (isPrivateChatUpdate(message.chat)) {
      return 'message' in update ? this.customers.onMessage(message) : undefined;
    }
    const file = incomingFile(message);
    if (!('text' in message) && !file) return;
    const threadId = message.is_topic_message ? message.message_thread_id : undefined;
    const conversation = await conversationInTopic(message.chat.id, threadId);
    if (!(await this.isOurChat(message.chat.id, conversation))) return;
    const place: Place = { chatId: message.chat.id, threadId: threadId ?? null, conversation };
    const agent = await resolveTelegramAgent(db(), message.from);
    const edited = 'edit_date' in message && Boolean(message.edit_date);
    if (!('text' in message)) {
      if (!place.conversation || !file) return;
      // An edited caption changes the text beside the file, never the file.
      if (edited) return this.onEdit(place, agent, message.from, message, captionOf(message));
      return this.onFile(place, agent, message.from, message, file);
    }
    if (message.text.startsWith('/')) {
      if ('edit_date' in message && message.edit_date) return; // an edited command ran already
      return runCommand({
        place,
        agent,
        user: message.from,
        text: message.text,
        botName: this.bot.botInfo?.username,
      });
    }
    if (!place.conversation) return; // chatter in General or in a topic that is not ours
    if (edited) return this.onEdit(place, agent, message.from, message, message.text);
    await this.onReply(place, agent, message.from, message);
  }

  /** Text written in a topic is the agent's reply to the customer (quoting what it answers). */
  private async onReply(
    place: Place,
    agent: AgentRow,
    user: TelegramUser,
    message: Message.TextMessage,
  ): Promise<void> {
    const parsed = textSchema.safeParse(message.text);
    if (!parsed.success) {
      return notify(place, `⚠️ ${agent.name}: not sent — ${parsed.error.issues[0]!.message}.`);
    }
    const conversationId = place.conversation!.id;
    const replyToId = await quotedInTopic(conversationId, message, place.threadId);
    await this.deliver(place, agent, () =>
      postAgentMessage(
        conversationId,
        agent.id,
        { text: parsed.data, replyToId, telegramMessageId: message.message_id },
        telegramActor(user, agent),
      ),
    );
  }

  /**
   * An agent's edit in the topic edits the customer's copy, within the edit window. A
   * message Parley does not know as theirs (older than this feature) goes out as a
   * correction, as it always did.
   */
  private async onEdit(
    place: Place,
    agent: AgentRow,
    user: TelegramUser,
    message: Message,
    text: string,
  ): Promise<void> {
    const conversationId = place.conversation!.id;
    const original = await writtenInTopic(conversationId, message.message_id);
    if (!original) {
      if (!('text' in message)) return;
      const correction = textSchema.safeParse(`✏️ Correction: ${text}`);
      if (!correction.success) return;
      return this.deliver(place, agent, () =>
        postAgentMessage(conversationId, agent.id, correction.data, telegramActor(user, agent)),
      );
    }
    const parsed = messageTextSchema.safeParse(text);
    if (!parsed.success) {
      return notify(place, `⚠️ ${agent.name}: edit not sent — ${parsed.error.issues[0]!.message}.`);
    }
    if (!agent.active) return notify(place, disabledNotice(agent));
    try {
      const editor = { agentId: agent.id };
      await editMessage(
        conversationId,
        original.id,
        editor,
        parsed.data,
        telegramActor(user, agent),
      );
      await touchAgent(db(), agent.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await notify(
        place,
        `⚠️ ${agent.name}: the customer still sees the earlier text — ${describeError(error)}.`,
      );
    }
  }

  /** A photo, document, voice note or video in a topic reaches the customer as a file. */
  private async onFile(
    place: Place,
    agent: AgentRow,
    user: TelegramUser,
    message: Message,
    file: IncomingFile,
  ): Promise<void> {
    const text = messageTextSchema.safeParse(captionOf(message));
    if (!text.success) {
      return notify(place, `⚠️ ${agent.name}: not sent — ${text.error.issues[0]!.message}.`);
    }
    const conversationId = place.conversation!.id;
    const actor = telegramActor(user, agent);
    const replyToId = await quotedInTopic(conversationId, message, place.threadId);
    await this.deliver(place, agent, async () => {
      const upload = await receiveTelegramFile(this.bot.telegram, conversationId, file, actor);
      await postAgentMessage(
        conversationId,
        agent.id,
        {
          text: text.data,
          attachmentIds: [upload.id],
          replyToId,
          telegramMessageId: message.message_id,
        },
        actor,
      );
    });
  }

  /** Runs an agent's reply; a refusal is explained in the topic, nothing half-sent. */
  private async deliver(place: Place, agent: AgentRow, send: () => Promise<unknown>) {
    const conversation = place.conversation!;
    if (!agent.active) return notify(place, disabledNotice(agent));
    try {
      await send();
      await touchAgent(db(), agent.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const hint = error.code === 'conflict' ? (CONFLICT_HINTS[conversation.status] ?? '') : '';
      await notify(place, `⚠️ ${agent.name}: not sent — ${describeError(error)}.${hint}`);
    }
  }

  private async onButton(query: CallbackQuery): Promise<void> {
    const answer = (text: string, alert = false) =>
      this.bot.telegram.answerCbQuery(query.id, text, { show_alert: alert });
    const pressed = 'data' in query ? parseButton(query.data) : null;
    const chatId = query.message?.chat.id;
    const conversation =
      pressed && chatId !== undefined
        ? await conversationInChat(pressed.conversationId, chatId)
        : null;
    if (!pressed || chatId === undefined || !(await this.isOurChat(chatId, conversation))) {
      await answer('This button is not for Parley');
      return;
    }
    const agent = await resolveTelegramAgent(db(), query.from);
    if (!agent.active) {
      await answer('You are disabled in Parley. Ask an admin.', true);
      return;
    }
    try {
      if (!isTopicAction(pressed.action)) throw new AppError('invalid_request', 'Unknown button');
      const done = await runTopicAction(
        pressed.action,
        pressed.conversationId,
        agent,
        telegramActor(query.from, agent),
      );
      await touchAgent(db(), agent.id);
      await answer(done);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await answer(describeError(error), true);
    }
  }

  handleUpdate(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }
}
