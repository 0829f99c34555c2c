import { agentsViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { agentActor, authenticateAgentRequest } from '@/lib/auth/request-auth';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { readUploadedFile } from '@/lib/http/multipart';
import { json, parse, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const agent = await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  const file = await readUploadedFile(request);
  const row = await uploadAttachment(id, file, agentActor(agent));
  return json({ attachment: presentAttachment(row, id, agentsViewer) }, 201);
});
