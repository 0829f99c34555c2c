// The pre-chat editor's model: rows being edited, ids derived from labels, the checks the
// server makes (so mistakes show beside the field, not after saving), and presets.
import type { PreChatFieldSetting } from '@/lib/contracts/settings';

export type FieldType = PreChatFieldSetting['type'];

export interface FieldRow {
  /** Stable across edits of the id, for React keys and focus. */
  key: string;
  id: string;
  /** Once the admin edits the id, the label no longer rewrites it. */
  idEdited: boolean;
  label: string;
  type: FieldType;
  required: boolean;
  /** One option per line, as typed. */
  optionsText: string;
}

export const FIELD_TYPES: { value: FieldType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'email', label: 'Email' },
  { value: 'tel', label: 'Phone' },
  { value: 'textarea', label: 'Long text' },
  { value: 'select', label: 'Choice (select)' },
  { value: 'checkbox', label: 'Checkbox' },
];

const ID = /^[a-zA-Z][a-zA-Z0-9_]{0,31}$/;

let counter = 0;
const nextKey = () => `row-${++counter}`;

/** `"Visitor's e-mail"` → `visitors_e_mail`: letters, digits and _, starting with a letter. */
export function idFromLabel(label: string, taken: string[]): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f']/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'f_$1')
      .slice(0, 28) || 'field';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`;
  return id;
}

export function toRows(fields: PreChatFieldSetting[]): FieldRow[] {
  return fields.map((field) => ({
    key: nextKey(),
    id: field.id,
    idEdited: true,
    label: field.label,
    type: field.type,
    required: field.required,
    optionsText: (field.options ?? []).join('\n'),
  }));
}

function options(row: FieldRow): string[] {
  return row.optionsText
    .split('\n')
    .map((option) => option.trim())
    .filter(Boolean);
}

export function toFields(rows: FieldRow[]): PreChatFieldSetting[] {
  return rows.map((row) => ({
    id: row.id,
    label: row.label.trim(),
    type: row.type,
    required: row.required,
    ...(row.type === 'select' ? { options: options(row) } : {}),
  }));
}

/** What is wrong with each row, by row key and part. */
export function problemsOf(
  rows: FieldRow[],
): Record<string, { label?: string; id?: string; options?: string }> {
  const problems: Record<string, { label?: string; id?: string; options?: string }> = {};
  rows.forEach((row, index) => {
    const found: { label?: string; id?: string; options?: string } = {};
    if (!row.label.trim()) found.label = 'Give the field a label.';
    if (!ID.test(row.id))
      found.id = 'Start with a letter; letters, digits and _ only (at most 32).';
    else if (rows.findIndex((other) => other.id === row.id) !== index)
      found.id = 'Another field has this id.';
    if (row.type === 'select' && options(row).length === 0)
      found.options = 'Add at least one option.';
    if (Object.keys(found).length) problems[row.key] = found;
  });
  return problems;
}

export function newRow(rows: FieldRow[], preset: Partial<FieldRow> = {}): FieldRow {
  const label = preset.label ?? '';
  return {
    key: nextKey(),
    id:
      preset.id ??
      idFromLabel(
        label || 'field',
        rows.map((row) => row.id),
      ),
    idEdited: preset.idEdited ?? false,
    label,
    type: preset.type ?? 'text',
    required: preset.required ?? false,
    optionsText: preset.optionsText ?? '',
  };
}

/** Ready-made fields: the name field fills the conversation's visitor name. */
export const PRESETS = {
  name: { id: 'name', idEdited: true, label: 'Your name', type: 'text', required: true },
  email: { id: 'email', idEdited: true, label: 'Email', type: 'email', required: true },
} satisfies Record<string, Partial<FieldRow>>;
