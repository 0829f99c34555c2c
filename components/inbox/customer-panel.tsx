// Who the customer is: what the widget knew when they started, and when we saw them.
import type { Department, InboxConversation } from '@/lib/contracts/agent';
import { fullTime } from './format';

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
  const department = departments.find((d) => d.id === conversation.departmentId)?.name ?? '—';
  const rows: [string, string][] = [
    ['Codename', conversation.codename],
    ['Name', conversation.name ?? '—'],
    ['Department', department],
    ['Page', conversation.page.url ?? '—'],
    ['Locale', conversation.locale ?? '—'],
    ['Browser', browserOf(conversation.userAgent)],
    ['First seen', fullTime(conversation.createdAt)],
    ['Last seen', fullTime(conversation.lastCustomerAt ?? conversation.createdAt)],
  ];
  const fields = Object.entries(conversation.fields);
  return (
    <section aria-label="Customer" className="flex flex-col gap-3 p-4 text-sm">
      <h2 className="font-semibold text-slate-800">Customer</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
      {fields.length ? (
        <>
          <h3 className="font-medium text-slate-700">Pre-chat answers</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
            {fields.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-slate-500">{key}</dt>
                <dd className="break-all text-slate-800">{String(value ?? '—')}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
