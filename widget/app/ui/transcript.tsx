/** @jsxImportSource preact */
// The conversation: the greeting signed by the team, the messages, who is typing, the
// visitor's unconfirmed messages, and the cards lazy modules put at its end. Before the
// first message, a short welcome says where the answer will come. The messages in runs with
// "Ann joined" markers, and who is typing, come with the conversation chunk, asked for as
// soon as there is a conversation or a message on its way; until it is here each message
// shows as its text alone.
import { useEffect, useRef } from 'preact/hooks';
import type { ConversationUi } from '../conversation';
import { Faces } from './avatar';
import { Bubble, Linkified, PendingBubble } from './bubble';
import { useChat } from './context';
import { useChunk } from './with-chunk';

export function Transcript() {
  const chat = useChat();
  const { t, state } = chat;
  const list = useRef<HTMLOListElement>(null);
  const { config, messages } = state;
  const ui = useChunk<ConversationUi>(
    'conversation',
    !!(state.session || messages.length || state.pending.length),
  );
  // The department's own greeting, once the visitor is talking to one, else the widget's.
  const departmentId = state.conversation?.departmentId ?? state.departmentId;
  const department = config?.departments.find((d) => d.id === departmentId);
  const greeting = department?.greeting || config?.greeting;
  const team = config?.teamName || config?.title || t('support');
  const empty = !messages.length && !state.pending.length;
  const cards = state.cards.filter((card) => card.place === 'transcript');

  // Follow the conversation unless the visitor scrolled up to read older messages.
  const count = messages.length + state.pending.length + cards.length + (state.typing ? 1 : 0);
  const atBottom = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when something was added below
  useEffect(() => {
    const element = list.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [count, ui, state.conversation?.agent?.name]);
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
      {ui ? (
        <ui.Messages team={team} />
      ) : (
        messages.map((message) => (
          <Bubble key={message.id} author={message.author} first last>
            {message.text}
          </Bubble>
        ))
      )}
      {state.pending.map((entry) => (
        <PendingBubble
          key={entry.clientId}
          entry={entry}
          team={team}
          waiting={state.link === 'down' || state.offline}
        />
      ))}
      {state.typing && ui && <ui.Typing name={state.typing} />}
      {cards.map((card) => (
        <li key={card.key} class="card">
          <card.View />
        </li>
      ))}
    </ol>
  );
}
