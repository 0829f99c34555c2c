/** @jsxImportSource preact */
// One message in the transcript: the agent's face and name on the first of a run, the text
// with links, a quote of the message it answers, its files and what is said under it; and
// the visitor's unconfirmed messages (sending, waiting for the network, or failed with a
// retry). The messages themselves, quotes and Reply buttons come with the conversation
// chunk (conversation/views.tsx), which renders them with `Bubble`.
import type { ComponentChildren } from 'preact';
import type { Message } from '../../../lib/contracts/dto';
import { loadedChunk } from '../chunks';
import type { Translate } from '../i18n';
import type { Pending } from '../outbox';
import { Avatar } from './avatar';
import { useChat } from './context';
import { WithConversation, WithFiles } from './with-chunk';

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

interface PendingBubbleProps {
  entry: Pending;
  team: string;
  waiting: boolean;
}

export function PendingBubble({ entry, team, waiting }: PendingBubbleProps) {
  const chat = useChat();
  const { t } = chat;
  const { replyTo } = entry;
  return (
    <Bubble
      author="customer"
      first
      last
      pending
      quote={
        replyTo && (
          <WithConversation>{(ui) => <ui.Quote quote={replyTo} team={team} />}</WithConversation>
        )
      }
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
  // The attachment UI says what was wrong with a file (`file_…` codes) itself; the words
  // for the server's refusals come with the conversation chunk, asked for with the message.
  const reason =
    entry.error.startsWith('file_') || !loadedChunk('conversation')
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
