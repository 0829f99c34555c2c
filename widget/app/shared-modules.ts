// What the chat app hands to a lazy chunk when it loads it (widget/app/chunks.ts): the app's
// own Preact and chat context, so both render with one copy. The build maps the chunks' imports onto this
// list (scripts/widget-bundles.ts), so a module missing here fails the build, not the visitor.

import { Fragment as PreactFragment } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { useChat, useChatState } from './ui/context';

export const SHARED_MODULES = {
  preact: { Fragment: PreactFragment },
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
  'preact/hooks': { useContext, useEffect, useRef, useState },
  context: { useChat, useChatState },
};
