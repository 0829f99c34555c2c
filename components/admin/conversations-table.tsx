'use client';
// The conversations that match, with a checkbox each and the per-row actions: open in the
// inbox, export as JSON or CSV, block the visitor. A table on wide screens, cards on phones.
import type { AgentConversation } from '@/lib/contracts/dto';

const STATUS_LABELS: Record<AgentConversation['status'], string> = {
  open_unclaimed: 'Unclaimed',
  open_assigned: 'Assigned',
  awaiting_customer: 'Awaiting customer',
  closed: 'Closed',
  blocked: 'Blocked',
};

const STATUS_LOOK: Record<AgentConversation['status'], string> = {
  open_unclaimed: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  open_assigned: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/40 dark:text-indigo-200',
  awaiting_customer: 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  closed: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  blocked: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const LINK =
  'rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300 dark:hover:bg-slate-800';

function RowActions({
  conversation,
  onBlock,
}: {
  conversation: AgentConversation;
  onBlock: (conversation: AgentConversation) => void;
}) {
  const base = `/api/v1/admin/conversations/${conversation.id}`;
  const who = conversation.name ?? conversation.codename;
  return (
    <div className="flex flex-wrap items-center gap-1 md:flex-nowrap">
      <a
        className={LINK}
        href={`/inbox?c=${conversation.id}`}
        aria-label={`Open ${who} in the inbox`}
      >
        Open
      </a>
      <a
        className={LINK}
        href={`${base}/export.json`}
        download
        aria-label={`Export ${who} as JSON`}
      >
        JSON
      </a>
      <a className={LINK} href={`${base}/export.csv`} download aria-label={`Export ${who} as CSV`}>
        CSV
      </a>
      <button
        type="button"
        className="whitespace-nowrap rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500 dark:text-red-300 dark:hover:bg-slate-800"
        onClick={() => onBlock(conversation)}
        aria-label={`Block visitor of ${who}`}
      >
        Block visitor
      </button>
    </div>
  );
}

export function ConversationsTable({
  conversations,
  selected,
  onToggle,
  onToggleAll,
  onBlock,
  departmentName,
}: {
  conversations: AgentConversation[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  onBlock: (conversation: AgentConversation) => void;
  departmentName: (id: string | null) => string;
}) {
  const allChecked = conversations.length > 0 && conversations.every((c) => selected.has(c.id));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <thead className="hidden text-xs uppercase tracking-wide text-slate-500 md:table-header-group dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="w-8 py-2 pr-2">
              <input
                type="checkbox"
                className="size-4 accent-indigo-600"
                aria-label="Select all shown conversations"
                checked={allChecked}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </th>
            <th scope="col" className="py-2 pr-3">
              Conversation
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              Department · assignee
            </th>
            <th scope="col" className="py-2 pr-3">
              Created · last activity
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {conversations.map((conversation) => (
            <tr
              key={conversation.id}
              data-id={conversation.id}
              className="flex flex-wrap items-start gap-x-3 gap-y-1 border-b border-slate-200 py-3 md:table-row dark:border-slate-800"
            >
              <td className="md:py-3 md:pr-2 md:align-top">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-indigo-600"
                  aria-label={`Select ${conversation.name ?? conversation.codename}`}
                  checked={selected.has(conversation.id)}
                  onChange={(event) => onToggle(conversation.id, event.target.checked)}
                />
              </td>
              <td className="min-w-0 flex-1 md:py-3 md:pr-3 md:align-top">
                <div className="font-medium">{conversation.name ?? 'Anonymous visitor'}</div>
                <div className="text-xs text-slate-500 dark:text-slate-400">
                  {conversation.codename} · {conversation.lastSeq}{' '}
                  {conversation.lastSeq === 1 ? 'message' : 'messages'}
                </div>
                {conversation.lastMessage ? (
                  <div className="mt-1 line-clamp-2 max-w-md text-xs text-slate-600 dark:text-slate-300">
                    {conversation.lastMessage.text}
                  </div>
                ) : null}
              </td>
              <td className="md:py-3 md:pr-3 md:align-top">
                <span
                  className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_LOOK[conversation.status]}`}
                >
                  {STATUS_LABELS[conversation.status]}
                </span>
              </td>
              <td className="w-full pl-7 text-xs text-slate-600 md:w-auto md:py-3 md:pr-3 md:pl-0 md:align-top md:text-sm dark:text-slate-300">
                {departmentName(conversation.departmentId)} ·{' '}
                {conversation.assignee?.name ?? 'Unassigned'}
              </td>
              <td className="w-full pl-7 text-xs text-slate-600 md:w-auto md:py-3 md:pr-3 md:pl-0 md:align-top dark:text-slate-300">
                <time className="whitespace-nowrap md:block" dateTime={conversation.createdAt}>
                  {when(conversation.createdAt)}
                </time>
                <span className="md:hidden"> · </span>
                <time className="whitespace-nowrap md:block" dateTime={conversation.lastActivityAt}>
                  {when(conversation.lastActivityAt)}
                </time>
              </td>
              <td className="w-full pl-5 md:w-auto md:py-2 md:pl-0 md:align-top">
                <RowActions conversation={conversation} onBlock={onBlock} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
