'use client';
// The offline_message template's default text, edited where the working hours are: the same
// template API as System messages, keeping the template's delivery flags as they are.
import { useState } from 'react';
import { errorMessage } from '../api';
import { Alert } from '../ui';
import { Card, SaveBar, TextArea } from './form';
import {
  effectiveTemplate,
  type TemplateDraft,
  useSaveTemplate,
  useTemplateCatalog,
} from './system-messages-queries';

export function WorkingHoursOfflineMessage() {
  const { data: catalog, error } = useTemplateCatalog();
  return (
    <Card
      title="What the widget shows when offline"
      description="Outside working hours the widget shows the team as away, customers who write get this message, and reminders to agents pause until the team is back."
    >
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      {catalog ? (
        <OfflineEditor template={effectiveTemplate(catalog, 'offline_message', '').template} />
      ) : null}
    </Card>
  );
}

function OfflineEditor({ template }: { template: TemplateDraft }) {
  const [text, setText] = useState(template.text);
  const [shown, setShown] = useState(template.text);
  if (shown !== template.text) {
    setShown(template.text);
    setText(template.text);
  }
  const save = useSaveTemplate();
  return (
    <>
      <TextArea
        label="Offline message"
        hint="The default text; other languages are on the System messages page."
        value={text}
        maxLength={4000}
        onChange={(event) => {
          setText(event.target.value);
          save.reset();
        }}
      />
      <SaveBar
        label="Save offline message"
        onSave={() => save.mutate({ ...template, text })}
        pending={save.isPending}
        error={save.error}
        saved={save.isSuccess}
        dirty={text !== template.text}
      />
    </>
  );
}
