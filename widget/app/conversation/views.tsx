/** @jsxImportSource preact */
// The conversation chunk's views: the messages in runs from the same person (the agent's
// face and name on the first of a run, one time under the last), "Ann joined" markers, the
// quote of the message one answers, "edited" and "Message deleted" as agents change them,
// a Reply button on each, who is typing, the message being answered above the box, and the
// closed screen. Part of the conversation chunk (index.tsx).
import type { Message, QuotedMessage } from '../../../lib/contracts/dto';
import { shownNotice } from '../presence';
import { Avatar } from '../ui/avatar';
import { Bubble, Linkified, type RunPlace } from '../ui/bubble';
import { useChat } from '../ui/context';
import { WithFiles } from '../ui/with-chunk';
import { relativeTime, useNow } from './times';

type Item =
  | ({ kind: 'message'; message: Message } & RunPlace)
  | { kind: 'joined'; key: string; name: string };

/** Messages from one person less than this apart form a run: one face, one time. */
const RUN_GAP_MS = 5 * 60_000;

const sameRun = (a: Message, b: Message) =>
  a.author === b.author &&
  a.agentName === b.agentName &&
  Date.parse(b.createdAt) - Date.parse(a.createdAt) < RUN_GAP_MS;

/**
 * Interleaves "X joined" wherever the answering agent changes (so it survives reloads) and
 * marks where each run of messages starts and ends.
 */
function arrange(messages: Message[], agent: string | undefined): Item[] {
  const items: Item[] = [];
  let current: string | undefined;
  let previous: Extract<Item, { kind: 'message' }> | undefined;
  for (const message of messages) {
    if (message.author === 'agent' && message.agentName && message.agentName !== current) {
      current = message.agentName;
      if (previous) previous.last = true;
      items.push({ kind: 'joined', key: `j${message.seq}`, name: current });
      previous = undefined;
    }
    const first = !previous || !sameRun(previous.message, message);
    if (previous && first) previous.last = true;
    previous = { kind: 'message', message, first, last: false };
    items.push(previous);
  }
  if (previous) previous.last = true;
  if (agent && agent !== current) items.push({ kind: 'joined', key: 'j-now', name: agent });
  return items;
}

export function Messages({ team }: { team: string }) {
  const { t, state } = useChat();
  const now = useNow();
  return (
    <>
      {arrange(state.messages, state.conversation?.agent?.name).map((item) =>
        item.kind === 'joined' ? (
          <li key={item.key} class="event">
            {t('joined', { name: item.name })}
          </li>
        ) : (
          <MessageView
            key={item.message.id}
            message={item.message}
            first={item.first}
            last={item.last}
            team={team}
            now={now}
          />
        ),
      )}
    </>
  );
}

/**
 * The message answered, as a short quote above the answer: from the transcript's own copy
 * when it has one (it may have been edited or deleted since), else as the server quoted it.
 */
export function Quote({ quote, team }: { quote: QuotedMessage; team: string }) {
  const { t, state } = useChat();
  const held = state.messages.find((message) => message.id === quote.id);
  const deleted = held ? !!held.deletedAt : quote.deleted;
  const author = held ?? quote;
  return (
    <blockquote class="quote">
      <strong>{author.author === 'customer' ? t('you') : (author.agentName ?? team)}</strong>
      <span>{deleted ? t('deleted') : (held?.text ?? quote.text)}</span>
    </blockquote>
  );
}

interface MessageViewProps extends RunPlace {
  message: Message;
  /** The team's name, for agent messages without an agent's. */
  team: string;
  now: number;
}

function MessageView({ message, team, now, first, last }: MessageViewProps) {
  const chat = useChat();
  const { t } = chat;
  const name = message.author === 'agent' ? (message.agentName ?? team) : undefined;
  const deleted = !!message.deletedAt;
  const time = message.createdAt;
  return (
    <Bubble
      author={message.author}
      name={name}
      avatarUrl={message.agentAvatarUrl}
      first={first}
      last={last}
      deleted={deleted}
      quote={!deleted && message.replyTo && <Quote quote={message.replyTo} team={team} />}
      files={
        !deleted &&
        message.attachments?.length > 0 && (
          <WithFiles>{(ui) => <ui.Files attachments={message.attachments} />}</WithFiles>
        )
      }
      meta={
        (last || message.editedAt) && (
          <>
            {last && <time dateTime={time}>{relativeTime(time, now, chat.locale, t)}</time>}
            {message.editedAt && !deleted && <span class="edited">{t('edited')}</span>}
          </>
        )
      }
      actions={
        !deleted &&
        message.author !== 'system' && (
          <button
            type="button"
            class="reply"
            aria-label={t('replyTo', { text: message.text.slice(0, 60) })}
            title={t('reply')}
            onClick={() => chat.replyTo(message)}
          >
            ↩
          </button>
        )
      }
    >
      {deleted ? t('deleted') : message.text && <Linkified text={message.text} />}
    </Bubble>
  );
}

export function Typing({ name }: { name: string }) {
  const { t } = useChat();
  return (
    <li class="typing">
      <Avatar name={name} small />
      <span class="dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
      {t('typing', { name })}
    </li>
  );
}

export function Replying() {
  const chat = useChat();
  const { t, state } = chat;
  const { replyTo } = state;
  if (!replyTo) return null;
  return (
    <div class="replying">
      <p>
        <strong>
          {t('replyingTo', {
            name: replyTo.author === 'customer' ? t('you') : (replyTo.agentName ?? t('support')),
          })}
        </strong>
        <span>{replyTo.text}</span>
      </p>
      <button
        type="button"
        class="icon-button"
        aria-label={t('cancelReply')}
        onClick={() => chat.replyTo(null)}
      >
        ×
      </button>
    </div>
  );
}

// Writing into a closed conversation reopens it (DESIGN §5): the message box stays below.
export function Ended() {
  const chat = useChat();
  const { t, state } = chat;
  return (
    <div class="ended">
      <p>{state.closedNote || t('closed')}</p>
      <button type="button" class="secondary" onClick={() => chat.sessions.newConversation()}>
        {t('newConversation')}
      </button>
    </div>
  );
}

/** The latest of the server's notices that agrees with the header's `online` line. */
export function Notice({ online }: { online: boolean }) {
  const chat = useChat();
  const { t, state } = chat;
  const notice = shownNotice(state.notices, online);
  return (
    notice && (
      <div class="banner notice" key={notice.key}>
        <p>{notice.text}</p>
        <button
          type="button"
          class="icon-button"
          aria-label={t('dismiss')}
          onClick={() => chat.dismissNotice(notice.key)}
        >
          ×
        </button>
      </div>
    )
  );
}
