'use client';
// Which of a conversation's pictures the lightbox shows. It is remembered by id, so messages
// arriving meanwhile never move the agent to another picture.
import { useCallback, useMemo, useState } from 'react';
import type { Attachment } from '@/lib/contracts/dto';
import { imagesOf } from './gallery';

export function useImageViewer(items: object[]) {
  const images = useMemo(() => imagesOf(items), [items]);
  const [openId, setOpenId] = useState<string | null>(null);
  const index = openId === null ? -1 : images.findIndex((image) => image.id === openId);
  const open = useCallback((attachment: Attachment) => setOpenId(attachment.id), []);
  return {
    open,
    lightbox: {
      images,
      index: index >= 0 ? index : null,
      onIndexChange: (next: number) => setOpenId(images[next]?.id ?? null),
      onClose: () => setOpenId(null),
    },
  };
}
