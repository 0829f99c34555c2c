// What the chat app hands to the attachment UI when it loads it (widget/app/files.ts): the
// app's own Preact, so both render with one copy, and the name of the script element's
// property the hand-off travels in. The build maps the chunk's imports onto this list
// (scripts/widget-bundles.ts), so a module missing here fails the build, not the visitor.

import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';

export const SHARED_MODULES = {
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
  'preact/hooks': { useContext, useEffect, useRef, useState },
};

export const FILES_PROPERTY = 'parleyFiles';
