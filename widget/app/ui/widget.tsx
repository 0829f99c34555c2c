/** @jsxImportSource preact */
// The panel: header, the one banner, and the step the visitor is at (choosing a department,
// the pre-chat form — both from the start chunk — or the conversation). An always-present
// live region reads new messages out.
import { useEffect, useRef } from 'preact/hooks';
import { presenceLine } from '../presence';
import type { StartUi } from '../start';
import { Composer } from './composer';
import { useChat, useChatState } from './context';
import { Header } from './header';
import { Transcript } from './transcript';
import { WithChunk, WithConversation } from './with-chunk';

export function Widget() {
  const state = useChatState();
  const chat = useChat();
  return (
    <div class={`parley ${chat.host.position}`}>
      {state.open && chat.speaks && <Panel />}
      <div class="sr-only" aria-live="polite" aria-atomic="true">
        {state.announcement}
      </div>
    </div>
  );
}

function Panel() {
  const chat = useChat();
  const { t, state } = chat;
  const step = chat.step();
  const panel = useRef<HTMLElement>(null);

  const hasSession = !!state.session;

  // Keyboard users land in the panel on open and whenever its content is replaced (a new
  // step, or a conversation started or left).
  // biome-ignore lint/correctness/useExhaustiveDependencies: those changes are the trigger
  useEffect(() => focusFirst(panel.current), [step, hasSession]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.stopPropagation();
      chat.setOpen(false);
    }
  };

  return (
    <section
      ref={panel}
      class="panel"
      role="dialog"
      aria-labelledby="parley-title"
      onKeyDown={onKeyDown}
    >
      <Header />
      <Banner />
      <div class="body">
        {step === 'loading' && <p class="center">{t('loading')}</p>}
        {step === 'unavailable' && (
          <div class="center">
            <p>{t('unavailable')}</p>
            <button type="button" class="secondary" onClick={() => void chat.loadConfig()}>
              {t('retry')}
            </button>
          </div>
        )}
        {(step === 'departments' || step === 'form') && (
          <WithChunk<StartUi> name="start" fallback={<p class="center">{t('loading')}</p>}>
            {(ui) => <Focused>{<ui.Start step={step} />}</Focused>}
          </WithChunk>
        )}
        {step === 'chat' && <Conversation />}
      </div>
    </section>
  );
}

/** Focuses the first field or button of the panel's body (or header). */
function focusFirst(root: HTMLElement | null | undefined): void {
  const target =
    root?.querySelector<HTMLElement>('.body [data-autofocus]') ??
    root?.querySelector<HTMLElement>('.body button, .header button');
  target?.focus();
}

/** Content that arrives after the panel opened (a chunk) takes the focus when it shows. */
function Focused({ children }: { children: preact.ComponentChildren }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => focusFirst(element.current?.closest<HTMLElement>('.panel')), []);
  return (
    <div class="contents" ref={element}>
      {children}
    </div>
  );
}

function Conversation() {
  const status = useChat().state.conversation?.status;
  // Writing into a closed conversation reopens it (DESIGN §5); a blocked one takes no input.
  const closed = status === 'closed' || status === 'blocked';
  return (
    <>
      <Transcript />
      {closed && <WithConversation>{(ui) => <ui.Ended />}</WithConversation>}
      {status !== 'blocked' && <Composer />}
    </>
  );
}

/**
 * At most one banner: a connection problem, else the latest notice that agrees with the
 * header's state line. It never grows past two lines, so the greeting stays in view.
 */
function Banner() {
  const chat = useChat();
  const { t, state } = chat;
  const problem = state.offline
    ? t('offlineBanner')
    : state.link === 'down' && (state.session || state.pending.length)
      ? t('reconnecting')
      : '';
  // Notices come over the live link, with the conversation chunk.
  const online = presenceLine(state.config, t, chat.locale).online;
  return (
    <div class="banners">
      <div role="status">{problem && <p class="banner warn">{problem}</p>}</div>
      {!problem && state.notices.length > 0 && (
        <WithConversation>{(ui) => <ui.Notice online={online} />}</WithConversation>
      )}
    </div>
  );
}
