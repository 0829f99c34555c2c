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

  it('describes every success body exactly: no open map stands in for a shape', () => {
    const schemas = document.components.schemas as Record<string, Record<string, unknown>>;
    const loose = Object.entries(schemas)
      .filter(([name]) => /Response\d{3}$/.test(name))
      .filter(([, schema]) => schema.type === 'object' && !schema.properties)
      .map(([name]) => name);
    expect(loose).toEqual([]);
  });

  it('documents the console’s errors, files and optional bodies', () => {
    const statuses = (path: string, method: string) =>
      Object.keys(
        (document.paths[path] as Record<string, { responses: object }>)[method]!.responses,
      ).sort();
    expect(statuses('/api/v1/admin/departments/{id}', 'patch')).toEqual(
      ['200', '400', '401', '403', '404', '413'].sort(),
    );
    expect(statuses('/api/v1/admin/departments/{id}', 'delete')).toEqual([
      '204',
      '400',
      '401',
      '403',
      '404',
    ]);
    for (const base of ['/api/v1/admin/agents', '/api/v1/agent/agents']) {
      expect(statuses(base, 'post')).toEqual(['201', '400', '401', '403', '404', '409', '413']);
      expect(statuses(`${base}/{id}`, 'delete')).toContain('409');
      const reset = document.paths[`${base}/{id}/password`]!.post!;
      expect((reset.requestBody as { required: boolean }).required).toBe(false);
    }
    expect(statuses('/api/v1/admin/message-templates', 'delete')).toContain('404');
    expect(statuses('/api/v1/admin/telegram', 'post')).toContain('409');

    const csv = (
      document.paths['/api/v1/admin/conversations/{id}/export.csv']!.get!.responses as Record<
        string,
        { content: object; headers: object }
      >
    )['200']!;
    expect(Object.keys(csv.content)).toEqual(['text/csv']);
    expect(csv.headers).toHaveProperty('Content-Disposition');
    expect(document.components.schemas).toHaveProperty('AdminDepartment');
    expect(document.components.schemas).toHaveProperty('TelegramState');
  });
});
