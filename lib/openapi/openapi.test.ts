// The OpenAPI document is a valid OpenAPI 3.1 description, and it lists every route
// handler that exists: a handler added without its registry entry fails here.
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './build-document';
import { API_ROUTES, UNDOCUMENTED_ROUTE_FILES } from './registry';
import { listRouteFiles, resolveRouteFile } from './route-files';

const document = buildOpenApiDocument();
const files = listRouteFiles(process.cwd());

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 with every $ref resolving', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('has one operation per registry entry and unique operation ids', () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(API_ROUTES.length);
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every exported method of every route file', () => {
    const documented = new Set<string>();
    for (const route of API_ROUTES) {
      const file = resolveRouteFile(files, route.path);
      if (file) documented.add(`${route.method.toUpperCase()} ${file.file}`);
      if (file && route.cors) documented.add(`OPTIONS ${file.file}`);
    }
    const missing = files
      .filter((file) => !(file.file in UNDOCUMENTED_ROUTE_FILES))
      .flatMap((file) => file.methods.map((method) => `${method} ${file.file}`))
      .filter((key) => !documented.has(key));
    expect(missing, 'add these routes to lib/openapi/routes/*.ts').toEqual([]);
    expect(files.length).toBeGreaterThan(30);
  });

  it('documents no route that the code does not serve', () => {
    const phantom = API_ROUTES.filter((route) => {
      const file = resolveRouteFile(files, route.path);
      return !file?.methods.includes(route.method.toUpperCase());
    }).map((route) => `${route.method} ${route.path}`);
    expect(phantom).toEqual([]);
    for (const file of Object.keys(UNDOCUMENTED_ROUTE_FILES)) {
      expect(files.map((f) => f.file)).toContain(file);
    }
  });

  it('resolves paths the way the App Router does: static segments first', () => {
    expect(resolveRouteFile(files, '/api/v1/agent/conversations/counts')?.file).toBe(
      'app/api/v1/agent/conversations/counts/route.ts',
    );
    expect(resolveRouteFile(files, '/api/v1/agent/conversations/{id}')?.file).toBe(
      'app/api/v1/agent/conversations/[id]/route.ts',
    );
    expect(resolveRouteFile(files, '/api/v1/admin/conversations/{id}/claim')?.file).toBe(
      'app/api/v1/admin/conversations/[id]/[action]/route.ts',
    );
    expect(resolveRouteFile(files, '/api/v1/nothing/here')).toBeUndefined();
  });

  it('describes auth, errors and the admin endpoints’ shapes', () => {
    const audit = document.paths['/api/v1/admin/audit']!.get!;
    expect(audit.security).toEqual([{ adminToken: [] }, { agentSession: [] }]);
    expect(Object.keys(audit.responses as object).sort()).toEqual(['200', '400', '401', '403']);
    expect((audit.parameters as { name: string }[]).map((p) => p.name)).toEqual([
      'conversationId',
      'actor',
      'action',
      'from',
      'to',
      'cursor',
      'limit',
    ]);
    expect(document.components.schemas).toHaveProperty('AuditEntry');
    expect(document.components.schemas).toHaveProperty('Message');
    expect(document.paths['/healthz']!.get!.security).toEqual([]);
  });
});
