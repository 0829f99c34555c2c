// GET /api/v1/openapi.json serves the generated document, and a real handler's answer fits
// the response schema the document is built from.
import { describe, expect, it } from 'vitest';
import { auditPageSchema } from '@/lib/contracts/audit';
import { env } from '@/lib/env';
import { buildOpenApiDocument } from '@/lib/openapi/build-document';
import { apiRequest } from '@/test/api-requests';
import * as auditRoute from '../admin/audit/route';
import * as openApiRoute from './route';

const document = buildOpenApiDocument();

describe('GET /api/v1/openapi.json', () => {
  it('is served at GET /api/v1/openapi.json without credentials', async () => {
    const response = await openApiRoute.GET(apiRequest('GET', '/openapi.json'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('matches what a handler really sends (the audit page)', async () => {
    const response = await auditRoute.GET(
      apiRequest('GET', '/admin/audit', { token: env().serviceToken! }),
    );
    expect(auditPageSchema.safeParse(await response.json()).success).toBe(true);
  });
});
