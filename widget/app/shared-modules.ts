// What the chat app hands to a lazy chunk when it loads it (widget/app/chunks.ts): the app's
// own Preact, chat context and stylesheet helper, so both render with one copy, and the
// views a chunk builds on (a message's bubble, a face, another chunk's files). The build maps
// the chunks' imports onto this list (scripts/widget-bundles.ts), so a module missing here
// fails the build, not the visitor.

import { Fragment as PreactFragment } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { addStyles } from '../styles';
import { Avatar } from './ui/avatar';
import { Bubble, Linkified } from './ui/bubble';
import { useChat, useChatState } from './ui/context';
import { WithFiles } from './ui/with-chunk';

export const SHARED_MODULES = {
  preact: { Fragment: PreactFragment },
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
  'preact/hooks': { useContext, useEffect, useRef, useState },
  context: { useChat, useChatState },
  avatar: { Avatar },
  bubble: { Bubble, Linkified },
  'with-chunk': { WithFiles },
  styles: { addStyles },
};
