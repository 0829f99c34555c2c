// The API reference page's body: the OpenAPI document grouped by tag, each operation with
// its auth, parameters, request body and responses, then the named schemas. Rendered on
// the server from the same document /api/v1/openapi.json serves; no script needed.
import type { OpenApiDocument } from '@/lib/openapi/build-document';
import {
  type JsonSchema,
  SchemaLabel,
  type SchemaMap,
  SchemaView,
  schemaAnchor,
} from './api-schema';

const METHOD_LOOK: Record<string, string> = {
  get: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  post: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200',
  put: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  patch: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  delete: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
};

const AUTH_LABEL: Record<string, string> = {
  none: 'Public',
  customer: 'Customer token',
  agent: 'Agent session',
  'admin-session': 'Admin session',
  admin: 'Service/API token or admin session',
  'token-manager': 'Service token or admin session',
  telegram: 'Telegram webhook secret',
};

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  'x-parley-auth': string;
  parameters: {
    name: string;
    in: string;
    required: boolean;
    schema: JsonSchema;
    description?: string;
  }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<
    string,
    // JSON, or a file such as an export's `text/csv`.
    { description: string; content?: Record<string, { schema: JsonSchema }> }
  >;
}

const isWrapper = (name: string) => /(Request|Response\d{3})$/.test(name);
const plain = (text: string) => text.replaceAll('**', '');

export function ApiReference({ document }: { document: OpenApiDocument }) {
  const schemas = document.components.schemas as unknown as SchemaMap;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      path,
      method,
      operation: operation as unknown as Operation,
    })),
  );
  const named = Object.keys(schemas)
    .filter((name) => !isWrapper(name))
    .sort();

  return (
    <div className="flex flex-col gap-8">
      <nav aria-label="API sections" className="flex flex-wrap gap-2 text-sm">
        {document.tags.map((tag) => (
          <a
            key={tag.name}
            href={`#tag-${slug(tag.name)}`}
            className="rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:border-indigo-400 dark:border-slate-700 dark:text-slate-300"
          >
            {tag.name}
          </a>
        ))}
        <a
          href="#schemas"
          className="rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:border-indigo-400 dark:border-slate-700 dark:text-slate-300"
        >
          Schemas
        </a>
      </nav>

      {document.tags.map((tag) => (
        <section
          key={tag.name}
          aria-labelledby={`tag-${slug(tag.name)}`}
          className="flex flex-col gap-2"
        >
          <h2 id={`tag-${slug(tag.name)}`} className="text-lg font-semibold">
            {tag.name}
          </h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <OperationView
                key={operation.operationId}
                path={path}
                method={method}
                operation={operation}
                schemas={schemas}
              />
            ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="flex flex-col gap-3">
        <h2 id="schemas" className="text-lg font-semibold">
          Schemas
        </h2>
        {named.map((name) => (
          <div
            key={name}
            id={schemaAnchor(name)}
            className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
          >
            <h3 className="mb-2 font-mono text-sm font-semibold">{name}</h3>
            <SchemaView schema={schemas[name]!} schemas={schemas} />
            {!schemas[name]!.properties ? (
              <SchemaLabel schema={schemas[name]!} schemas={schemas} />
            ) : null}
          </div>
        ))}
      </section>
    </div>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function OperationView({
  path,
  method,
  operation,
  schemas,
}: {
  path: string;
  method: string;
  operation: Operation;
  schemas: SchemaMap;
}) {
  // JSON for most routes; `multipart/form-data` for uploads.
  const [bodyType, bodyMedia] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  const body = bodyMedia?.schema;
  return (
    <details
      id={operation.operationId}
      className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
        <span
          className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold uppercase ${METHOD_LOOK[method] ?? ''}`}
        >
          {method}
        </span>
        <code className="break-all font-mono text-sm">{path}</code>
        <span className="text-sm text-slate-600 dark:text-slate-400">{operation.summary}</span>
        <span className="ml-auto rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {AUTH_LABEL[operation['x-parley-auth']] ?? operation['x-parley-auth']}
        </span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-slate-200 px-3 py-3 text-sm dark:border-slate-800">
        {/* The description ends with who may call it (the document's own auth note). */}
        {operation.description ? (
          <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">
            {plain(operation.description)}
          </p>
        ) : null}
        {operation.parameters.length ? (
          <div>
            <h4 className="mb-1 font-medium">Parameters</h4>
            <ul className="flex flex-col gap-1">
              {operation.parameters.map((parameter) => (
                <li key={`${parameter.in}-${parameter.name}`} className="font-mono text-xs">
                  <span className="font-semibold">{parameter.name}</span>
                  {parameter.required ? '' : '?'}{' '}
                  <span className="font-sans text-slate-500 dark:text-slate-400">
                    ({parameter.in})
                  </span>
                  : <SchemaLabel schema={parameter.schema} schemas={schemas} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {body ? (
          <div>
            <h4 className="mb-1 font-medium">
              Request body ({bodyType === 'application/json' ? 'JSON' : bodyType})
            </h4>
            <SchemaView schema={body} schemas={schemas} />
          </div>
        ) : null}
        <div>
          <h4 className="mb-1 font-medium">Responses</h4>
          <ul className="flex flex-col gap-2">
            {Object.entries(operation.responses).map(([status, response]) => {
              const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
              const schema = media?.schema;
              // Every failure has the one error shape; its codes are in the description.
              const isError = schema?.$ref === '#/components/schemas/Error';
              (Number(status) >= 400 && !status.startsWith('5')) || status === '500';
              return (
                <li key={status}>
                  <span
                    className={`mr-2 font-mono text-xs font-semibold ${Number(status) < 300 ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
                  >
                    {status}
                  </span>
                  <span className="text-slate-600 dark:text-slate-400">
                    {response.description.replaceAll('`', '')}
                  </span>
                  {mediaType && mediaType !== 'application/json' ? (
                    <code className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">
                      {mediaType}
                    </code>
                  ) : null}
                  {schema && !isError ? (
                    <div className="mt-1">
                      <SchemaView schema={schema} schemas={schemas} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </details>
  );
}
