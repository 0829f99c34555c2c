/** @jsxImportSource preact */
// The chat app's entry: picks up the host the loader attached to this script, renders the
// panel into the loader's shadow root and starts taking commands.
import { render } from 'preact';
import { HOST_PROPERTY, type Host } from '../host';
import { keepInMemory } from '../storage';
import { addStyles } from '../styles';
import { Chat } from './chat';
import css from './styles.css';
import { ChatContext } from './ui/context';
import { Widget } from './ui/widget';

const script = document.currentScript as (HTMLScriptElement & { [HOST_PROPERTY]?: Host }) | null;
const host = script?.[HOST_PROPERTY];

if (host) {
  if (host.preview) keepInMemory();
  const chat = new Chat(host);
  addStyles(host.root, css);
  const container = document.createElement('div');
  host.root.append(container);
  render(
    <ChatContext.Provider value={chat}>
      <Widget />
    </ChatContext.Provider>,
    container,
  );
  chat.start();
  host.ready({
    command(name) {
      if (name === 'open') chat.setOpen(true);
      else if (name === 'close') chat.setOpen(false);
      else if (name === 'toggle') chat.setOpen(!chat.state.open);
      else if (name === 'identify') chat.sessions.identify();
      else console.warn(`Parley: unknown command "${name}"`);
    },
  });
}
