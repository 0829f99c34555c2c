// What the widget sends to start a conversation: the department, the pre-chat answers and
// `Parley('identify')` data (as fields, with `name` as the visitor's name; a `token` goes as
// the verified identity token), where it happens.
import { readRaw, writeRaw } from '../storage';
import type { StartInput } from './api';
import { randomId } from './outbox';

export type FieldValues = Record<string, string | boolean>;

/** A random id kept per site, so agents can tell a returning visitor. */
function visitorId(): string {
  let id = readRaw('visitor');
  if (!id) {
    id = randomId();
    writeRaw('visitor', id);
  }
  return id;
}

export function startInput(
  departmentId: string | null,
  identity: Record<string, unknown> | null,
  answers: FieldValues | null,
  locale: string,
): StartInput {
  const fields: FieldValues = {};
  // The signed token is the site's word for who this is; it is no pre-chat answer.
  const { token, ...attributes } = identity ?? {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string' || typeof value === 'boolean') fields[key] = value;
    else if (typeof value === 'number') fields[key] = String(value);
  }
  Object.assign(fields, answers);
  const name = typeof fields.name === 'string' ? fields.name.trim() : '';
  delete fields.name;
  return {
    departmentId: departmentId ?? undefined,
    name: name || undefined,
    fields: Object.keys(fields).length ? fields : undefined,
    visitorId: visitorId(),
    page: {
      url: location.href.slice(0, 2048),
      title: document.title.slice(0, 512),
      referrer: document.referrer.slice(0, 2048),
    },
    locale,
    ...(typeof token === 'string' && token ? { identityToken: token } : {}),
  };
}
