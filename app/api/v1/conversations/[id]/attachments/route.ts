import { customerViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { conversationParams } from '@/lib/contracts/params';
import { readUploadedFile } from '@/lib/http/multipart';
import { json, preflight, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// No request deadline: a large file on a slow link takes as long as it takes.
export const POST = route(
  { auth: 'customer', params: conversationParams, cors: true, deadlineMs: false },
  async ({ request, params, caller }) => {
    const file = await readUploadedFile(request);
    const row = await uploadAttachment(params.id, file, caller.actor);
    const viewer = customerViewer({ tokenVersion: caller.tokenVersion });
    return json({ attachment: presentAttachment(row, params.id, viewer) }, 201);
  },
);
export const OPTIONS = preflight;
