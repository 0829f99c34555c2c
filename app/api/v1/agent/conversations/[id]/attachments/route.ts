import { agentsViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { conversationParams } from '@/lib/contracts/params';
import { readUploadedFile } from '@/lib/http/multipart';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// No request deadline: a large file on a slow link takes as long as it takes.
export const POST = route(
  { auth: 'agent', params: conversationParams, deadlineMs: false },
  async ({ request, params, caller }) => {
    const file = await readUploadedFile(request);
    const row = await uploadAttachment(params.id, file, caller.actor);
    return json({ attachment: presentAttachment(row, params.id, agentsViewer) }, 201);
  },
);
