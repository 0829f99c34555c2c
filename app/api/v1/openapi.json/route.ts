import { json, route } from '@/lib/http/route';
import { openApiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-dynamic';

/** Public: the document describes the API, it grants nothing. */
export const GET = route({ auth: 'public' }, async () => json(openApiDocument()));
