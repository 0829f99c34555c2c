import { customerActor } from '@/lib/actor';
import { customerViewer, presentAttachment } from '@/lib/attachments/present';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { authenticateCustomer, bearerToken } from '@/lib/customer-auth';
import { readUploadedFile } from '@/lib/http/multipart';
import { json, parse, preflight, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(
  async (request, params) => {
    const id = parse(conversationIdSchema, params.id);
    const claims = await authenticateCustomer(
      bearerToken(request.headers.get('authorization')),
      id,
    );
    const file = await readUploadedFile(request);
    const row = await uploadAttachment(id, file, customerActor);
    const viewer = customerViewer({ tokenVersion: claims.version });
    return json({ attachment: presentAttachment(row, id, viewer) }, 201);
  },
  { cors: true },
);
export const OPTIONS = preflight;
