import { customerActor } from '@/lib/actor';
import { transcriptRequestSchema } from '@/lib/contracts/customer';
import { conversationParams } from '@/lib/contracts/params';
import { requestTranscript } from '@/lib/email/request-transcript';
import { json, preflight, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The visitor asks for the transcript of the closed conversation by email. */
export const POST = route(
  { auth: 'customer', params: conversationParams, cors: true },
  async ({ request, params }) => {
    const { email } = await readJson(request, transcriptRequestSchema, { optional: true });
    return json(await requestTranscript(params.id, email, customerActor), 202);
  },
);

export const OPTIONS = preflight;
