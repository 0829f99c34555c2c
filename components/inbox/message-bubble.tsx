'use client';
// One transcript entry: a note, a system line, or a message with its quote, its "edited"
// mark or its deleted placeholder, and the actions on it (reply, and for one's own recent
// messages edit and delete; admins delete any), shown on hover and on keyboard focus.
import type { Attachment, Message } from '@/lib/contracts/dto';
import { MESSAGE_EDIT_WINDOW_SECONDS } from '@/lib/contracts/message-content';
import { Avatar } from '../avatar';
import { AttachmentList } from './attachments/attachment-list';
import { attachmentsOf } from './attachments/files';
import { fullTime, shortTime } from './format';
import type { TranscriptItem as Item } from './transcript-query';

export type MessageAction = 'reply' | 'edit' | 'delete';

export interface Viewer {
  agentId: string;
  isAdmin: boolean;
}

/** Which actions `viewer` has on `message` at `now` (the server checks the same rules). */
export function actionsFor(message: Message, viewer: Viewer, now = Date.now()): MessageAction[] {
  if (message.deletedAt || message.author === 'system') return [];
  const own = message.author === 'agent' && message.agentId === viewer.agentId;
  const recent = now - Date.parse(message.createdAt) < MESSAGE_EDIT_WINDOW_SECONDS * 1000;
  const actions: MessageAction[] = ['reply'];
  if (own && recent) actions.push('edit');
  if ((own && recent) || viewer.isAdmin) actions.push('delete');
  return actions;
}

const DELETED = 'Message deleted';

/** What a quote shows: the quoted message as this inbox holds it now, else the server's excerpt. */
function quoteText(quote: NonNullable<Message['replyTo']>, original: Message | undefined) {
  if (original?.deletedAt || quote.deleted) return DELETED;
  if (!original) return quote.text;
  return original.text || original.attachments.map((file) => `📎 ${file.name}`).join(', ');
}

function Quote({
  message,
  customerName,
  original,
  fromAgent,
  onJump,
}: {
  message: Message;
  customerName: string;
  original: Message | undefined;
  fromAgent: boolean;
  onJump(messageId: string): void;
}) {
  const quote = message.replyTo!;
  const who = quote.author === 'customer' ? customerName : (quote.agentName ?? 'Agent');
  const text = quoteText(quote, original);
  return (
    <button
      type="button"
      onClick={() => onJump(quote.id)}
      title="Show the quoted message"
      className={`mb-1 block w-full rounded border-l-4 px-2 py-1 text-left text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 ${
        fromAgent
          ? 'border-indigo-200 bg-indigo-500/60 text-indigo-50 hover:bg-indigo-500'
          : 'border-indigo-400 bg-slate-100 text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'
      }`}
    >
      <span className="sr-only">Quoted message from </span>
      <span className="font-semibold">{who}</span>
      <span className={`line-clamp-2 break-words ${text === DELETED ? 'italic' : ''}`}>{text}</span>
    </button>
  );
}

const ACTION_LABELS: Record<MessageAction, string> = {
  reply: 'Reply',
  edit: 'Edit',
  delete: 'Delete',
};
/** Names apart from the composer's own Reply button and other Deletes on the page. */
const ACTION_NAMES: Record<MessageAction, string> = {
  reply: 'Reply to this message',
  edit: 'Edit this message',
  delete: 'Delete this message',
};

function Actions({
  actions,
  author,
  onAction,
}: {
  actions: MessageAction[];
  author: string;
  onAction(action: MessageAction): void;
}) {
  if (actions.length === 0) return null;
  return (
    <fieldset className="absolute -top-3 right-2 flex gap-0.5 rounded-md border border-slate-200 bg-white p-0.5 opacity-0 shadow-sm transition-opacity focus-within:opacity-100 group-hover:opacity-100 dark:border-slate-700 dark:bg-slate-900">
      <legend className="sr-only">Actions on the message from {author}</legend>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          aria-label={ACTION_NAMES[action]}
          onClick={() => onAction(action)}
          className={`rounded px-2 py-0.5 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
            action === 'delete'
              ? 'text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950'
              : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
          }`}
        >
          {ACTION_LABELS[action]}
        </button>
      ))}
    </fieldset>
  );
}

