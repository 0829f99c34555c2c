/** @jsxImportSource preact */
// One message in the transcript: the agent's face and name on the first of a run, the text
// with links, a quote of the message it answers, its files, and one time under the last of
// a run; "edited" and "Message deleted" as agents change it; a Reply button; and the
// visitor's unconfirmed messages (sending, waiting for the network, or failed with a retry).
import type { ComponentChildren } from 'preact';
import type { Message, QuotedMessage } from '../../../lib/contracts/dto';
import type { Translate } from '../i18n';
import type { Pending } from '../outbox';
import { Avatar } from './avatar';
import { useChat } from './context';
import { relativeTime } from './times';
import { WithFiles } from './with-chunk';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

/** Plain text with web links made clickable; nothing is ever parsed as HTML. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <a key={index} href={part} target="_blank" rel="noopener noreferrer nofollow">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Where a message sits in a run of messages from the same person. */
export interface RunPlace {
  first: boolean;
  last: boolean;
}

interface BubbleProps extends RunPlace {
  author: Message['author'];
  /** Shown (with the face) on the first of an agent's run. */
  name?: string;
  /** Whose initials the face shows, when not the name's (the team's brand initial). */
  face?: string;
  avatarUrl?: string;
  quote?: ComponentChildren;
  /** Empty when the message is files alone: then there is no bubble, only `files`. */
  children: ComponentChildren;
  files?: ComponentChildren;
  meta?: ComponentChildren;
  actions?: ComponentChildren;
  pending?: boolean;
  deleted?: boolean;
}

export function Bubble(props: BubbleProps) {
  const { author, name, first, last, children, files, meta, actions } = props;
  const classes = ['message', author, first && 'first', last && 'last', props.pending && 'pending'];
  return (
    <li class={classes.filter(Boolean).join(' ')}>
      {author === 'agent' && (
        <span class="face">
          {first && name && <Avatar name={props.face ?? name} url={props.avatarUrl} small />}
        </span>
      )}
      <div class="content">
        {first && name && <span class="author">{name}</span>}
        {props.quote}
        {children && <div class={props.deleted ? 'bubble deleted' : 'bubble'}>{children}</div>}
        {files}
        {meta && <span class="meta">{meta}</span>}
      </div>
      {actions}
    </li>
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

export function MessageView({ message, team, now, first, last }: MessageViewProps) {
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

interface PendingBubbleProps {
  entry: Pending;
  team: string;
  waiting: boolean;
}

export function PendingBubble({ entry, team, waiting }: PendingBubbleProps) {
  const chat = useChat();
  const { t } = chat;
  return (
    <Bubble
      author="customer"
      first
      last
      pending
      quote={entry.replyTo && <Quote quote={entry.replyTo} team={team} />}
      meta={<PendingStatus entry={entry} t={t} waiting={waiting} />}
      files={entry.files && <WithFiles>{(ui) => <ui.PendingFiles entry={entry} />}</WithFiles>}
    >
      {entry.text}
    </Bubble>
  );
}

function PendingStatus({ entry, t, waiting }: { entry: Pending; t: Translate; waiting: boolean }) {
  const chat = useChat();
  if (!entry.error) return <span>{waiting ? t('waiting') : t('sending')}</span>;
  // The attachment UI says what was wrong with a file (`file_…` codes) itself.
  const reason = entry.error.startsWith('file_')
    ? ''
    : t(
        (['blocked', 'rate_limited', 'too_large', 'invalid_request'] as const).find(
          (code) => code === entry.error,
        ) ?? 'error',
      );
  return (
    <>
      <span class="failed">
        {t('failed')}
        {reason && `: ${reason}`}
      </span>
      <button type="button" class="link" onClick={() => chat.retry(entry.clientId)}>
        {t('retry')}
      </button>
      <button type="button" class="link" onClick={() => chat.discard(entry.clientId)}>
        {t('remove')}
      </button>
    </>
  );
}
