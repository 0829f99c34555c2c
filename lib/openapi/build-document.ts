// Builds the OpenAPI 3.1 document from the route registry: zod 4 turns the contract
// schemas into JSON Schema (draft 2020-12, which OpenAPI 3.1 uses), so the document is
// derived from the code and cannot describe a different API than the one that runs.
import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../contracts/errors';
import type { ApiRoute, RouteAuth } from './define-route';
import { API_ROUTES } from './registry';

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

const COMPONENT = '#/components/schemas/';
const SHARED = `${COMPONENT}__shared#/$defs/`;

const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  none: [],
  customer: [{ customerToken: [] }],
  agent: [{ agentSession: [] }],
  'admin-session': [{ agentSession: [] }],
  admin: [{ adminToken: [] }, { agentSession: [] }],
  'token-manager': [{ adminToken: [] }, { agentSession: [] }],
  telegram: [{ telegramSecret: [] }],
  'inbound-email': [{ inboundEmailSecret: [] }],
};

const AUTH_NOTE: Record<RouteAuth, string | undefined> = {
  none: undefined,
  customer: 'The conversation’s bearer token.',
  agent: 'A signed-in agent’s session.',
  'admin-session': 'A signed-in admin’s session; an agent’s session gets 403.',
  admin: 'SERVICE_TOKEN or an API token as Bearer, or an admin’s session (agents get 403).',
  'token-manager':
    'SERVICE_TOKEN as Bearer or an admin’s session. API tokens get 403: a leaked ' +
    'integration token cannot mint or revoke tokens.',
  telegram: 'Header X-Telegram-Bot-Api-Secret-Token equal to TELEGRAM_WEBHOOK_SECRET.',
  'inbound-email':
    'The inbound email secret (EMAIL_INBOUND_SECRET or the console’s) as Bearer, as the ' +
    'password of basic auth, in X-Parley-Inbound-Secret or as ?secret=.',
};

const ERROR_MEANING: Record<ErrorCode, string> = {
  invalid_request: 'Malformed JSON, wrong types, failed validation or a bad id',
  unauthorized: 'Missing, malformed or revoked credentials',
  forbidden: 'Valid credentials that may not do this',
  blocked: 'The customer is blocked',
  not_found: 'Unknown id or route',
  method_not_allowed: 'The route does not take this method',
  conflict: 'A refused transition',
  too_large: 'Text over 4000 characters, a file or a body over its limit',
  unsupported_media_type: 'A file type that is not allowed',
  headers_too_large: 'Request headers over the server’s limit',
  rate_limited: 'Too many requests; see Retry-After',
  unavailable: 'A dependency did not answer in time; see Retry-After',
  internal: 'Something went wrong',
};

const ATTACHMENT_HEADER = {
  description: 'attachment; filename="parley-<codename or date>.<csv|json>"',
  schema: { type: 'string' },
};

/** Drops what JSON Schema spells out that the `format` or the type already says. */
function tidy(schema: JsonSchema): void {
  if (schema.format && schema.pattern) delete schema.pattern;
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
}

const jsonSchemaOptions = (io: Io) =>
  ({
    target: 'draft-2020-12',
    io,
    // Transforms and pipes document their input or output side; nothing else is left out.
    unrepresentable: 'any',
    override: (ctx: { jsonSchema: JsonSchema }) => tidy(ctx.jsonSchema),
  }) as const;

/** Converts a set of named schemas into components, hoisting shared ones (Message, …). */
function components(named: Map<string, z.ZodType>, io: Io): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    ...jsonSchemaOptions(io),
    uri: (id) => `${COMPONENT}${id}`,
  }) as unknown as { schemas: Record<string, JsonSchema> };
  const { __shared, ...rest } = schemas;
  const out: Record<string, JsonSchema> = {
    ...((__shared?.$defs as Record<string, JsonSchema>) ?? {}),
    ...rest,
  };
  for (const schema of Object.values(out)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return JSON.parse(JSON.stringify(out).replaceAll(SHARED, COMPONENT));
}

/** `DELETE /api/v1/admin/api-tokens/{id}` → `deleteAdminApiTokensById`. */
export function operationId(route: ApiRoute): string {
  const words = route.path
    .split('/')
    .filter((part) => part && part !== 'api' && part !== 'v1')
    .flatMap((part) => (part.startsWith('{') ? ['by', part.slice(1, -1)] : part.split(/[-_.]/)));
  return route.method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

function parameters(route: ApiRoute) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, jsonSchemaOptions('input')) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return list;
}

