// The Bot API methods Parley calls, answered from the fake world with Telegram's shapes and
// Telegram's error descriptions.
import { ApiError, type FakeChat, type FakeMessage, type FakeUser, type FakeWorld } from './state';

export const FAKE_BOT: FakeUser & { username: string } = {
  id: 700_000_001,
  is_bot: true,
  first_name: 'Parley',
  username: 'parley_test_bot',
};

type Params = Record<string, unknown>;

export function chatView(chat: FakeChat) {
  if (chat.type === 'private') {
    const user = chat.user!;
    return {
      id: chat.id,
      type: 'private' as const,
      first_name: user.first_name,
      ...(user.last_name ? { last_name: user.last_name } : {}),
      ...(user.username ? { username: user.username } : {}),
    };
  }
  return {
    id: chat.id,
    type: chat.type,
    title: chat.title,
    ...(chat.is_forum ? { is_forum: true } : {}),
  };
}

export function messageView(chat: FakeChat, message: FakeMessage) {
  return {
    message_id: message.message_id,
    from: message.from,
    chat: chatView(chat),
    date: message.date,
    ...(message.media ? mediaView(message) : { text: message.text }),
    ...(message.thread_id !== null
      ? { message_thread_id: message.thread_id, is_topic_message: true }
      : {}),
    ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
    ...replyView(chat, message),
  };
}

/**
 * `reply_to_message` as Telegram shows it: the message answered or, for any other message
 * in a topic, the topic's opening service message (which Parley must not take for a reply).
 */
function replyView(chat: FakeChat, message: FakeMessage) {
  const target = message.reply_to_message_id ?? (message.service ? undefined : message.thread_id);
  const replied = target ? chat.messages.find((m) => m.message_id === target) : undefined;
  if (!replied) return {};
  return {
    reply_to_message: {
      message_id: replied.message_id,
      from: replied.from,
      chat: chatView(chat),
      date: replied.date,
      ...(replied.media ? {} : { text: replied.text }),
    },
  };
}

/** A media message's fields as the Bot API shows them. */
function mediaView(message: FakeMessage) {
  const { kind, file } = message.media!;
  const ids = { file_id: file.file_id, file_unique_id: file.file_unique_id };
  const described = {
    photo: {
      photo: [
        { ...ids, width: file.width ?? 0, height: file.height ?? 0, file_size: file.file_size },
      ],
    },
    document: {
      document: {
        ...ids,
        file_name: file.name,
        mime_type: file.mime_type,
        file_size: file.file_size,
      },
    },
    voice: { voice: { ...ids, duration: 1, mime_type: 'audio/ogg', file_size: file.file_size } },
    video: {
      video: {
        ...ids,
        width: file.width ?? 0,
        height: file.height ?? 0,
        duration: 1,
        file_name: file.name,
        mime_type: file.mime_type ?? 'video/mp4',
        file_size: file.file_size,
      },
    },
  }[kind];
  return {
    ...described,
    ...(message.caption ? { caption: message.caption } : {}),
    ...(message.media_group_id ? { media_group_id: message.media_group_id } : {}),
  };
}

