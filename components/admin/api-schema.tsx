// A JSON Schema (from the OpenAPI document) as a readable tree: property names, types and
// constraints, with named schemas linked to their definitions further down the page.
import type { ReactNode } from 'react';

export type JsonSchema = Record<string, unknown>;
export type SchemaMap = Record<string, JsonSchema>;

const REF = '#/components/schemas/';
/** Per-operation wrappers are shown inline; named DTOs (Message, …) are links. */
const isWrapper = (name: string) => /(Request|Response\d{3})$/.test(name);

export const schemaAnchor = (name: string) => `schema-${name}`;

function refName(schema: JsonSchema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' && ref.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

function constraints(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const pairs: [string, string][] = [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
    ['pattern', 'pattern'],
  ];
  for (const [key, label] of pairs) {
    if (schema[key] !== undefined) notes.push(`${label} ${String(schema[key])}`);
  }
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

/** A one-line type: `string`, `Message[]`, `"a" | "b"`, `integer | null`. */
function typeLabel(schema: JsonSchema, schemas: SchemaMap): ReactNode {
  const name = refName(schema);
  if (name) {
    if (isWrapper(name)) return typeLabel(schemas[name] ?? {}, schemas);
    return (
      <a href={`#${schemaAnchor(name)}`} className="text-indigo-700 underline dark:text-indigo-300">
        {name}
      </a>
    );
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) {
    return union.map((part, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a union have no identity
      <span key={i}>
        {i > 0 ? ' | ' : ''}
        {typeLabel(part, schemas)}
      </span>
    ));
  }
  if (schema.type === 'array') {
    return <>{typeLabel((schema.items as JsonSchema) ?? {}, schemas)}[]</>;
  }
  if (schema.type === 'object' && !schema.properties && schema.additionalProperties) {
    const values = schema.additionalProperties;
    return <>map of {values === true ? 'any' : typeLabel(values as JsonSchema, schemas)}</>;
  }
  // draft 2020-12 spells a nullable primitive as a list of types: ["string", "null"].
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.every((type) => typeof type === 'string')) {
    return types
      .map((type) => (type !== 'null' && schema.format ? `${type}<${schema.format}>` : type))
      .join(' | ');
  }
  return 'any';
}

/** The properties an object schema (or its array items) has, to show beneath it. */
function objectProperties(schema: JsonSchema, schemas: SchemaMap): JsonSchema | undefined {
  const name = refName(schema);
  if (name) return isWrapper(name) ? objectProperties(schemas[name] ?? {}, schemas) : undefined;
  if (schema.type === 'object' && schema.properties) return schema;
  if (schema.type === 'array') return objectProperties((schema.items as JsonSchema) ?? {}, schemas);
  return undefined;
}

export function SchemaView({
  schema,
  schemas,
  depth = 0,
}: {
  schema: JsonSchema;
  schemas: SchemaMap;
  depth?: number;
}) {
  const object = objectProperties(schema, schemas);
  if (!object) {
    return <code className="font-mono text-xs">{typeLabel(schema, schemas)}</code>;
  }
  const required = new Set((object.required as string[]) ?? []);
  const properties = Object.entries(object.properties as Record<string, JsonSchema>);
  return (
    <ul
      className={`flex flex-col gap-1 font-mono text-xs ${depth > 0 ? 'ml-4 border-l border-slate-200 pl-3 dark:border-slate-700' : ''}`}
    >
      {properties.map(([name, property]) => (
        <li key={name}>
          <span className="font-semibold text-slate-900 dark:text-slate-100">{name}</span>
          {required.has(name) ? '' : '?'}
          <span className="text-slate-500 dark:text-slate-400">: </span>
          <span className="text-emerald-800 dark:text-emerald-300">
            {typeLabel(property, schemas)}
          </span>
          {constraints(property).length ? (
            <span className="ml-2 font-sans text-slate-500 dark:text-slate-400">
              ({constraints(property).join(', ')})
            </span>
          ) : null}
          {typeof property.description === 'string' ? (
            <span className="ml-2 font-sans text-slate-600 dark:text-slate-400">
              {property.description}
            </span>
          ) : null}
          {depth < 3 && objectProperties(property, schemas) && !refName(property) ? (
            <SchemaView schema={property} schemas={schemas} depth={depth + 1} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function SchemaLabel({ schema, schemas }: { schema: JsonSchema; schemas: SchemaMap }) {
  return <code className="font-mono text-xs">{typeLabel(schema, schemas)}</code>;
}
