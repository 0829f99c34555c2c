import { z } from 'zod';
import { authorizeDownload } from '@/lib/attachments/authorize-download';
import { openAttachment } from '@/lib/attachments/open-attachment';
import { verifyAttachmentLink } from '@/lib/attachments/signed-url';
import {
  attachmentIdSchema,
  attachmentLinkQuerySchema,
  conversationIdSchema,
} from '@/lib/contracts/customer';
import { attachmentDownload } from '@/lib/http/download';
import { parse, preflight, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const params = z.object({ id: conversationIdSchema, attachmentId: attachmentIdSchema });

/** A signed download link: the customer's (widget) or the agents' (inbox, admin API). */
export const GET = route(
  { auth: 'public', params, cors: true, deadlineMs: false },
  async ({ request, params }) => {
    const link = parse(attachmentLinkQuerySchema, searchParams(request));
    const viewer = verifyAttachmentLink(params.id, params.attachmentId, link);
    await authorizeDownload(request, params.id, viewer);
    const file = await openAttachment(params.id, params.attachmentId, link.variant, viewer);
    return attachmentDownload({ ...file, name: file.row.name });
  },
);
export const OPTIONS = preflight;
