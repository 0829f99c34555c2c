import { authorizeDownload } from '@/lib/attachments/authorize-download';
import { openAttachment } from '@/lib/attachments/open-attachment';
import { verifyAttachmentLink } from '@/lib/attachments/signed-url';
import { attachmentLinkQuerySchema } from '@/lib/contracts/customer';
import { attachmentParams } from '@/lib/contracts/params';
import { attachmentDownload } from '@/lib/http/download';
import { parse, preflight, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * A signed download link: the customer's (widget) or the agents' (inbox, admin API). The
 * link itself says who it was made for; `authorizeDownload` checks that caller.
 */
export const GET = route(
  { auth: 'public', params: attachmentParams, cors: true },
  async ({ request, params }) => {
    const link = parse(attachmentLinkQuerySchema, searchParams(request));
    const viewer = verifyAttachmentLink(params.id, params.attachmentId, link);
    await authorizeDownload(request, params.id, viewer);
    const file = await openAttachment(params.id, params.attachmentId, link.variant);
    return attachmentDownload({ ...file, name: file.row.name });
  },
);
export const OPTIONS = preflight;
