/** @jsxImportSource preact */
// The message box: Enter sends, Shift+Enter adds a line, the draft survives reloads, and a
// counter appears near the length limit.
import { useEffect, useRef } from 'preact/hooks';
import { MAX_TEXT_LENGTH } from '../chat';
import { useChat } from './context';
import { SendIcon } from './icons';

const COUNTER_FROM = MAX_TEXT_LENGTH - 500;
const MAX_HEIGHT = 140;

export function Composer() {
  const chat = useChat();
  const { t, state } = chat;
  const input = useRef<HTMLTextAreaElement>(null);
  const length = state.draft.trim().length;
  const over = length > MAX_TEXT_LENGTH;

  // Grow with the text up to a few lines, then scroll.
  // biome-ignore lint/correctness/useExhaustiveDependencies: measures again after each edit
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT)}px`;
  }, [state.draft]);

  const submit = (event?: Event) => {
    event?.preventDefault();
    if (chat.send(state.draft)) input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form class="composer" onSubmit={submit}>
      <textarea
        ref={input}
        rows={1}
        data-autofocus=""
        aria-label={t('placeholder')}
        aria-describedby="parley-counter"
        aria-invalid={over}
        placeholder={t('placeholder')}
        value={state.draft}
        onInput={(event) => chat.setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="send" aria-label={t('send')} disabled={!length || over}>
        <SendIcon />
      </button>
      <p id="parley-counter" class={over ? 'counter error' : 'counter'}>
        {length >= COUNTER_FROM &&
          (over
            ? t('tooLong', { n: length - MAX_TEXT_LENGTH })
            : t('charsLeft', { n: MAX_TEXT_LENGTH - length }))}
      </p>
    </form>
  );
}
