/** @jsxImportSource preact */
// The panel's header: who the visitor is talking to (faces, title, team), the one line on
// whether anyone is there and when they answer, a small settings drawer (sound, the
// visitor's name; a chunk of its own, settings/), and the cards lazy modules put under it.
import { useState } from 'preact/hooks';
import type { ChatState } from '../chat';
import { presenceLine } from '../presence';
import type { SettingsUi } from '../settings';
import { type Face, Faces } from './avatar';
import { useChat } from './context';
import { CloseIcon, SettingsIcon } from './icons';
import { WithChunk } from './with-chunk';

export function Header() {
  const chat = useChat();
  const { t, state } = chat;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { config } = state;
  const { online, line } = presenceLine(config, t, chat.locale);
  return (
    <>
      <header class="header">
        <Faces faces={whoAnswers(state, t('support'))} />
        <div class="heading">
          <h2 id="parley-title">{config?.title ?? t('support')}</h2>
          {config?.teamName && config.teamName !== config.title && (
            <p class="team">{config.teamName}</p>
          )}
          <p class="presence">
            <span class={online ? 'dot on' : 'dot'} aria-hidden="true" />
            {line}
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
      {settingsOpen && <WithChunk<SettingsUi> name="settings">{(ui) => <ui.Settings />}</WithChunk>}
      {state.cards.map((card) => card.place === 'header' && <card.View key={card.key} />)}
    </>
  );
}

/** The agent answering (with their photo), else the team, else the widget's title. */
function whoAnswers({ config, conversation, messages }: ChatState, fallback: string): Face[] {
  const agent = conversation?.agent;
  if (agent) {
    const photo =
      agent.avatarUrl ??
      messages.findLast((m) => m.agentName === agent.name && m.agentAvatarUrl)?.agentAvatarUrl;
    return [{ name: agent.name, avatarUrl: photo }];
  }
  if (config?.agents?.length) return config.agents;
  // The brand's initials ("Acme support"), which read better than a team's ("The … team").
  return [{ name: config?.title || fallback }];
}
