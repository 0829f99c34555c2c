import { customerViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { conversationParams } from '@/lib/contracts/params';
import { readUploadedFile, UPLOAD_DEADLINE_MS } from '@/lib/http/multipart';
import { json, preflight, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: 'customer', params: conversationParams, cors: true, deadlineMs: UPLOAD_DEADLINE_MS },
  async ({ request, params, caller }) => {
    const file = await readUploadedFile(request);
    const { attachment, conversation } = await uploadAttachment(params.id, file, caller.actor);
    const viewer = customerViewer(conversation);
    return json({ attachment: presentAttachment(attachment, params.id, viewer) }, 201);
  },
);
export const OPTIONS = preflight;