function text(params: Params): string {
  const value = typeof params.text === 'string' ? params.text : '';
  if (value.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
  if (value.length > 4096) throw new ApiError(400, 'Bad Request: message is too long');
  return value;
}

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function topicName(params: Params): string {
  const name = String(params.name ?? '');
  if (name.length < 1 || name.length > 128)
    throw new ApiError(400, 'Bad Request: TOPIC_NAME_INVALID');
  return name;
}

function existingTopic(world: FakeWorld, chat: FakeChat, params: Params) {
  return world.topicFor(chat, params.message_thread_id, false)!;
}

/** Handles one call; `getUpdates` and the webhook methods are the server's own. */
export function callMethod(world: FakeWorld, method: string, params: Params): unknown {
  switch (method) {
    case 'getMe':
      return { ...FAKE_BOT, can_join_groups: true, can_read_all_group_messages: true };
    case 'getChat':
      return chatView(world.chat(params.chat_id));
    case 'getChatMember': {
      const chat = world.chat(params.chat_id);
      if (Number(params.user_id) !== FAKE_BOT.id) {
        return {
          status: 'member',
          user: { id: Number(params.user_id), is_bot: false, first_name: 'User' },
        };
      }
      return chat.botStatus === 'administrator'
        ? { status: 'administrator', user: FAKE_BOT, can_manage_topics: chat.botCanManageTopics }
        : { status: chat.botStatus, user: FAKE_BOT };
    }
    case 'sendMessage': {
      const chat = world.chat(params.chat_id);
      if (chat.botBlocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
      const body = text(params);
      const topic = world.topicFor(chat, params.message_thread_id, true);
      world.spend(chat);
      const replyTo = world.replyTarget(chat, params.reply_parameters);
      const message = world.addMessage(chat, {
        thread_id: topic?.thread_id ?? null,
        from: FAKE_BOT,
        text: body,
        reply_markup: parsed(params.reply_markup),
        disable_notification: Boolean(params.disable_notification),
        ...(replyTo ? { reply_to_message_id: replyTo } : {}),
      });
      return messageView(chat, message);
    }
    case 'editMessageText': {
      const chat = world.chat(params.chat_id);
      const message = world.message(chat, params.message_id, 'edit');
      if (message.from.id !== FAKE_BOT.id) {
        throw new ApiError(400, "Bad Request: message can't be edited");
      }
      if (message.media)
        throw new ApiError(400, 'Bad Request: there is no text in the message to edit');
      const body = text(params);
      if (body === message.text) throw new ApiError(400, 'Bad Request: message is not modified');
      world.spend(chat);
      message.edits.push(message.text);
      message.text = body;
      return messageView(chat, message);
    }
    case 'editMessageCaption': {
      const chat = world.chat(params.chat_id);
      const message = world.message(chat, params.message_id, 'edit');
      if (message.from.id !== FAKE_BOT.id) {
        throw new ApiError(400, "Bad Request: message can't be edited");
      }
      if (!message.media)
        throw new ApiError(400, 'Bad Request: there is no caption in the message to edit');
      const caption = typeof params.caption === 'string' ? params.caption : '';
      if (caption.length > 1024)
        throw new ApiError(400, 'Bad Request: message caption is too long');
      if (caption === (message.caption ?? '')) {
        throw new ApiError(400, 'Bad Request: message is not modified');
      }
      world.spend(chat);
      message.edits.push(message.caption ?? '');
      message.caption = caption || undefined;
      return messageView(chat, message);
    }
    case 'deleteMessage': {
      const chat = world.chat(params.chat_id);
      const message = world.message(chat, params.message_id, 'delete');
      // Others' messages need the right to delete them; the bot's own go within 48 hours.
      const own = message.from.id === FAKE_BOT.id;
      if (!own && !chat.botCanDeleteMessages) {
        throw new ApiError(400, "Bad Request: message can't be deleted");
      }
      if (own && Date.now() / 1000 - message.date > 48 * 3600) {
        throw new ApiError(400, "Bad Request: message can't be deleted for everyone");
      }
      world.spend(chat);
      chat.messages.splice(chat.messages.indexOf(message), 1);
      world.deleted.push(message);
      return true;
    }
    case 'createForumTopic': {
      const chat = world.chat(params.chat_id);
      if (!chat.is_forum) throw new ApiError(400, 'Bad Request: the chat is not a forum');
      const mayManage =
        chat.botStatus === 'creator' ||
        (chat.botStatus === 'administrator' && chat.botCanManageTopics);
      if (!mayManage) throw new ApiError(400, 'Bad Request: not enough rights to create a topic');
      const name = topicName(params);
      world.spend(chat);
      // As in Telegram, a topic's id is the id of the service message that opened it.
      const opening = world.addMessage(chat, {
        thread_id: null,
        from: FAKE_BOT,
        text: `Topic created: ${name}`,
        service: true,
      });
      opening.thread_id = opening.message_id;
      chat.topics.set(opening.message_id, {
        thread_id: opening.message_id,
        name,
        closed: false,
        deleted: false,
      });
      return { message_thread_id: opening.message_id, name, icon_color: 7322096 };
    }
    case 'editForumTopic': {
      const chat = world.chat(params.chat_id);
      const topic = existingTopic(world, chat, params);
      const name = topicName(params);
      if (name === topic.name) throw new ApiError(400, 'Bad Request: TOPIC_NOT_MODIFIED');
      world.spend(chat);
      topic.name = name;
      return true;
    }
    case 'closeForumTopic':
    case 'reopenForumTopic': {
      const chat = world.chat(params.chat_id);
      const topic = existingTopic(world, chat, params);
      const closing = method === 'closeForumTopic';
      if (topic.closed === closing) throw new ApiError(400, 'Bad Request: TOPIC_NOT_MODIFIED');
      world.spend(chat);
      topic.closed = closing;
      return true;
    }
    case 'deleteForumTopic': {
      const chat = world.chat(params.chat_id);
      existingTopic(world, chat, params).deleted = true;
      return true;
    }
    case 'pinChatMessage':
    case 'unpinChatMessage': {
      const chat = world.chat(params.chat_id);
      const message = chat.messages.find((m) => m.message_id === Number(params.message_id));
      if (!message) throw new ApiError(400, 'Bad Request: message to pin not found');
      world.spend(chat);
      message.pinned = method === 'pinChatMessage';
      return true;
    }
    case 'answerCallbackQuery':
      world.callbackAnswers.push({
        id: String(params.callback_query_id),
        text: params.text as string | undefined,
        show_alert: Boolean(params.show_alert),
      });
      return true;
    default:
      throw new ApiError(404, 'Not Found: method not found');
  }
}
