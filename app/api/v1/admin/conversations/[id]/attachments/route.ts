import { agentsViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { ADMIN_API } from '@/lib/auth/callers';
import { conversationParams } from '@/lib/contracts/params';
import { readUploadedFile, UPLOAD_DEADLINE_MS } from '@/lib/http/multipart';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: ADMIN_API, params: conversationParams, deadlineMs: UPLOAD_DEADLINE_MS },
  async ({ request, params, caller }) => {
    const file = await readUploadedFile(request);
    const { attachment } = await uploadAttachment(params.id, file, caller.actor);
    return json({ attachment: presentAttachment(attachment, params.id, agentsViewer) }, 201);
  },
);
