import { agentsViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { readUploadedFile } from '@/lib/http/multipart';
import { json, parse, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const id = parse(conversationIdSchema, params.id);
  const actor = await authenticateAdmin(request);
  const file = await readUploadedFile(request);
  const row = await uploadAttachment(id, file, actor);
  return json({ attachment: presentAttachment(row, id, agentsViewer) }, 201);
});
