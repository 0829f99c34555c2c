/** @jsxImportSource preact */
// The panel's header: who the visitor is talking to, whether anyone is online, and a small
// settings drawer (sound, the visitor's name).
import { useState } from 'preact/hooks';
import { useChat } from './context';
import { CloseIcon, SettingsIcon } from './icons';

export function Header() {
  const chat = useChat();
  const { t, state } = chat;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const config = state.config;
  const online = config?.online ?? true;
  return (
    <>
      <header class="header">
        <div class="heading">
          <h2 id="parley-title">{config?.title ?? t('support')}</h2>
          {config?.teamName && <p class="team">{config.teamName}</p>}
          <p class="presence">
            <span class={online ? 'dot on' : 'dot'} aria-hidden="true" />
            <span class="sr-only">{online ? t('online') : ''}</span>
            {online ? config?.subtitle || t('online') : t('offline')}
          </p>
        </div>
        <button
          type="button"
          class="icon-button"
          aria-label={t('settings')}
          aria-expanded={settingsOpen}
          aria-controls="parley-settings"
          onClick={() => setSettingsOpen(!settingsOpen)}
        >
          <SettingsIcon />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('close')}
          onClick={() => chat.setOpen(false)}
        >
          <CloseIcon />
        </button>
      </header>
      {settingsOpen && <Settings />}
    </>
  );
}

function Settings() {
  const chat = useChat();
  const { t, state } = chat;
  const current = state.conversation?.name ?? (state.prechat?.name as string | undefined) ?? '';
  const [name, setName] = useState(current);
  const [feedback, setFeedback] = useState('');
  const [error, setError] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = await chat.rename(name.trim());
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
