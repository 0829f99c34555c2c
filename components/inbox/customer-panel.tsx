// Who the customer is: what the widget knew when they started, and when we saw them. The
// pre-chat answers are shown under the form's current labels (answers to fields removed
// since keep their ids), and an email field's answer as the customer's email.
import type { Department, InboxConversation } from '@/lib/contracts/agent';
import type { PreChatField } from '@/lib/contracts/dto';
import { FilesPanel } from './attachments/files-panel';
import { displayName, fullTime } from './format';
import { useWidgetConfig } from './use-widget-config';

/** The form as visitors get it now: the public widget config, which every agent may read. */
function usePreChatFields(): PreChatField[] {
  return useWidgetConfig().data?.preChatFields ?? [];
}

function display(value: unknown): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** The answers in the form's order, labelled; then any others (fields since removed). */
function labelledAnswers(fields: Record<string, unknown>, form: PreChatField[]) {
  const known = form
    .filter((field) => field.id in fields)
    .map((field) => ({
      id: field.id,
      label: field.label,
      type: field.type,
      value: fields[field.id],
    }));
  const others = Object.keys(fields)
    .filter((id) => !form.some((field) => field.id === id))
    .sort()
    .map((id) => ({ id, label: id, type: undefined, value: fields[id] }));
  return [...known, ...others];
}

function browserOf(userAgent: string | null): string {
  if (!userAgent) return '—';
  const match = /(Edg|Firefox|Chrome|Safari|OPR)\/([\d.]+)/.exec(userAgent);
  const os = /Windows|Mac OS X|Android|iPhone|iPad|Linux/.exec(userAgent)?.[0] ?? '';
  return match
    ? `${match[1] === 'Edg' ? 'Edge' : match[1]} ${match[2]?.split('.')[0]} ${os}`.trim()
    : userAgent.slice(0, 60);
}

export function CustomerPanel({
  conversation,
  departments,
}: {
  conversation: InboxConversation;
  departments: Department[];
}) {
  const form = usePreChatFields();
  const department = departments.find((d) => d.id === conversation.departmentId)?.name ?? '—';
  const answers = labelledAnswers(conversation.fields, form);
  const email =
    answers.find((answer) => answer.type === 'email' && typeof answer.value === 'string') ??
    answers.find((answer) => answer.id === 'email' && typeof answer.value === 'string');
  // The address replies go to once the visitor left (the form's, the widget's or the verified one).
  const address = conversation.email ?? (email ? display(email.value) : null);
  const rows: [string, string][] = [
    ['Codename', conversation.codename],
    ['Name', conversation.name ?? '—'],
    ...(address ? [['Email', address] as [string, string]] : []),
    ['Department', department],
    ['Channel', conversation.channel === 'telegram' ? 'Telegram (private chat)' : 'Widget'],
    ['Page', conversation.page.url ?? '—'],
    ['Locale', conversation.locale ?? '—'],
    ['Browser', conversation.channel === 'telegram' ? '—' : browserOf(conversation.userAgent)],
    ['First seen', fullTime(conversation.createdAt)],
    ['Last seen', fullTime(conversation.lastCustomerAt ?? conversation.createdAt)],
  ];
  const fields = answers.filter((answer) => answer !== email);
  return (
    <>
      <CustomerDetails rows={rows} fields={fields} identity={conversation.identity} />
      <FilesPanel conversationId={conversation.id} customerName={displayName(conversation)} />
    </>
  );
}

function CustomerDetails({
  rows,
  fields,
  identity,
}: {
  rows: [string, string][];
  fields: ReturnType<typeof labelledAnswers>;
  identity: InboxConversation['identity'];
}) {
  return (
    <section aria-label="Customer" className="flex flex-col gap-3 p-4 text-sm">
      <h2 className="font-semibold text-slate-800 dark:text-slate-100">Customer</h2>
      {identity ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-2 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100">
          <p className="font-medium">✓ Verified by the site</p>
          <p className="break-all">
            {[identity.name, identity.email, `user ${identity.sub}`].filter(Boolean).join(' · ')}
          </p>
        </div>
      ) : (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Unverified: the details below are what the visitor typed or the page sent.
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="break-all text-slate-800 dark:text-slate-100">{value}</dd>
          </div>
        ))}
      </dl>
      {fields.length ? (
        <>
          <h3 className="font-medium text-slate-700 dark:text-slate-300">
            Pre-chat answers{identity ? ' (not verified)' : ''}
          </h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
            {fields.map((answer) => (
              <div key={answer.id} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{answer.label}</dt>
                <dd className="break-all text-slate-800 dark:text-slate-100">
                  {display(answer.value)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
