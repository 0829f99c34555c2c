/** @jsxImportSource preact */
// The email cards at the end of the transcript: an address for replies when the visitor
// might not be here for them, and the transcript by email once the conversation closed.
import { useState } from 'preact/hooks';
import type { Chat } from '../chat';
import { useChat, useChatState } from '../ui/context';
import { saveAddress, sendTranscript } from './requests';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Conversations whose visitor said "no thanks" to the address card. */
export const declined = new Set<string>();

function decline(chat: Chat): void {
  const id = chat.state.conversation?.id;
  if (id) declined.add(id);
  chat.hideCard('email');
}

/** What a failed request means for the visitor: the server's reason for bad input. */
const reason = (chat: Chat, error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  return code === 'invalid_request' || code === 'rate_limited' || code === 'conflict'
    ? (message ?? chat.t('error'))
    : chat.t('error');
};

function useAddressForm(chat: Chat, submit: (email: string) => Promise<void>, required: boolean) {
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const value = email.trim();
    if (required && !EMAIL.test(value)) return setProblem(chat.t('emailInvalid'));
    setBusy(true);
    setProblem('');
    try {
      await submit(value);
    } catch (error) {
      setProblem(reason(chat, error));
    } finally {
      setBusy(false);
    }
  };
  const input = (id: string) => (
    <input
      id={id}
      type="email"
      autocomplete="email"
      placeholder="you@example.com"
      value={email}
      aria-invalid={!!problem}
      aria-describedby={problem ? `${id}-problem` : undefined}
      onInput={(event) => setEmail(event.currentTarget.value)}
    />
  );
  const error = (id: string) =>
    problem ? (
      <p id={`${id}-problem`} class="error" role="alert">
        {problem}
      </p>
    ) : null;
  return { onSubmit, busy, input, error };
}

export function AddressCard() {
  const chat = useChat();
  const state = useChatState();
  const [kept, setKept] = useState('');
  const { t } = chat;
  const form = useAddressForm(
    chat,
    async (email) => {
      await saveAddress(chat, email);
      setKept(email);
    },
    true,
  );
  const saved = state.conversation?.email ?? kept;
  if (saved) {
    return (
      <p class="email-card" role="status">
        {t('emailSaved', { email: saved })}
      </p>
    );
  }
  return (
    <form class="email-card" aria-label={t('emailLabel')} onSubmit={form.onSubmit}>
      <p>{state.config?.online ? t('emailAsk') : t('emailAskOffline')}</p>
      <label class="sr-only" for="parley-email">
        {t('emailLabel')}
      </label>
      <div class="row">
        {form.input('parley-email')}
        <button type="submit" class="send-email" disabled={form.busy}>
          {t('emailSave')}
        </button>
      </div>
      {form.error('parley-email')}
      <button type="button" class="link" onClick={() => decline(chat)}>
        {t('emailNoThanks')}
      </button>
    </form>
  );
}

export function TranscriptCard() {
  const chat = useChat();
  const state = useChatState();
  const [sent, setSent] = useState('');
  const { t } = chat;
  const known = state.conversation?.email;
  const form = useAddressForm(
    chat,
    async (email) => setSent((await sendTranscript(chat, known ? undefined : email)).email),
    !known,
  );
  if (sent) {
    return (
      <p class="email-card" role="status">
        {t('transcriptSent', { email: sent })}
      </p>
    );
  }
  return (
    <form class="email-card" aria-label={t('transcriptSend')} onSubmit={form.onSubmit}>
      <p>{t('transcriptAsk')}</p>
      {known ? null : (
        <>
          <label class="sr-only" for="parley-transcript-email">
            {t('emailLabel')}
          </label>
          {form.input('parley-transcript-email')}
        </>
      )}
      <button type="submit" class="send-email" disabled={form.busy}>
        {t('transcriptSend')}
      </button>
      {form.error('parley-transcript-email')}
    </form>
  );
}
