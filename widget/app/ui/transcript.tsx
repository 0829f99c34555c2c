/** @jsxImportSource preact */
// The conversation: the greeting signed by the team, messages in `seq` order grouped into
// runs from the same person, "Ann joined" markers, who is typing, the visitor's unconfirmed
// messages, and the cards lazy modules put at its end. Before the first message, a short
// welcome says where the answer will come.
import { useEffect, useRef } from 'preact/hooks';
import type { Message } from '../../../lib/contracts/dto';
import { Avatar, Faces } from './avatar';
import { Bubble, Linkified, MessageView, PendingBubble, type RunPlace } from './bubble';
import { useChat } from './context';
import { useNow } from './times';

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

export function Transcript() {
  const chat = useChat();
  const { t, state } = chat;
  const now = useNow();
  const list = useRef<HTMLOListElement>(null);
  const items = arrange(state.messages, state.conversation?.agent?.name);
  const { config } = state;
  // The department's own greeting, once the visitor is talking to one, else the widget's.
  const departmentId = state.conversation?.departmentId ?? state.departmentId;
  const department = config?.departments.find((d) => d.id === departmentId);
  const greeting = department?.greeting || config?.greeting;
  const team = config?.teamName || config?.title || t('support');
  const empty = !state.messages.length && !state.pending.length;
  const cards = state.cards.filter((card) => card.place === 'transcript');

  // Follow the conversation unless the visitor scrolled up to read older messages.
  const count = items.length + state.pending.length + cards.length + (state.typing ? 1 : 0);
  const atBottom = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when something was added below
  useEffect(() => {
    const element = list.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  // …and when the log itself shrinks (a quote or the emoji picker above the message box, a
  // phone's keyboard), keep the latest message in view.
  useEffect(() => {
    const element = list.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
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
      {empty && (
        <li class="intro">
          {config?.agents?.length ? <Faces faces={config.agents} /> : null}
          <strong>{t('emptyTitle')}</strong>
          <span>{t('emptyText')}</span>
        </li>
      )}
      {greeting && (
        <Bubble author="agent" name={team} face={config?.title} first last>
          <Linkified text={greeting} />
        </Bubble>
      )}
      {items.map((item) =>
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
      {state.pending.map((entry) => (
        <PendingBubble
          key={entry.clientId}
          entry={entry}
          team={team}
          waiting={state.link === 'down' || state.offline}
        />
      ))}
      {state.typing && (
        <li class="typing">
          <Avatar name={state.typing} small />
          <span class="dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {t('typing', { name: state.typing })}
        </li>
      )}
      {cards.map((card) => (
        <li key={card.key} class="card">
          <card.View />
        </li>
      ))}
    </ol>
  );
}
