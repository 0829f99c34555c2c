'use client';
// The public widget config as the inbox reads it: the pre-chat form's labels and the
// attachment limits the server enforces, so the inbox can explain them before an upload.
import { useQuery } from '@tanstack/react-query';
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from '@/lib/contracts/attachments';
import type { AttachmentLimits, WidgetConfig } from '@/lib/contracts/dto';

export function useWidgetConfig() {
  return useQuery({
    queryKey: ['widget-config'],
    queryFn: async () => {
      const response = await fetch('/api/v1/widget/config', { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`Widget config: ${response.status}`);
      return (await response.json()) as WidgetConfig;
    },
    staleTime: 60_000,
  });
}

/** DESIGN §13's defaults, until the config has answered. */
const DEFAULT_LIMITS: AttachmentLimits = {
  maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
  maxFiles: MAX_ATTACHMENTS_PER_MESSAGE,
};

export function useUploadLimits(): AttachmentLimits {
  return useWidgetConfig().data?.attachments ?? DEFAULT_LIMITS;
}
