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

type Params = { id: string; attachmentId: string };

/** A signed download link: the customer's (widget) or the agents' (inbox, admin API). */
export const GET = route<Params>(
  async (request, params) => {
    const conversationId = parse(conversationIdSchema, params.id);
    const attachmentId = parse(attachmentIdSchema, params.attachmentId);
    const link = parse(attachmentLinkQuerySchema, searchParams(request));
    const viewer = verifyAttachmentLink(conversationId, attachmentId, link);
    await authorizeDownload(request, conversationId, viewer);
    const file = await openAttachment(conversationId, attachmentId, link.variant);
    return attachmentDownload({ ...file, name: file.row.name });
  },
  { cors: true },
);
export const OPTIONS = preflight;
