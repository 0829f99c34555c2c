'use client';
// The live preview: the real widget (/widget.js in preview mode) in a frame, fed the
// console's unsaved config over postMessage each time it changes.
import { useEffect, useRef } from 'react';
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from '@/lib/contracts/attachments';
import type { WidgetConfig } from '@/lib/contracts/dto';

const PREVIEW_MESSAGE = 'parley:preview';

export function WidgetPreview({ config, title }: { config: WidgetConfig; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef(config);
  latest.current = config;

  useEffect(() => {
    const send = () =>
      frame.current?.contentWindow?.postMessage(
        { type: PREVIEW_MESSAGE, config: latest.current },
        location.origin,
      );
    // The frame's widget says when it listens; until then messages would be lost.
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== location.origin) return;
      if ((event.data as { type?: string } | null)?.type === `${PREVIEW_MESSAGE}-ready`) send();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    frame.current?.contentWindow?.postMessage({ type: PREVIEW_MESSAGE, config }, location.origin);
  }, [config]);

  return (
    <iframe
      ref={frame}
      src="/admin/widget/preview"
      title={title}
      className="h-[680px] w-full rounded-lg border border-slate-200 bg-slate-100 dark:border-slate-800 dark:bg-slate-950"
    />
  );
}

/** A visitor's config from the console's values: online, and no department to choose. */
export function previewConfig(
  widget: {
    title: string;
    subtitle: string;
    color: string;
    position: 'left' | 'right';
    greeting: string;
    locale: string;
    strings: Record<string, string>;
    teamName: string;
  },
  preChatFields: WidgetConfig['preChatFields'] = [],
  agents: WidgetConfig['agents'] = [],
): WidgetConfig {
  return {
    title: widget.title,
    subtitle: widget.subtitle,
    color: widget.color,
    position: widget.position,
    greeting: widget.greeting,
    locale: widget.locale,
    strings: widget.strings,
    teamName: widget.teamName || widget.title,
    agents,
    online: true,
    nextOpenAt: null,
    departments: [],
    preChatFields,
    attachments: { maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES, maxFiles: MAX_ATTACHMENTS_PER_MESSAGE },
    // The preview shows the chat, not the email card.
    email: false,
  };
}