const UPLOAD_BODY = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description: 'The file' } },
      },
    },
  },
};

const DOWNLOAD_RESPONSE = {
  description: 'The file’s bytes',
  content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
};

function errorStatuses(route: ApiRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors ?? []);
  if (route.params || route.query || route.body || route.upload) codes.add('invalid_request');
  // Every JSON body is read with a size limit, every upload too.
  if (route.body || route.upload) codes.add('too_large');
  if (route.auth !== 'none') codes.add('unauthorized');
  if (route.auth !== 'none' && route.auth !== 'telegram' && route.auth !== 'inbound-email') {
    codes.add('forbidden');
  }
  if (route.params) codes.add('not_found');
  return [...codes];
}

export function buildOpenApiDocument(routes: readonly ApiRoute[] = API_ROUTES) {
  const requests = new Map<string, z.ZodType>();
  const responses = new Map<string, z.ZodType>();
  const paths: Record<string, Record<string, JsonSchema>> = {};

  for (const route of routes) {
    const id = operationId(route);
    const name = id[0]!.toUpperCase() + id.slice(1);
    if (route.body) requests.set(`${name}Request`, route.body);
    const responseBodies: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const file = response && 'file' in response ? response : undefined;
      const schema = response && 'file' in response ? response.schema : response;
      if (schema) responses.set(`${name}Response${status}`, schema);
      if (route.download && status === '200') {
        responseBodies[status] = DOWNLOAD_RESPONSE;
        continue;
      }
      responseBodies[status] = {
        description: file?.description ?? (Number(status) >= 400 ? 'Not ready' : 'Success'),
        ...(schema
          ? {
              content: {
                [file?.file ?? 'application/json']: {
                  schema: { $ref: `${COMPONENT}${name}Response${status}` },
                },
              },
            }
          : {}),
        ...(file ? { headers: { 'Content-Disposition': ATTACHMENT_HEADER } } : {}),
      };
    }
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of errorStatuses(route)) {
      const status = ERROR_STATUS[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of byStatus) {
      responseBodies[String(status)] = {
        description: codes.map((code) => `\`${code}\`: ${ERROR_MEANING[code]}`).join('; '),
        content: { 'application/json': { schema: { $ref: `${COMPONENT}Error` } } },
      };
    }
    const note = AUTH_NOTE[route.auth];
    const description = [
      route.description,
      note && `**Auth:** ${note}`,
      route.cors && 'CORS for the widget’s allowed origins.',
    ]
      .filter(Boolean)
      .join('\n\n');
    const operation: JsonSchema = {
      operationId: id,
      summary: route.summary,
      ...(description ? { description } : {}),
      tags: [route.tag],
      security: SECURITY[route.auth],
      'x-parley-auth': route.auth,
      parameters: parameters(route),
      ...(route.upload ? { requestBody: UPLOAD_BODY } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: !route.bodyOptional,
              content: {
                'application/json': { schema: { $ref: `${COMPONENT}${name}Request` } },
              },
            },
          }
        : {}),
      responses: responseBodies,
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation;
  }

  const responseComponents = components(responses, 'output');
  const requestComponents = components(requests, 'input');
  for (const key of Object.keys(requestComponents)) {
    if (key in responseComponents) throw new Error(`Schema id ${key} is used in a request body`);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1',
      description:
        'Customer (widget), agent and admin API of Parley. Every failure is ' +
        '`{"error": {"code", "message"}}`. Generated from the server’s own schemas.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        customerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token from POST /api/v1/conversations, bound to that conversation.',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'SERVICE_TOKEN or an API token (pk_…) created in the admin console.',
        },
        agentSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The session cookie of a signed-in agent or admin.',
        },
        telegramSecret: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Telegram-Bot-Api-Secret-Token',
        },
        inboundEmailSecret: {
          type: 'http',
          scheme: 'bearer',
          description: 'EMAIL_INBOUND_SECRET (or basic auth with it as the password).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
                message: { type: 'string' },
              },
            },
          },
        },
        ...responseComponents,
        ...requestComponents,
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
