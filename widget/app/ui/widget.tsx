/** @jsxImportSource preact */
// The panel: header, banners, and the step the visitor is at (choosing a department, the
// pre-chat form, or the conversation). An always-present live region reads new messages out.
import { useEffect, useRef } from 'preact/hooks';
import { Composer } from './composer';
import { useChat, useChatState } from './context';
import { Header } from './header';
import { Departments, PreChatForm } from './start';
import { Transcript } from './transcript';

export function Widget() {
  const state = useChatState();
  const chat = useChat();
  const position = chat.host.options.position ?? state.config?.position ?? 'right';
  return (
    <div class={`parley ${position}`}>
      {state.open && <Panel />}
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
  useEffect(() => {
    const root = panel.current;
    const target =
      root?.querySelector<HTMLElement>('.body [data-autofocus]') ??
      root?.querySelector<HTMLElement>('.body button, .header button');
    target?.focus();
  }, [step, hasSession]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
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
      <Banners />
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
        {step === 'departments' && <Departments />}
        {step === 'form' && <PreChatForm />}
        {step === 'chat' && <Conversation />}
      </div>
    </section>
  );
}

function Conversation() {
  const chat = useChat();
  const { t, state } = chat;
  const status = state.conversation?.status;
  // Writing into a closed conversation reopens it (DESIGN §5); a blocked one takes no input.
  const closed = status === 'closed' || status === 'blocked';
  return (
    <>
      <Transcript />
      {state.typing && (
        <p class="typing" aria-live="polite">
          {t('typing', { name: state.typing })}
        </p>
      )}
      {closed && (
        <div class="ended">
          <p>{state.closedNote || t('closed')}</p>
          <button type="button" class="secondary" onClick={() => chat.newConversation()}>
            {t('newConversation')}
          </button>
        </div>
      )}
      {status !== 'blocked' && <Composer />}
    </>
  );
}

function Banners() {
  const chat = useChat();
  const { t, state } = chat;
  const problem = state.offline
    ? t('offlineBanner')
    : state.link === 'down' && (state.session || state.pending.length)
      ? t('reconnecting')
      : '';
  return (
    <div class="banners">
      <div role="status">{problem && <p class="banner warn">{problem}</p>}</div>
      {state.notices.map((notice) => (
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
      ))}
    </div>
  );
}
