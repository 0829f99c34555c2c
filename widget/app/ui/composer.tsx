/** @jsxImportSource preact */
// The message box: Enter sends, Shift+Enter adds a line, the draft survives reloads, and a
// counter appears near the length limit. Files come by the attach button, paste or drop;
// the tray that previews them belongs to the attachment UI, loaded on first use, as does the
// emoji picker. A message being answered shows above it until sent or cancelled (a view of
// the conversation chunk's, conversation/views.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_TEXT_LENGTH } from '../chat';
import type { EmojiUi } from '../emoji';
import { useChat } from './context';
import { AttachIcon, EmojiIcon, SendIcon } from './icons';
import { WithChunk, WithConversation, WithFiles } from './with-chunk';

const COUNTER_FROM = MAX_TEXT_LENGTH - 500;
const MAX_HEIGHT = 140;

const filesOf = (source: { files: FileList | null } | null) => [...(source?.files ?? [])];

export function Composer() {
  const chat = useChat();
  const { t, state } = chat;
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [picking, setPicking] = useState(false);
  const length = state.draft.trim().length;
  const over = length > MAX_TEXT_LENGTH;
  const { replyTo } = state;

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
    } else if (event.key === 'Escape' && replyTo) {
      event.preventDefault();
      chat.replyTo(null);
    }
  };

  const closePicker = () => {
    setPicking(false);
    input.current?.focus();
  };

  // Quoting a message puts the visitor in the box to answer it.
  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  // A pasted screenshot is attached; pasted text stays text.
  const onPaste = (event: ClipboardEvent) => {
    const data = event.clipboardData;
    if (!data?.files.length) return;
    if (!data.types.includes('text/plain')) event.preventDefault();
    chat.attach(filesOf(data));
  };

  const dragging = (event: DragEvent, on: boolean) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.toggle('drop', on);
  };

  return (
    <form
      class="composer"
      onSubmit={submit}
      onDragOver={(event) => dragging(event, true)}
      onDragLeave={(event) => dragging(event, false)}
      onDrop={(event) => {
        dragging(event, false);
        chat.attach(filesOf(event.dataTransfer));
      }}
    >
      {replyTo && <WithConversation>{(ui) => <ui.Replying />}</WithConversation>}
      {picking && (
        <WithChunk<EmojiUi> name="emoji">
          {(ui) => <ui.Picker input={input.current} onClose={closePicker} />}
        </WithChunk>
      )}
      {state.tray.length > 0 && <WithFiles>{(ui) => <ui.Tray />}</WithFiles>}
      <button
        type="button"
        class="icon-button"
        aria-label={t('attach')}
        onClick={() => picker.current?.click()}
      >
        <AttachIcon />
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          chat.attach(filesOf(event.currentTarget));
          event.currentTarget.value = '';
        }}
      />
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
        onPaste={onPaste}
      />
      <button
        type="button"
        class="icon-button"
        aria-label={t('emoji')}
        aria-expanded={picking}
        onClick={() => (picking ? closePicker() : setPicking(true))}
      >
        <EmojiIcon />
      </button>
      <button
        type="submit"
        class="send"
        aria-label={t('send')}
        disabled={(!length && !state.tray.length) || over}
      >
        <SendIcon />
      </button>
      <p id="parley-counter" class={over || state.trayNote ? 'counter error' : 'counter'}>
        {state.trayNote ||
          (length >= COUNTER_FROM &&
            (over
              ? t('tooLong', { n: length - MAX_TEXT_LENGTH })
              : t('charsLeft', { n: MAX_TEXT_LENGTH - length })))}
      </p>
    </form>
  );
}
