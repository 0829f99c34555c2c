/** @jsxImportSource preact */
// The settings drawer under the header: sound and vibration, and the visitor's name.
import { useState } from 'preact/hooks';
import { useChat } from '../ui/context';

export function Settings() {
  const chat = useChat();
  const { t, state } = chat;
  const current = state.conversation?.name ?? (state.prechat?.name as string | undefined) ?? '';
  const [name, setName] = useState(current);
  const [feedback, setFeedback] = useState('');
  const [error, setError] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = await chat.sessions.rename(name.trim());
    setError(!!problem);
    setFeedback(problem ?? '✓');
  };

  return (
    <div class="settings" id="parley-settings">
      <label class="toggle">
        <input
          type="checkbox"
          checked={state.sound}
          onChange={(event) => chat.setSound(event.currentTarget.checked)}
        />
        {t('sound')}
      </label>
      <form class="rename" onSubmit={save}>
        <label for="parley-name">{t('yourName')}</label>
        <div class="row">
          <input
            id="parley-name"
            value={name}
            maxLength={32}
            minLength={2}
            autocomplete="name"
            aria-invalid={error}
            aria-describedby="parley-name-feedback"
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <button type="submit" class="secondary" disabled={name.trim().length < 2}>
            {t('save')}
          </button>
        </div>
        <p id="parley-name-feedback" class={error ? 'error' : 'hint'} role="status">
          {feedback}
        </p>
      </form>
    </div>
  );
}
