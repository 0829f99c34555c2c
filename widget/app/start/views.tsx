/** @jsxImportSource preact */
// Before the first message: choosing a department, then the optional pre-chat form.
// Part of the start chunk (index.tsx), loaded only for visitors who see them.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PreChatField } from '../../../lib/contracts/dto';
import type { FieldValues } from '../chat';
import { useChat } from '../ui/context';

export function Departments() {
  const chat = useChat();
  const { t, state } = chat;
  return (
    <div class="start">
      <h3 id="parley-departments">{t('chooseDepartment')}</h3>
      <ul class="departments" aria-labelledby="parley-departments">
        {state.config?.departments.map((department, index) => (
          <li key={department.id}>
            <button
              type="button"
              class="department"
              data-autofocus={index === 0 ? '' : undefined}
              style={department.color ? { borderInlineStartColor: department.color } : undefined}
              onClick={() => chat.sessions.chooseDepartment(department.id)}
            >
              {department.icon && (
                <span class="department-icon" aria-hidden="true">
                  {department.icon}
                </span>
              )}
              <span>
                <strong>{department.name}</strong>
                {department.description && <small>{department.description}</small>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function PreChatForm() {
  const chat = useChat();
  const { t, state } = chat;
  const fields = state.config?.preChatFields ?? [];
  const identity = chat.host.identity ?? {};
  const [values, setValues] = useState<FieldValues>(() => {
    const initial: FieldValues = {};
    for (const field of fields) {
      const known = state.prechat?.[field.id] ?? identity[field.id];
      initial[field.id] =
        field.type === 'checkbox' ? known === true : typeof known === 'string' ? known : '';
    }
    return initial;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const validate = (field: PreChatField, value: string | boolean | undefined): string => {
    const empty =
      value === undefined || value === false || (typeof value === 'string' && !value.trim());
    if (empty) return field.required ? t('required') : '';
    if (field.type === 'email' && typeof value === 'string' && !EMAIL.test(value.trim())) {
      return t('invalidEmail');
    }
    return '';
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const field of fields) {
      const problem = validate(field, values[field.id]);
      if (problem) found[field.id] = problem;
    }
    setErrors(found);
    const firstInvalid = fields.findIndex((field) => found[field.id]);
    if (firstInvalid >= 0) {
      const form = event.currentTarget as HTMLFormElement;
      form.querySelector<HTMLElement>(`#parley-field-${firstInvalid}`)?.focus();
      return;
    }
    const answers: FieldValues = {};
    for (const field of fields) {
      const value = values[field.id];
      if (typeof value === 'string' && value.trim()) answers[field.id] = value.trim();
      else if (value === true) answers[field.id] = true;
    }
    chat.sessions.submitPrechat(answers);
  };

  const several = (state.config?.departments.length ?? 0) > 1;
  return (
    <form class="start" noValidate onSubmit={submit}>
      <p>{t('formIntro')}</p>
      {fields.map((field, index) => (
        <Field
          key={field.id}
          id={`parley-field-${index}`}
          field={field}
          value={values[field.id]}
          error={errors[field.id]}
          autofocus={index === 0}
          onChange={(value) => setValues({ ...values, [field.id]: value })}
        />
      ))}
      <button type="submit" class="primary">
        {t('start')}
      </button>
      {several && (
        <button type="button" class="link" onClick={() => chat.sessions.chooseDepartment(null)}>
          {t('back')}
        </button>
      )}
    </form>
  );
}

interface FieldProps {
  id: string;
  field: PreChatField;
  value: string | boolean | undefined;
  error: string | undefined;
  autofocus: boolean;
  onChange(value: string | boolean): void;
}

function Field({ id, field, value, error, autofocus, onChange }: FieldProps) {
  const common = {
    id,
    name: field.id,
    required: field.required,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-error` : undefined,
    'data-autofocus': autofocus ? '' : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const onInput = (event: Event) => onChange((event.currentTarget as HTMLInputElement).value);
  const label = `${field.label}${field.required ? ' *' : ''}`;
  let control: JSX.Element;
  if (field.type === 'checkbox') {
    return (
      <div class="field checkbox">
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
        {error && (
          <p id={`${id}-error`} class="error">
            {error}
          </p>
        )}
      </div>
    );
  }
  if (field.type === 'textarea') {
    control = <textarea {...common} rows={3} maxLength={1000} value={text} onInput={onInput} />;
  } else if (field.type === 'select') {
    control = (
      <select {...common} value={text} onChange={onInput}>
        <option value="" />
        {field.options?.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    const autocomplete =
      field.type === 'email'
        ? 'email'
        : field.type === 'tel'
          ? 'tel'
          : field.id === 'name'
            ? 'name'
            : 'on';
    control = (
      <input
        {...common}
        type={field.type}
        list={undefined}
        maxLength={1000}
        autocomplete={autocomplete}
        value={text}
        onInput={onInput}
      />
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </div>
  );
}