export function Bubble({
  item,
  customerName,
  seenSeq,
  viewer,
  highlighted,
  findMessage,
  onOpenImage,
  onAction,
  onJump,
}: {
  item: Item;
  customerName: string;
  seenSeq: number;
  viewer: Viewer;
  highlighted: boolean;
  findMessage(id: string): Message | undefined;
  onOpenImage(attachment: Attachment): void;
  onAction(action: MessageAction, message: Message): void;
  onJump(messageId: string): void;
}) {
  if ('note' in item) {
    return (
      <article
        aria-label={`Private note by ${item.note.authorName}`}
        className="mx-auto w-full max-w-2xl"
      >
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-700 dark:bg-amber-950">
          <div className="mb-1 flex gap-2 text-xs text-amber-800 dark:text-amber-200">
            <span className="font-semibold">Private note · {item.note.authorName}</span>
            <time dateTime={item.note.createdAt} title={fullTime(item.note.createdAt)}>
              {shortTime(item.note.createdAt)}
            </time>
          </div>
          {item.note.text ? (
            <p className="whitespace-pre-wrap break-words text-sm text-amber-950 dark:text-amber-50">
              {item.note.text}
            </p>
          ) : null}
          <AttachmentList
            attachments={attachmentsOf(item.note)}
            tone="note"
            onOpenImage={onOpenImage}
          />
        </div>
      </article>
    );
  }
  const { message } = item;
  if (message.author === 'system') {
    return (
      <article
        aria-label="System message"
        className="text-center text-xs text-slate-500 dark:text-slate-400"
      >
        <span className="rounded-full bg-slate-100 px-3 py-1 dark:bg-slate-800">
          {message.text} · <time dateTime={message.createdAt}>{shortTime(message.createdAt)}</time>
        </span>
      </article>
    );
  }
  const fromAgent = message.author === 'agent';
  const author = fromAgent ? (message.agentName ?? 'Agent') : customerName;
  const deleted = Boolean(message.deletedAt);
  const look = deleted
    ? 'border border-dashed border-slate-300 bg-transparent text-slate-500 dark:border-slate-600 dark:text-slate-400'
    : fromAgent
      ? 'bg-indigo-600 text-white'
      : 'border border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
  const meta = deleted
    ? 'text-slate-500 dark:text-slate-400'
    : fromAgent
      ? 'text-indigo-100'
      : 'text-slate-500 dark:text-slate-400';
  return (
    <article
      aria-label={`Message from ${author}${deleted ? ', deleted' : ''}`}
      data-message-id={message.id}
      className={`group flex items-end gap-2 ${fromAgent ? 'justify-end' : 'justify-start'}`}
    >
      <div className="relative max-w-[85%] sm:max-w-[75%]">
        <div
          className={`rounded-lg px-3 py-2 transition-shadow ${look} ${highlighted ? 'ring-4 ring-amber-400' : ''}`}
        >
          <div className={`mb-0.5 flex flex-wrap gap-x-2 text-xs ${meta}`}>
            <span className="font-semibold">{author}</span>
            <time dateTime={message.createdAt} title={fullTime(message.createdAt)}>
              {shortTime(message.createdAt)}
            </time>
            {message.editedAt && !deleted ? (
              <span title={`Edited ${fullTime(message.editedAt)}`}>· edited</span>
            ) : null}
            {fromAgent && !deleted && message.seq <= seenSeq ? <span>· Seen</span> : null}
          </div>
          {message.replyTo && !deleted ? (
            <Quote
              message={message}
              customerName={customerName}
              original={findMessage(message.replyTo.id)}
              fromAgent={fromAgent}
              onJump={onJump}
            />
          ) : null}
          {deleted ? (
            <p className="text-sm italic">{DELETED}</p>
          ) : message.text ? (
            <p className="whitespace-pre-wrap break-words text-sm">{message.text}</p>
          ) : null}
          <AttachmentList
            attachments={message.attachments}
            tone={fromAgent ? 'onAccent' : 'light'}
            onOpenImage={onOpenImage}
          />
        </div>
        <Actions
          actions={actionsFor(message, viewer)}
          author={author}
          onAction={(action) => onAction(action, message)}
        />
      </div>
      {fromAgent ? <Avatar name={author} url={message.agentAvatarUrl} size="sm" /> : null}
    </article>
  );
}
