/** @jsxImportSource preact */
// The conversation: the greeting, messages in `seq` order with their files, "Ann joined"
// markers, and the visitor's unconfirmed messages (sending, waiting for the network, or
// failed with a retry).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Message } from '../../../lib/contracts/dto';
import type { Translate } from '../i18n';
import type { Pending } from '../outbox';
import { useChat } from './context';
import { WithFiles } from './with-files';

type Item = { kind: 'message'; message: Message } | { kind: 'joined'; key: string; name: string };

/** Interleaves "X joined" wherever the answering agent changes, so it survives reloads. */
function withJoins(messages: Message[], agent: string | undefined): Item[] {
  const items: Item[] = [];
  let current: string | undefined;
  for (const message of messages) {
    if (message.author === 'agent' && message.agentName && message.agentName !== current) {
      current = message.agentName;
      items.push({ kind: 'joined', key: `j${message.seq}`, name: current });
    }
    items.push({ kind: 'message', message });
  }
  if (agent && agent !== current) items.push({ kind: 'joined', key: 'j-now', name: agent });
  return items;
}

function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(today ? {} : { month: 'short', day: 'numeric' }),
  }).format(date);
}

const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

/** Plain text with web links made clickable; nothing is ever parsed as HTML. */
function Linkified({ text }: { text: string }) {
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

export function Transcript() {
  const chat = useChat();
  const { t, state } = chat;
  const list = useRef<HTMLOListElement>(null);
  const items = withJoins(state.messages, state.conversation?.agent?.name);
  // The department's own greeting, once the visitor is talking to one, else the widget's.
  const departmentId = state.conversation?.departmentId ?? state.departmentId;
  const department = state.config?.departments.find((d) => d.id === departmentId);
  const greeting = department?.greeting || state.config?.greeting;
  const team = state.config?.title ?? t('support');

  // Follow the conversation unless the visitor scrolled up to read older messages.
  const count = items.length + state.pending.length + (state.typing ? 1 : 0);
  const atBottom = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when something was added below
  useEffect(() => {
    const element = list.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  const onScroll = () => {
    const element = list.current;
    if (element) {
      atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    }
  };

  return (
    // A scrollable region must be reachable from the keyboard to be read (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <ol class="log" ref={list} onScroll={onScroll} aria-label={t('messages')} tabIndex={0}>
      {greeting && (
        <Bubble author="agent" name={team}>
          <Linkified text={greeting} />
        </Bubble>
      )}
      {items.map((item) =>
        item.kind === 'joined' ? (
          <li key={item.key} class="event">
            {t('joined', { name: item.name })}
          </li>
        ) : (
          <Bubble
            key={item.message.id}
            author={item.message.author}
            name={item.message.author === 'agent' ? (item.message.agentName ?? team) : undefined}
            time={item.message.createdAt}
            locale={chat.locale}
            files={
              item.message.attachments?.length > 0 && (
                <WithFiles>{(ui) => <ui.Files attachments={item.message.attachments} />}</WithFiles>
              )
            }
          >
            {item.message.text && <Linkified text={item.message.text} />}
          </Bubble>
        ),
      )}
      {state.pending.map((entry) => (
        <PendingBubble
          key={entry.clientId}
          entry={entry}
          t={t}
          waiting={state.link === 'down' || state.offline}
        />
      ))}
    </ol>
  );
}

interface BubbleProps {
  author: Message['author'];
  name?: string;
  time?: string;
  locale?: string;
  status?: ComponentChildren;
  /** Empty when the message is files alone: then there is no bubble, only `files`. */
  children: ComponentChildren;
  files?: ComponentChildren;
  pending?: boolean;
}

function Bubble({ author, name, time, locale, status, children, files, pending }: BubbleProps) {
  return (
    <li class={`message ${author}${pending ? ' pending' : ''}`}>
      {name && <span class="author">{name}</span>}
      {children && <div class="bubble">{children}</div>}
      {files}
      {(time || status) && (
        <span class="meta">
          {time && <time dateTime={time}>{formatTime(time, locale ?? 'en')}</time>}
          {status}
        </span>
      )}
    </li>
  );
}

function PendingBubble({ entry, t, waiting }: { entry: Pending; t: Translate; waiting: boolean }) {
  const chat = useChat();
  // The attachment UI says what was wrong with a file (`file_…` codes) itself.
  const reason = entry.error?.startsWith('file_')
    ? ''
    : entry.error
      ? t(
          (['blocked', 'rate_limited', 'too_large', 'invalid_request'] as const).find(
            (code) => code === entry.error,
          ) ?? 'error',
        )
      : '';
  const status = entry.error ? (
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
  ) : (
    <span>{waiting ? t('waiting') : t('sending')}</span>
  );
  return (
    <Bubble
      author="customer"
      status={status}
      pending
      files={entry.files && <WithFiles>{(ui) => <ui.PendingFiles entry={entry} />}</WithFiles>}
    >
      {entry.text}
    </Bubble>
  );
}
