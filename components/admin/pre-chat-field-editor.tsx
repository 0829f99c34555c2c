'use client';
// One field of the pre-chat form: its label, id, type, whether it is required, the options
// of a choice, and moving it up, down or out.
import { Button, Field } from '../ui';
import { Checkbox, Select, TextArea } from './form';
import { FIELD_TYPES, type FieldRow, type FieldType, idFromLabel } from './pre-chat-fields';

interface Props {
  row: FieldRow;
  index: number;
  count: number;
  takenIds: string[];
  problems?: { label?: string; id?: string; options?: string };
  onChange: (row: FieldRow) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function Problem({ text }: { text?: string }) {
  return text ? <p className="text-xs text-red-700 dark:text-red-300">{text}</p> : null;
}

export function PreChatFieldEditor({
  row,
  index,
  count,
  takenIds,
  problems,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const name = row.label.trim() || `Field ${index + 1}`;
  const setLabel = (label: string) =>
    onChange({ ...row, label, id: row.idEdited ? row.id : idFromLabel(label, takenIds) });
  return (
    <li
      aria-label={name}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">
          {index + 1}. {name}
          {row.id === 'name' ? (
            <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-normal text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
              visitor’s name
            </span>
          ) : null}
        </h3>
        <div className="flex gap-1">
          <Button
            variant="ghost"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            aria-label={`Move ${name} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </Button>
          <Button variant="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Field
            label="Label"
            value={row.label}
            maxLength={100}
            aria-invalid={!!problems?.label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <Problem text={problems?.label} />
        </div>
        <div className="flex flex-col gap-1">
          <Field
            label="Id"
            hint="The key agents and the API see; “name” fills the visitor’s name."
            value={row.id}
            maxLength={32}
            spellCheck={false}
            aria-invalid={!!problems?.id}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 dark:border-slate-700 dark:bg-slate-950"
            onChange={(event) =>
              onChange({ ...row, id: event.target.value.trim(), idEdited: true })
            }
          />
          <Problem text={problems?.id} />
        </div>
        <Select
          label="Type"
          value={row.type}
          options={FIELD_TYPES}
          onChange={(event) => onChange({ ...row, type: event.target.value as FieldType })}
        />
        <div className="flex items-end pb-2">
          <Checkbox
            label="Required"
            checked={row.required}
            onChange={(required) => onChange({ ...row, required })}
          />
        </div>
      </div>
      {row.type === 'select' ? (
        <div className="flex flex-col gap-1">
          <TextArea
            label="Options"
            hint="One per line, in the order the visitor sees them."
            value={row.optionsText}
            rows={4}
            aria-invalid={!!problems?.options}
            onChange={(event) => onChange({ ...row, optionsText: event.target.value })}
          />
          <Problem text={problems?.options} />
        </div>
      ) : null}
    </li>
  );
}
